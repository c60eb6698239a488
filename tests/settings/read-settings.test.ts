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
		["clozePatterns", ["==answer=="]],
		["clozePatterns", "==[123;;]answer[;;hint]=="],
		["singleLineSeparator", "a\nb"],
		["multiLineSeparator", 1],
		["foldersAsDecks", "yes"],
	] as const)("%s = %j is reported and replaced by the default", (key, value) => {
		const read = readStoredSettings({ [key]: value, baseEase: key === "baseEase" ? value : 260 });
		expect(read.settings[key]).toEqual(DEFAULT_SETTINGS[key]);
		expect(read.problems).toHaveLength(1);
		expect(read.problems[0]).toMatch(new RegExp(`^${key} is .*The default \\(.*\\) is used\\.$`));
		if (key !== "baseEase") expect(read.settings.baseEase).toBe(260);
	});

	it("reads the separators, cloze patterns, folders as decks and the auto placement", () => {
		const read = readStoredSettings({
			singleLineSeparator: ";;",
			singleLineReversedSeparator: ";;;",
			multiLineSeparator: " ?? ",
			multiLineReversedSeparator: "",
			clozePatterns: ["{{[123::]answer[::hint]}}", " **[123;;]answer[;;hint]** "],
			foldersAsDecks: true,
			commentPlacement: "auto",
		});
		expect(read.problems).toEqual([]);
		expect(read.settings).toMatchObject({
			singleLineSeparator: ";;",
			singleLineReversedSeparator: ";;;",
			multiLineSeparator: "??",
			multiLineReversedSeparator: "",
			clozePatterns: ["{{[123::]answer[::hint]}}", "**[123;;]answer[;;hint]**"],
			clozeKinds: ["bold"],
			foldersAsDecks: true,
			commentPlacement: "auto",
		});
		expect(DEFAULT_SETTINGS.commentPlacement).toBe("auto");
	});

	it("a file from before the cloze patterns gets its toggles' patterns; with both, the patterns decide", () => {
		expect(readStoredSettings({ clozeKinds: ["bold", "curly"] }).settings.clozePatterns).toEqual([
			"**[123;;]answer[;;hint]**",
			"{{[123;;]answer[;;hint]}}",
		]);
		expect(readStoredSettings({ clozeKinds: ["bold"], clozePatterns: ["==[123;;]answer[;;hint]=="] }).settings.clozeKinds).toEqual(["highlight"]);
		expect(readStoredSettings({}).settings).toMatchObject({ clozeKinds: ["highlight"], clozePatterns: ["==[123;;]answer[;;hint]=="] });
	});

	it("an end marker that a separator would hide is reported and dropped", () => {
		const read = readStoredSettings({ endMarker: "%%", multiLineSeparator: "%%" });
		expect(read.settings.endMarker).toBe("");
		expect(read.settings.multiLineSeparator).toBe("%%");
		expect(read.problems).toHaveLength(1);
		expect(read.problems[0]).toMatch(/^endMarker is "%%": The end marker must differ from the card separators %%/);
		expect(readStoredSettings({ endMarker: "::", singleLineSeparator: ";;", singleLineReversedSeparator: ";;;" }).problems).toEqual([]);
	});

	it("a stored value that is not an object gives the defaults and one problem", () => {
		expect(readStoredSettings([1, 2]).problems).toHaveLength(1);
		expect(readStoredSettings(null)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
	});
});
