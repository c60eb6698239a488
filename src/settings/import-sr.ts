/**
 * The settings of the Spaced Repetition community plugin (`obsidian-spaced-repetition` 1.15,
 * its `data.json`) turned into ours: one pure function for the settings tab's import and the
 * `import-sr` command. What it carries over is listed key by key; what it cannot is said in one
 * sentence per setting (docs/scheduling.md, "Importing the Spaced Repetition plugin's settings").
 *
 * Its `data.json` holds the settings under `settings` (beside `buryDate`, `buryList`,
 * `historyDeck` and `scheduleData`); older files may hold them at the top level. Keys it has
 * that mean the same here are mapped; its defaults are used for the checks of "changed from
 * the default" that decide whether an unmapped setting is worth a sentence.
 */
import { CLOZE_KIND_PATTERNS, clozeKindsOfPatterns, DEFAULT_SETTINGS, type ClozeKind, type SpacedNotesSettings } from "./settings";
import { readClozePattern } from "./cloze-pattern-syntax";
import { parseListControl, separatorValue, validateControl } from "./settings-controls";

/** One setting carried over: the other plugin's key, ours, and the value it now has here. */
interface SrMappedSetting {
	from: string;
	to: keyof SpacedNotesSettings;
	value: unknown;
}

export interface SrImportResult {
	/** The patch to apply over our settings (every value valid). */
	settings: Partial<SpacedNotesSettings>;
	/** What was carried over, in the order of the mapping table. */
	mapped: SrMappedSetting[];
	/** One sentence per setting that could not be carried over, or only in part. */
	unmapped: string[];
}

const CLOZE_SWITCHES: [string, ClozeKind][] = [
	["convertHighlightsToClozes", "highlight"],
	["convertBoldTextToClozes", "bold"],
	["convertCurlyBracketsToClozes", "curly"],
];

const SEPARATORS: [string, "singleLineSeparator" | "singleLineReversedSeparator" | "multiLineSeparator" | "multiLineReversedSeparator"][] = [
	["singleLineCardSeparator", "singleLineSeparator"],
	["singleLineReversedCardSeparator", "singleLineReversedSeparator"],
	["multilineCardSeparator", "multiLineSeparator"],
	["multilineReversedCardSeparator", "multiLineReversedSeparator"],
];

/**
 * Its settings with no counterpart here: its default, and why. A sentence is given when the file
 * holds another value than the default (a default is no choice the user made).
 */
