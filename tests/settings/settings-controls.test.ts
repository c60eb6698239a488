import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import { controlValue, joinList, patchForControl, splitList, validateControl } from "../../src/settings/settings-controls";

const settings = structuredClone(DEFAULT_SETTINGS);

describe("settings controls", () => {
	it("splits lists on commas and line breaks, keeping glob braces", () => {
		expect(splitList("a, b\n\nc,a")).toEqual(["a", "b", "c"]);
		expect(splitList("notes/{x,y}/**\ntemplates")).toEqual(["notes/{x,y}/**", "templates"]);
		expect(joinList("ignoredFolders", ["a", "b"])).toBe("a\nb");
		expect(joinList("learningSteps", ["1m", "10m"])).toBe("1m, 10m");
	});

	it("shows lists as text and cloze kinds as toggles", () => {
		expect(controlValue(settings, "flashcardTags")).toBe("#flashcards");
		expect(controlValue(settings, "learningSteps")).toBe("1m, 10m");
		expect(controlValue(settings, "cloze-highlight")).toBe(true);
		expect(controlValue(settings, "cloze-bold")).toBe(false);
		expect(controlValue(settings, "desiredRetention")).toBe(0.9);
	});

	it("turns text back into lists, adding # to tags", () => {
		expect(patchForControl(settings, "flashcardTags", "flashcards, space/docker")).toEqual({
			ok: true,
			patch: { flashcardTags: ["#flashcards", "#space/docker"] },
		});
		expect(patchForControl(settings, "relearningSteps", "10m\n1h")).toEqual({ ok: true, patch: { relearningSteps: ["10m", "1h"] } });
		expect(patchForControl(settings, "ignoredFolders", "/templates/\narchive/**")).toEqual({
			ok: true,
			patch: { ignoredFolders: ["templates", "archive/**"] },
		});
		expect(patchForControl(settings, "learningSteps", "")).toEqual({ ok: true, patch: { learningSteps: [] } });
	});

	it("toggles cloze kinds in a fixed order", () => {
		expect(patchForControl(settings, "cloze-curly", true)).toEqual({ ok: true, patch: { clozeKinds: ["highlight", "curly"] } });
		expect(patchForControl(settings, "cloze-highlight", false)).toEqual({ ok: true, patch: { clozeKinds: [] } });
	});

	it("rejects bad values with a message", () => {
		expect(validateControl("learningSteps", "1m, abc")).toContain("“abc” is not a step");
		expect(validateControl("desiredRetention", 1.5)).toBe("Desired retention must be between 0.7 and 0.99.");
		expect(validateControl("maximumInterval", 10.5)).toContain("whole number");
		expect(validateControl("nextDayStartsAt", 24)).toContain("between 0 and 23");
		expect(validateControl("flashcardTags", "")).toContain("at least one");
		expect(validateControl("ignoredTags", "#a b")).toContain("is not a tag");
		expect(validateControl("endMarker", "??")).toContain("must differ");
		expect(validateControl("desiredRetention", Number.NaN)).toBe("Write a number.");
		expect(validateControl("desiredRetention", 0.85)).toBeUndefined();
		expect(patchForControl(settings, "desiredRetention", 1.5).ok).toBe(false);
		expect(patchForControl(settings, "fuzz", "yes").ok).toBe(false);
		expect(patchForControl(settings, "nonsense", 1).ok).toBe(false);
		expect(patchForControl(settings, "fuzz", false)).toEqual({ ok: true, patch: { fuzz: false } });
	});
});
