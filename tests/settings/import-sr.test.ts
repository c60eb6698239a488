/**
 * The import of the Spaced Repetition plugin's settings (docs/scheduling.md, "Importing the Spaced
 * Repetition plugin's settings"): every mapped key, and one sentence for each setting that is not.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { importSpacedRepetitionSettings } from "../../src/settings/import-sr";
import { readStoredSettings } from "../../src/settings/read-settings";
import { normaliseSettings } from "../../src/settings/settings";

/** A data.json as the Spaced Repetition plugin 1.15 writes it (settings under `settings`), its defaults. */
const SR_DEFAULTS = {
	flashcardTags: ["#flashcards"],
	flashcardTagsToIgnore: [],
	convertFoldersToDecks: false,
	burySiblingCards: false,
	flashcardCardOrder: "DueFirstRandom",
	flashcardDeckOrder: "PrevDeckComplete_Sequential",
	convertClozePatternsToInputs: false,
	convertHighlightsToClozes: true,
	convertBoldTextToClozes: false,
	convertCurlyBracketsToClozes: false,
	clozePatterns: ["==[123;;]answer[;;hint]=="],
	singleLineCardSeparator: "::",
	singleLineReversedCardSeparator: ":::",
	multilineCardSeparator: "?",
	multilineReversedCardSeparator: "??",
	multilineCardEndMarker: "",
	enableReviewReminders: false,
	reviewReminderIntervalMinutes: 5,
	enableNoteReviewPaneOnStartup: true,
	tagsToReview: ["#review"],
	noteTagsToIgnore: [],
	noteFoldersToIgnore: ["**/*.excalidraw.md"],
	openRandomNote: false,
	autoNextNote: false,
	showFileMenuReviewOptions: true,
	maxNDaysNotesReviewQueue: 365,
	showStatusBar: true,
	showCardStatusBarItem: true,
	showNoteStatusBarItem: true,
	showUpdateAvailableStatusBarItem: true,
	initiallyExpandAllSubdecksInTree: true,
	showContextInCards: true,
	showIntervalInReviewButtons: true,
	flashcardHeightPercentage: 60,
	flashcardWidthPercentage: 60,
	flashcardHeightPercentageMobile: 100,
	flashcardWidthPercentageMobile: 100,
	flashcardAgainText: "Again",
	flashcardEasyText: "Easy",
	flashcardGoodText: "Good",
	flashcardHardText: "Hard",
	reviewButtonDelay: 0,
	showDeleteButtonInCardView: false,
	showDeleteButtonInFileMenu: false,
	openViewInNewTab: false,
	openViewInNewTabMobile: false,
	useCustomHotkeys: false,
	useCalloutsForSchedulingComments: false,
	algorithm: "SM-2-OSR",
	baseEase: 250,
	lapsesIntervalChange: 0.5,
	easyBonus: 1.3,
	loadBalance: true,
	maximumInterval: 36525,
	maxLinkFactor: 1.0,
	fsrsDesiredRetention: 0.9,
	startOfDay: "00:00:00",
	dataStore: "NOTES",
	cardCommentOnSameLine: false,
	scheduleDataVaultLocation: "Spaced Repetition",
	showSchedulingDebugMessages: false,
	showParserDebugMessages: false,
	preferredDateFormatForNoteReviewQueue: "MMM DD YYYY",
	preferredLocale: "-",
};

const file = (settings: Record<string, unknown>) => ({ settings: { ...SR_DEFAULTS, ...settings }, buryDate: "2026-03-01", buryList: [], historyDeck: null });