const UNMAPPED: Record<string, { default: unknown; why: string }> = {
	flashcardDeckOrder: {
		default: "PrevDeckComplete_Sequential",
		why: "a review here takes the cards of every chosen deck together, so there is no deck order.",
	},
	convertClozePatternsToInputs: { default: false, why: "clozes are shown as [...] here; typing the answer is not available." },
	showStatusBar: { default: true, why: "the status bar item cannot be turned off here." },
	showCardStatusBarItem: { default: true, why: "the status bar item cannot be turned off here." },
	showNoteStatusBarItem: { default: true, why: "the status bar item cannot be turned off here." },
	enableNoteReviewPaneOnStartup: { default: true, why: "the note review view opens with its command here, never by itself." },
	noteTagsToIgnore: { default: [], why: "notes are left out of note review here by ignored folders only." },
	showFileMenuReviewOptions: { default: true, why: "the file menu always has the note review entry here." },
	preferredDateFormatForNoteReviewQueue: { default: "MMM DD YYYY", why: "the note review view shows days as YYYY-MM-DD here." },
	showUpdateAvailableStatusBarItem: { default: true, why: "Obsidian tells about updates here." },
	initiallyExpandAllSubdecksInTree: { default: true, why: "the deck list keeps its own folding here." },
	showContextInCards: { default: true, why: "a card's context (note name and headings) is always shown here." },
	flashcardHeightPercentage: { default: 60, why: "the review takes the size of its modal or tab here." },
	flashcardWidthPercentage: { default: 60, why: "the review takes the size of its modal or tab here." },
	flashcardHeightPercentageMobile: { default: 100, why: "the review takes the size of its modal or tab here." },
	flashcardWidthPercentageMobile: { default: 100, why: "the review takes the size of its modal or tab here." },
	flashcardAgainText: { default: "Again", why: "the answer buttons keep their names (Again, Hard, Good, Easy) here." },
	flashcardHardText: { default: "Hard", why: "the answer buttons keep their names (Again, Hard, Good, Easy) here." },
	flashcardGoodText: { default: "Good", why: "the answer buttons keep their names (Again, Hard, Good, Easy) here." },
	flashcardEasyText: { default: "Easy", why: "the answer buttons keep their names (Again, Hard, Good, Easy) here." },
	reviewButtonDelay: { default: 0, why: "the answer buttons are never held back here." },
	openViewInNewTabMobile: { default: false, why: "reviews open the same way on phones as elsewhere (the Review in setting)." },
	showDeleteButtonInCardView: { default: false, why: "a card is deleted by editing its note here." },
	showDeleteButtonInFileMenu: { default: false, why: "a card is deleted by editing its note here." },
	useCustomHotkeys: { default: false, why: "the review keys are fixed here: its own (0–3, Space, S, J) are set instead." },
	useCalloutsForSchedulingComments: {
		default: false,
		why: "new comments are written without the > [!sr|card-metadata] callout here; comments already in one are read and updated in place.",
	},
	dataStore: { default: "NOTES", why: "only schedules kept in the notes are read here." },
	enableReviewReminders: { default: false, why: "review reminders are not available here." },
	showSchedulingDebugMessages: { default: false, why: "there are no debug messages to turn on here." },
	showParserDebugMessages: { default: false, why: "there are no debug messages to turn on here." },
	preferredLocale: { default: "-", why: "the plugin is in English here." },
};

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] | undefined {
	if (typeof value === "string") return value.split(/[\s,]+/u).filter((item) => item !== "");
	if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
	return undefined;
}

function shown(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Maps the other plugin's settings (`data` is its parsed `data.json`, or just its `settings`
 * object) to a patch of ours, the list of what was mapped, and a sentence for each setting that
 * could not be. Keys it lacks are left out; never throws.
 */
