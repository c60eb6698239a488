import { describe, expect, it } from "vitest";
import { Rating } from "../../src/model/schedule";
import { scheduleFsrs } from "../../src/schedule/fsrs";
import { presetForDeck, schedulingForDeck } from "../../src/settings/deck-presets";
import { readStoredSettings } from "../../src/settings/read-settings";
import { DEFAULT_SETTINGS, type DeckPreset } from "../../src/settings/settings";

const FITTED = [0.4, 1.2, 3.1, 9.5, 6.5, 0.7, 2.9, 0.01, 1.6, 0.2, 0.7, 1.5, 0.07, 0.3, 1.6, 0.6, 1.9, 0.5, 0.09, 0.07, 0.2];

describe("deck presets", () => {
	const presets: DeckPreset[] = [
		{ deck: "languages", desiredRetention: 0.85 },
		{ deck: "Languages/Spanish", parameters: FITTED, learningSteps: ["5m"] },
	];

	it("a sub-deck takes its closest ancestor's preset; other decks none", () => {
		expect(presetForDeck(presets, "languages/spanish/verbs")?.deck).toBe("Languages/Spanish");
		expect(presetForDeck(presets, "languages/french")?.deck).toBe("languages");
		expect(presetForDeck(presets, "languagesx")).toBeUndefined();
		expect(presetForDeck(presets, "")).toBeUndefined();
	});

	it("lays the preset over the global settings, field by field", () => {
		const settings = { ...DEFAULT_SETTINGS, deckPresets: presets };
		const spanish = schedulingForDeck(settings, "languages/spanish");
		expect(spanish).toMatchObject({ fsrsParameters: FITTED, learningSteps: ["5m"], desiredRetention: DEFAULT_SETTINGS.desiredRetention });
		expect(schedulingForDeck(settings, "languages/french").desiredRetention).toBe(0.85);
		expect(schedulingForDeck(settings, "docker")).toBe(settings);
	});

	it("the scheduler uses the personal parameters when set", () => {
		const noFuzz = { ...DEFAULT_SETTINGS, fuzz: false, learningSteps: [], relearningSteps: [] };
		const now = new Date("2026-03-01T10:00:00Z");
		const byDefault = scheduleFsrs(null, Rating.Easy, now, noFuzz, "k");
		const personal = scheduleFsrs(null, Rating.Easy, now, { ...noFuzz, fsrsParameters: FITTED }, "k");
		expect(byDefault.stability).toBeCloseTo(8.2956, 4);
		expect(personal.stability).toBeCloseTo(9.5, 4);
	});
});

describe("reading stored parameters and presets", () => {
	it("keeps valid ones", () => {
		const read = readStoredSettings({
			fsrsParameters: FITTED,
			deckPresets: [{ deck: "#math", parameters: FITTED, desiredRetention: 0.8, relearningSteps: ["10m"] }],
		});
		expect(read.problems).toEqual([]);
		expect(read.settings.fsrsParameters).toEqual(FITTED);
		expect(read.settings.deckPresets).toEqual([{ deck: "math", parameters: FITTED, desiredRetention: 0.8, relearningSteps: ["10m"] }]);
	});

	it.each([
		[{ fsrsParameters: [1, 2, 3] }, "21 FSRS parameters"],
		[{ fsrsParameters: FITTED.map((w, i) => (i === 20 ? 5 : w)) }, "w20"],
		[{ fsrsParameters: "fast" }, "list of numbers"],
		[{ deckPresets: [{ deck: "" }] }, "name a deck"],
		[{ deckPresets: [{ deck: "a" }, { deck: "A" }] }, "two presets"],
		[{ deckPresets: [{ deck: "a", desiredRetention: 2 }] }, "Preset a"],
		[{ deckPresets: [{ deck: "a", learningSteps: [3] }] }, "list of texts"],
	])("replaces %j by the default and says why", (stored, reason) => {
		const read = readStoredSettings(stored);
		expect(read.problems.join(" ")).toContain(reason);
		const key = Object.keys(stored)[0] as "fsrsParameters" | "deckPresets";
		expect(read.settings[key]).toEqual([]);
	});
});
