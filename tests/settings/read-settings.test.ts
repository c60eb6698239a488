/** Stored settings are checked value by value: a bad value is reported and replaced by its default. */
import { describe, expect, it } from "vitest";
import { readStoredSettings } from "../../src/settings/read-settings";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";

describe("readStoredSettings", () => {
	it("keeps valid values and ignores unknown keys, without problems", () => {
		const read = readStoredSettings({ baseEase: 230, algorithm: "sm2", flashcardTags: ["space", "#k8s"], learningSteps: ["1m", "1d"], unknown: 1 });
		expect(read.problems).toEqual([]);
		expect(read.settings).toMatchObject({ baseEase: 230, algorithm: "sm2", flashcardTags: ["#space", "#k8s"], learningSteps: ["1m", "1d"] });
		expect("unknown" in read.settings).toBe(false);
	});

	it.each([
		["baseEase", 0],
		["desiredRetention", 2],
		["nextDayStartsAt", 1e20],
		["maximumInterval", -3],
		["newPerDay", 1.5],
		["flashcardTags", [123]],
		["flashcardTags", []],
		["ignoredTags", ["two words"]],
		["learningSteps", ["99999999d"]],
		["relearningSteps", ["ten"]],
		["algorithm", "anki"],
		["commentPlacement", "above"],
		["clozeKinds", ["underline"]],
		["savedFilters", [{ name: 1 }]],
		["endMarker", "?"],
		["fuzz", "yes"],
	] as const)("%s = %j is reported and replaced by the default", (key, value) => {
		const read = readStoredSettings({ [key]: value, baseEase: key === "baseEase" ? value : 260 });
		expect(read.settings[key]).toEqual(DEFAULT_SETTINGS[key]);
		expect(read.problems).toHaveLength(1);
		expect(read.problems[0]).toMatch(new RegExp(`^${key} is .*The default \\(.*\\) is used\\.$`));
		if (key !== "baseEase") expect(read.settings.baseEase).toBe(260);
	});

	it("a stored value that is not an object gives the defaults and one problem", () => {
		expect(readStoredSettings([1, 2]).problems).toHaveLength(1);
		expect(readStoredSettings(null)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
	});
});
