import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { importSpacedRepetitionSettings } from "../../src/settings/import-sr";
import { normaliseSettings } from "../../src/settings/settings";

/** A data.json as the Spaced Repetition plugin writes it (settings under `settings`). */
const SR_DATA = {
	settings: {
		flashcardTags: ["#flashcards", "space"],
		noteFoldersToIgnore: ["templates/**", "**/*.excalidraw.md"],
		tagsToIgnore: ["#draft"],
		convertHighlightsToClozes: true,
		convertBoldTextToClozes: true,
		convertCurlyBracketsToClozes: false,
		multilineCardEndMarker: "+++",
		cardCommentOnSameLine: true,
		baseEase: 230,
		lapsesIntervalChange: 0.6,
		easyBonus: 1.4,
		maximumInterval: 36525,
		loadBalance: false,
		burySiblingCards: true,
		showIntervalInReviewButtons: false,
		openViewInNewTab: true,
		flashcardCardOrder: "DueFirstSequential",
		singleLineCardSeparator: "::",
		flashcardHeightPercentage: 80,
	},
	buryDate: "2026-03-01",
	buryList: [],
};

describe("importSpacedRepetitionSettings", () => {
	it("maps every key that means the same here", () => {
		const { settings, notes } = importSpacedRepetitionSettings(SR_DATA);
		expect(settings).toEqual({
			flashcardTags: ["#flashcards", "#space"],
			ignoredTags: ["#draft"],
			ignoredFolders: ["templates/**", "**/*.excalidraw.md"],
			clozeKinds: ["highlight", "bold"],
			endMarker: "+++",
			commentPlacement: "same-line",
			baseEase: 230,
			lapseFactor: 0.6,
			easyBonus: 1.4,
			maximumInterval: 36500,
			loadBalance: false,
			burySiblings: true,
			showIntervalsOnButtons: false,
			reviewIn: "tab",
			deterministicOrder: true,
			algorithm: "sm2",
		});
		expect(notes.join(" ")).toContain("SM-2");
		// The result is valid settings as a whole.
		expect(normaliseSettings(settings)).toMatchObject(settings);
	});

	it("accepts the bare settings object and old files without some switches", () => {
		const { settings } = importSpacedRepetitionSettings({ convertBoldTextToClozes: true, cardCommentOnSameLine: false, randomizeCardOrder: true });
		expect(settings.clozeKinds).toEqual(["highlight", "bold"]);
		expect(settings.commentPlacement).toBe("next-line");
		expect(settings.deterministicOrder).toBe(false);
	});

	it("reads later versions' cloze patterns and reports unsupported ones", () => {
		const { settings, notes } = importSpacedRepetitionSettings({
			settings: { clozePatterns: ["{{[123;;]answer[;;hint]}}", "==[123;;]answer[;;hint]==", "[[x]]"] },
		});
		expect(settings.clozeKinds).toEqual(["highlight", "curly"]);
		expect(notes.some((n) => n.includes("[[x]]"))).toBe(true);
	});

	it("skips bad values with a note and warns about custom separators and folder decks", () => {
		const { settings, notes } = importSpacedRepetitionSettings({
			settings: {
				baseEase: 50,
				easyBonus: "big",
				flashcardTags: ["two words"],
				singleLineCardSeparator: ";;",
				convertFoldersToDecks: true,
				burySiblingCards: false,
			},
		});
		expect(settings).toEqual({ burySiblings: false, algorithm: "sm2" });
		const text = notes.join("\n");
		expect(text).toContain("Skipped baseEase (50)");
		expect(text).toContain('Skipped easyBonus ("big")');
		expect(text).toContain("“#two words” is not a tag");
		expect(text).toContain("“;;”");
		expect(text).toContain("Folders are not turned into decks");
	});

	it("never throws and says when nothing could be used", () => {
		expect(importSpacedRepetitionSettings(null)).toEqual({ settings: {}, notes: ["The file holds no settings of the Spaced Repetition plugin."] });
		expect(importSpacedRepetitionSettings({ settings: { unrelated: 1 } }).notes).toEqual(["No setting of the Spaced Repetition plugin could be used."]);
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				const { settings } = importSpacedRepetitionSettings({ settings: value });
				// Whatever came in, the patch survives normalisation unchanged.
				expect(normaliseSettings(settings)).toMatchObject(settings);
			}),
		);
	});
});
