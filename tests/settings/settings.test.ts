import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, normaliseSettings } from "../../src/settings/settings";

describe("normaliseSettings", () => {
	it("returns the defaults for missing or malformed data", () => {
		expect(normaliseSettings(null)).toEqual(DEFAULT_SETTINGS);
		expect(normaliseSettings("nonsense")).toEqual(DEFAULT_SETTINGS);
	});

	it("keeps known keys of the right type and drops the rest", () => {
		const settings = normaliseSettings({ flashcardTags: ["#space"], nextDayStartsAt: "4", unknown: 1 });
		expect(settings.flashcardTags).toEqual(["#space"]);
		expect(settings.nextDayStartsAt).toBe(DEFAULT_SETTINGS.nextDayStartsAt);
		expect("unknown" in settings).toBe(false);
	});

	it("never shares arrays with the defaults", () => {
		const settings = normaliseSettings({});
		settings.flashcardTags.push("#x");
		expect(DEFAULT_SETTINGS.flashcardTags).toEqual(["#flashcards"]);
	});
});