export function importSpacedRepetitionSettings(data: unknown): SrImportResult {
	const source = isRecord(data) ? (isRecord(data.settings) ? data.settings : data) : undefined;
	if (!source) return { settings: {}, mapped: [], unmapped: ["The file holds no settings of the Spaced Repetition plugin."] };
	const settings: Partial<SpacedNotesSettings> = {};
	const mapped: SrMappedSetting[] = [];
	const unmapped: string[] = [];
	const target = settings as Record<string, unknown>;
	const set = <K extends keyof SpacedNotesSettings>(from: string, to: K, value: SpacedNotesSettings[K]): void => {
		target[to] = value;
		const at = mapped.findIndex((m) => m.to === to);
		if (at >= 0) mapped.splice(at, 1);
		mapped.push({ from, to, value });
	};
	const skip = (from: string, why: string): void => {
		unmapped.push(`${from} (${shown(source[from])}) was not imported: ${why}`);
	};
	const partly = (from: string, how: string): void => {
		unmapped.push(`${from} (${shown(source[from])}) was imported only ${how}`);
	};

	// Cards: which notes, decks, separators, clozes.
	const list = (from: string, to: "flashcardTags" | "ignoredTags" | "ignoredFolders"): void => {
		const items = stringList(source[from]);
		if (items === undefined) return;
		const parsed = parseListControl(to, items.join("\n"));
		if (parsed.ok) set(from, to, parsed.value);
		else skip(from, parsed.error);
	};
	list("flashcardTags", "flashcardTags");
	if ("flashcardTagsToIgnore" in source) list("flashcardTagsToIgnore", "ignoredTags");
	else list("tagsToIgnore", "ignoredTags");
	list("noteFoldersToIgnore", "ignoredFolders");
	if (typeof source.convertFoldersToDecks === "boolean") set("convertFoldersToDecks", "foldersAsDecks", source.convertFoldersToDecks);

	for (const [from, to] of SEPARATORS) {
		const value = source[from];
		if (value === undefined) continue;
		const error = typeof value === "string" ? validateControl(to, value, { ...DEFAULT_SETTINGS, endMarker: "" }) : "Expected text.";
		if (error === undefined && typeof value === "string") set(from, to, separatorValue(to, value));
		else skip(from, error ?? "Expected text.");
	}
	importClozes(source, set, unmapped);
	if (typeof source.multilineCardEndMarker === "string") {
		const marker = source.multilineCardEndMarker.trim();
		const error = validateControl("endMarker", marker, { ...DEFAULT_SETTINGS, ...settings });
		if (error === undefined) set("multilineCardEndMarker", "endMarker", marker);
		else skip("multilineCardEndMarker", error);
	}
	if (typeof source.cardCommentOnSameLine === "boolean") {
		// Off, it writes the comment at the start of the next line, which breaks a list; automatic
		// placement writes where both plugins read it (docs/format.md, "Writing back").
		set("cardCommentOnSameLine", "commentPlacement", source.cardCommentOnSameLine ? "same-line" : "auto");
	}

	// Scheduling.
	const algorithm = source.algorithm;
	if (algorithm === "FSRS" || algorithm === "SM-2-OSR") set("algorithm", "algorithm", algorithm === "FSRS" ? "fsrs" : "sm2");
	else if (algorithm !== undefined) skip("algorithm", "Spaced Notes schedules with FSRS or SM-2 (FSRS or SM-2-OSR there).");
	const number = (from: string, to: keyof SpacedNotesSettings): void => {
		const value = source[from];
		if (value === undefined) return;
		const error = typeof value === "number" ? validateControl(to, value) : "Expected a number.";
		if (error === undefined && typeof value === "number") set(from, to, value as never);
		else skip(from, error ?? "Expected a number.");
	};
	number("baseEase", "baseEase");
	number("lapsesIntervalChange", "lapseFactor");
	number("easyBonus", "easyBonus");
	if (typeof source.maximumInterval === "number" && source.maximumInterval > 36500) {
		// Its default is 36525 days; ours stops at 36500 (a hundred years either way).
		set("maximumInterval", "maximumInterval", 36500);
	} else {
		number("maximumInterval", "maximumInterval");
	}
	number("fsrsDesiredRetention", "desiredRetention");
	if (typeof source.maxNewPerDay === "number" && source.maxNewPerDay >= 0) number("maxNewPerDay", "newPerDay");
	importStartOfDay(source, set, skip, partly);

	const flag = (from: string, to: "loadBalance" | "burySiblings" | "showIntervalsOnButtons"): void => {
		if (typeof source[from] === "boolean") set(from, to, source[from]);
	};
	flag("loadBalance", "loadBalance");
	flag("burySiblingCards", "burySiblings");

	// Review.
	flag("showIntervalInReviewButtons", "showIntervalsOnButtons");
	if (typeof source.openViewInNewTab === "boolean") set("openViewInNewTab", "reviewIn", source.openViewInNewTab ? "tab" : "modal");
	if (typeof source.flashcardCardOrder === "string") {
		const order = source.flashcardCardOrder;
		set("flashcardCardOrder", "deterministicOrder", /sequential/iu.test(order));
		if (!order.startsWith("DueFirst")) {
			partly("flashcardCardOrder", "as sequential or shuffled: a review here shows learning steps, then due cards, then new cards.");
		}
	} else if (typeof source.randomizeCardOrder === "boolean") {
		set("randomizeCardOrder", "deterministicOrder", !source.randomizeCardOrder);
	}

	importNoteReview(source, set, skip);

	// What has no counterpart.
	for (const [key, { default: fallback, why }] of Object.entries(UNMAPPED)) {
		if (key in source && source[key] !== undefined && JSON.stringify(source[key]) !== JSON.stringify(fallback)) skip(key, why);
	}
	// Its review keys (0–3, Space, S, J) are in its code, not its settings: whoever comes from it knows them.
	if (mapped.length > 0) set("(its review keys)", "keyMap", "spaced-repetition");
	if (mapped.length > 0 && !("algorithm" in settings)) {
		// Files from before its FSRS option: SM-2 was its only algorithm.
		set("algorithm", "algorithm", "sm2");
	}
	if (mapped.length === 0) unmapped.push("No setting of the Spaced Repetition plugin could be used.");
	return { settings, mapped, unmapped };
}