describe("importSpacedRepetitionSettings", () => {
	it("maps every setting that means the same here", () => {
		const { settings, mapped } = importSpacedRepetitionSettings(
			file({
				flashcardTags: ["#flashcards", "space"],
				flashcardTagsToIgnore: ["#draft"],
				noteFoldersToIgnore: ["templates/**"],
				convertFoldersToDecks: true,
				singleLineCardSeparator: ";;",
				singleLineReversedCardSeparator: ";;;",
				multilineCardSeparator: " ?? ",
				multilineReversedCardSeparator: "!!",
				clozePatterns: ["{{[123::]answer[::hint]}}", "**[123;;]answer[;;hint]**"],
				multilineCardEndMarker: "+++",
				cardCommentOnSameLine: true,
				algorithm: "FSRS",
				baseEase: 230,
				lapsesIntervalChange: 0.6,
				easyBonus: 1.4,
				maximumInterval: 3650,
				fsrsDesiredRetention: 0.85,
				startOfDay: "04:00:00",
				loadBalance: false,
				burySiblingCards: true,
				showIntervalInReviewButtons: false,
				openViewInNewTab: true,
				flashcardCardOrder: "DueFirstSequential",
			}),
		);
		expect(settings).toEqual({
			flashcardTags: ["#flashcards", "#space"],
			ignoredTags: ["#draft"],
			ignoredFolders: ["templates/**"],
			foldersAsDecks: true,
			singleLineSeparator: ";;",
			singleLineReversedSeparator: ";;;",
			multiLineSeparator: "??",
			multiLineReversedSeparator: "!!",
			clozePatterns: ["{{[123::]answer[::hint]}}", "**[123;;]answer[;;hint]**"],
			clozeKinds: ["bold"],
			endMarker: "+++",
			commentPlacement: "same-line",
			algorithm: "fsrs",
			baseEase: 230,
			lapseFactor: 0.6,
			easyBonus: 1.4,
			maximumInterval: 3650,
			desiredRetention: 0.85,
			nextDayStartsAt: 4,
			loadBalance: false,
			burySiblings: true,
			showIntervalsOnButtons: false,
			reviewIn: "tab",
			deterministicOrder: true,
			keyMap: "spaced-repetition",
			noteReviewTags: ["#review"],
			noteOpenRandom: false,
			noteAutoNext: false,
			noteBuryCards: true,
			noteQueueMaxDays: 365,
			maxLinkFactor: 1,
		});
		expect(mapped.map((m) => `${m.from} → ${m.to}`)).toEqual([
			"flashcardTags → flashcardTags",
			"flashcardTagsToIgnore → ignoredTags",
			"noteFoldersToIgnore → ignoredFolders",
			"convertFoldersToDecks → foldersAsDecks",
			"singleLineCardSeparator → singleLineSeparator",
			"singleLineReversedCardSeparator → singleLineReversedSeparator",
			"multilineCardSeparator → multiLineSeparator",
			"multilineReversedCardSeparator → multiLineReversedSeparator",
			"clozePatterns → clozePatterns",
			"clozePatterns → clozeKinds",
			"multilineCardEndMarker → endMarker",
			"cardCommentOnSameLine → commentPlacement",
			"algorithm → algorithm",
			"baseEase → baseEase",
			"lapsesIntervalChange → lapseFactor",
			"easyBonus → easyBonus",
			"maximumInterval → maximumInterval",
			"fsrsDesiredRetention → desiredRetention",
			"startOfDay → nextDayStartsAt",
			"loadBalance → loadBalance",
			"burySiblingCards → burySiblings",
			"showIntervalInReviewButtons → showIntervalsOnButtons",
			"openViewInNewTab → reviewIn",
			"flashcardCardOrder → deterministicOrder",
			"tagsToReview → noteReviewTags",
			"openRandomNote → noteOpenRandom",
			"autoNextNote → noteAutoNext",
			"burySiblingCards → noteBuryCards",
			"maxNDaysNotesReviewQueue → noteQueueMaxDays",
			"maxLinkFactor → maxLinkFactor",
			"(its review keys) → keyMap",
		]);
		expect(mapped.find((m) => m.to === "nextDayStartsAt")?.value).toBe(4);
		// The result is valid settings as a whole: reading it back changes nothing and reports nothing.
		const read = readStoredSettings({ ...normaliseSettings(null), ...settings });
		expect(read.problems).toEqual([]);
		expect(read.settings).toMatchObject(settings);
	});

	it("maps its defaults to the values that behave the same here", () => {
		const { settings, unmapped } = importSpacedRepetitionSettings(file({}));
		expect(settings).toMatchObject({
			clozePatterns: ["==[123;;]answer[;;hint]=="],
			clozeKinds: ["highlight"],
			ignoredFolders: ["**/*.excalidraw.md"],
			singleLineSeparator: "::",
			multiLineReversedSeparator: "??",
			foldersAsDecks: false,
			// Its next-line comment starts at column 0; automatic placement writes where both plugins read it.
			commentPlacement: "auto",
			algorithm: "sm2",
			maximumInterval: 36500,
			nextDayStartsAt: 0,
			burySiblings: false,
			deterministicOrder: false,
			reviewIn: "modal",
		});
		// With its defaults, everything is carried over, note review too.
		expect(unmapped).toEqual([]);
	});

	it("gives one sentence for each setting it cannot carry over", () => {
		const changed: Record<string, unknown> = {
			flashcardDeckOrder: "PrevDeckComplete_Random",
			convertClozePatternsToInputs: true,
			showStatusBar: false,
			showCardStatusBarItem: false,
			showNoteStatusBarItem: false,
			showUpdateAvailableStatusBarItem: false,
			initiallyExpandAllSubdecksInTree: false,
			showContextInCards: false,
			flashcardHeightPercentage: 80,
			flashcardWidthPercentage: 80,
			flashcardHeightPercentageMobile: 90,
			flashcardWidthPercentageMobile: 90,
			flashcardAgainText: "Nochmal",
			flashcardHardText: "Schwer",
			flashcardGoodText: "Gut",
			flashcardEasyText: "Leicht",
			reviewButtonDelay: 500,
			openViewInNewTabMobile: true,
			showDeleteButtonInCardView: true,
			showDeleteButtonInFileMenu: true,
			useCustomHotkeys: true,
			useCalloutsForSchedulingComments: true,
			dataStore: "FOLDER",
			noteTagsToIgnore: ["#private"],
			enableNoteReviewPaneOnStartup: false,
			enableReviewReminders: true,
			showSchedulingDebugMessages: true,
			showParserDebugMessages: true,
			preferredLocale: "de",
		};
		const { unmapped } = importSpacedRepetitionSettings(file(changed));
		for (const key of Object.keys(changed)) {
			const lines = unmapped.filter((line) => line.startsWith(`${key} (`));
			expect(lines, key).toHaveLength(1);
			expect(lines[0]).toMatch(new RegExp(`^${key} \\(.*\\) was not imported: [^\\n]+\\.$`));
		}
		expect(unmapped).toHaveLength(Object.keys(changed).length);
		expect(unmapped.join("\n")).toContain(
			"useCalloutsForSchedulingComments (true) was not imported: new comments are written without the > [!sr|card-metadata] callout here; comments already in one are read and updated in place.",
		);
	});

	it("maps its note review settings", () => {
		const { settings, mapped, unmapped } = importSpacedRepetitionSettings(
			file({
				tagsToReview: ["#review", "read/later"],
				openRandomNote: true,
				autoNextNote: true,
				maxNDaysNotesReviewQueue: 30,
				maxLinkFactor: 0.5,
				burySiblingCards: true,
				noteFoldersToIgnore: ["templates"],
			}),
		);
		expect(settings).toMatchObject({
			noteReviewTags: ["#review", "#read/later"],
			noteOpenRandom: true,
			noteAutoNext: true,
			noteQueueMaxDays: 30,
			maxLinkFactor: 0.5,
			noteBuryCards: true,
			burySiblings: true,
			ignoredFolders: ["templates"],
		});
		expect(mapped.filter((m) => m.to.startsWith("note") || m.to === "maxLinkFactor").map((m) => m.from)).toEqual([
			"tagsToReview",
			"openRandomNote",
			"autoNextNote",
			"burySiblingCards",
			"maxNDaysNotesReviewQueue",
			"maxLinkFactor",
		]);
		expect(unmapped).toEqual([]);
		const bad = importSpacedRepetitionSettings(file({ maxNDaysNotesReviewQueue: -3, tagsToReview: ["two words"] })).unmapped;
		expect(bad).toHaveLength(2);
		expect(bad).toContain("maxNDaysNotesReviewQueue (-3) was not imported: The number of days must be between 0 and 36500.");
		expect(bad.find((line) => line.startsWith("tagsToReview ("))).toMatch(/was not imported: “#two words” is not a tag/);
	});

	it("says what it carried over only in part", () => {
		const { settings, unmapped } = importSpacedRepetitionSettings(file({ flashcardCardOrder: "NewFirstSequential", startOfDay: "04:30:00" }));
		expect(settings).toMatchObject({ deterministicOrder: true, nextDayStartsAt: 4 });
		expect(unmapped).toContain(
			'flashcardCardOrder ("NewFirstSequential") was imported only as sequential or shuffled: a review here shows learning steps, then due cards, then new cards.',
		);
		expect(unmapped).toContain('startOfDay ("04:30:00") was imported only as the hour 4: a day starts on the hour here.');
	});

	it("accepts the bare settings object and old files: cloze switches, random order, no algorithm", () => {
		const { settings } = importSpacedRepetitionSettings({
			convertBoldTextToClozes: true,
			cardCommentOnSameLine: false,
			randomizeCardOrder: true,
			tagsToIgnore: ["#old"],
		});
		expect(settings).toEqual({
			clozeKinds: ["highlight", "bold"],
			clozePatterns: ["==[123;;]answer[;;hint]==", "**[123;;]answer[;;hint]**"],
			commentPlacement: "auto",
			deterministicOrder: false,
			ignoredTags: ["#old"],
			algorithm: "sm2",
			keyMap: "spaced-repetition",
		});
	});

	it("skips bad values with a sentence each", () => {
		const { settings, unmapped } = importSpacedRepetitionSettings({
			settings: {
				baseEase: 50,
				easyBonus: "big",
				flashcardTags: ["two words"],
				fsrsDesiredRetention: 0.5,
				singleLineCardSeparator: "a\nb",
				clozePatterns: ["==answer==", "{{[123::]answer[::hint]}}"],
				multilineCardSeparator: "+++",
				multilineCardEndMarker: "+++",
				startOfDay: "noon",
				algorithm: "Leitner",
				burySiblingCards: false,
			},
		});
		expect(settings).toEqual({
			clozePatterns: ["{{[123::]answer[::hint]}}"],
			clozeKinds: [],
			multiLineSeparator: "+++",
			burySiblings: false,
			noteBuryCards: false,
			algorithm: "sm2",
			keyMap: "spaced-repetition",
		});
		const text = unmapped.join("\n");
		expect(text).toContain("baseEase (50) was not imported: Base ease must be between 130 and 1000.");
		expect(text).toContain('easyBonus ("big") was not imported: Expected a number.');
		expect(text).toContain("“#two words” is not a tag");
		expect(text).toContain("fsrsDesiredRetention (0.5) was not imported: Desired retention must be between 0.7 and 0.99.");
		expect(text).toContain("singleLineCardSeparator");
		expect(text).toContain("The cloze pattern “==answer==” has no number part in brackets, e.g. [123;;]. It was not imported.");
		expect(text).toContain('multilineCardEndMarker ("+++") was not imported: The end marker must differ from the card separators +++');
		expect(text).toContain('startOfDay ("noon") was not imported');
		expect(text).toContain('algorithm ("Leitner") was not imported');
	});

	it("never throws, and says when nothing could be used", () => {
		expect(importSpacedRepetitionSettings(null)).toEqual({
			settings: {},
			mapped: [],
			unmapped: ["The file holds no settings of the Spaced Repetition plugin."],
		});
		expect(importSpacedRepetitionSettings({ settings: { unrelated: 1 } }).unmapped).toEqual(["No setting of the Spaced Repetition plugin could be used."]);
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				const { settings, mapped } = importSpacedRepetitionSettings({ settings: value });
				// Whatever came in, the patch is valid settings: reading it back reports nothing.
				expect(readStoredSettings(settings).problems).toEqual([]);
				expect(normaliseSettings(settings)).toMatchObject(settings);
				expect(new Set(mapped.map((m) => m.to))).toEqual(new Set(Object.keys(settings)));
			}),
		);
	});
});