type Say = (from: string, sentence: string) => void;
type Setter = <K extends keyof SpacedNotesSettings>(from: string, to: K, value: SpacedNotesSettings[K]) => void;

/** Cloze patterns from `clozePatterns` or, in older files, from the three switches. */
function importClozes(source: Record<string, unknown>, set: Setter, unmapped: string[]): void {
	if (Array.isArray(source.clozePatterns)) {
		const patterns: string[] = [];
		for (const item of source.clozePatterns) {
			if (typeof item !== "string" || item.trim() === "") continue;
			const pattern = item.trim();
			const read = readClozePattern(pattern);
			if (!read.ok) unmapped.push(`${read.error} It was not imported.`);
			else if (!patterns.includes(pattern)) patterns.push(pattern);
		}
		set("clozePatterns", "clozePatterns", patterns);
		set("clozePatterns", "clozeKinds", clozeKindsOfPatterns(patterns));
		return;
	}
	if (!CLOZE_SWITCHES.some(([key]) => typeof source[key] === "boolean")) return;
	// A switch missing from an old file keeps that plugin's default (highlights on, others off).
	const kinds = CLOZE_SWITCHES.filter(([key, kind]) => (typeof source[key] === "boolean" ? source[key] : kind === "highlight")).map(([, kind]) => kind);
	set("convertHighlightsToClozes", "clozeKinds", kinds);
	set(
		"convertHighlightsToClozes",
		"clozePatterns",
		kinds.map((kind) => CLOZE_KIND_PATTERNS[kind]),
	);
}

/** Its start of day (`HH:mm:ss`, default midnight) as our hour; minutes are dropped with a sentence. */
function importStartOfDay(source: Record<string, unknown>, set: Setter, skip: Say, partly: Say): void {
	const value = source.startOfDay;
	if (value === undefined) return;
	const match = typeof value === "string" ? /^(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?$/.exec(value.trim()) : null;
	const hour = match ? Number(match[1]) : Number.NaN;
	if (!match || hour > 23) {
		skip("startOfDay", "write it as HH:mm:ss, e.g. 04:00:00.");
		return;
	}
	set("startOfDay", "nextDayStartsAt", hour);
	if (Number(match[2]) !== 0 || Number(match[3] ?? 0) !== 0) {
		partly("startOfDay", `as the hour ${hour}: a day starts on the hour here.`);
	}
}

/**
 * Its note review settings (docs/scheduling.md, "Note review"): review tags, the note queue's
 * options and the link factor. Its folders to ignore are already our ignored folders (it uses one
 * list for cards and notes); it buries a reviewed note's cards by its sibling setting.
 */
function importNoteReview(source: Record<string, unknown>, set: Setter, skip: Say): void {
	const tags = stringList(source.tagsToReview);
	if (tags !== undefined) {
		const parsed = parseListControl("noteReviewTags", tags.join("\n"));
		if (parsed.ok) set("tagsToReview", "noteReviewTags", parsed.value);
		else skip("tagsToReview", parsed.error);
	}
	if (typeof source.openRandomNote === "boolean") set("openRandomNote", "noteOpenRandom", source.openRandomNote);
	if (typeof source.autoNextNote === "boolean") set("autoNextNote", "noteAutoNext", source.autoNextNote);
	if (typeof source.burySiblingCards === "boolean") set("burySiblingCards", "noteBuryCards", source.burySiblingCards);
	for (const [from, to] of [
		["maxNDaysNotesReviewQueue", "noteQueueMaxDays"],
		["maxLinkFactor", "maxLinkFactor"],
	] as const) {
		const value = source[from];
		if (value === undefined) continue;
		const error = typeof value === "number" ? validateControl(to, value) : "Expected a number.";
		if (error === undefined && typeof value === "number") set(from, to, value);
		else skip(from, error ?? "Expected a number.");
	}
}
