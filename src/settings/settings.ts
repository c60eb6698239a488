/**
 * The plugin's settings, shared by the plugin (stored in `data.json`) and the command line
 * (read from `<vault>/.obsidian/plugins/spaced-notes/data.json`). Pure data and defaults.
 */

export type ClozeKind = "highlight" | "bold" | "curly";
/**
 * Where a new scheduling comment goes: `auto` puts it at the end of the card's line when the card
 * sits in a list, a callout or an indented line (where the Spaced Repetition plugin reads only
 * that place) and on the next line elsewhere.
 */
export type CommentPlacement = "auto" | "next-line" | "same-line";
type Algorithm = "fsrs" | "sm2";

export interface ParserSettings {
	/** Tags that make a note's cards count, with `#`, e.g. `#flashcards`. */
	flashcardTags: string[];
	/** A note with one of these tags (or a sub-tag) is skipped. */
	ignoredTags: string[];
	/** Glob patterns of vault-relative folders/paths to skip, e.g. `templates/**`. */
	ignoredFolders: string[];
	/**
	 * The standard cloze forms, a shorthand for their patterns in `clozePatterns` (the settings
	 * keep the two in step; the parser reads both).
	 */
	clozeKinds: ClozeKind[];
	/**
	 * Cloze patterns in the Spaced Repetition plugin's syntax, e.g. `==[123;;]answer[;;hint]==`
	 * (docs/format.md, "Cloze patterns").
	 */
	clozePatterns: string[];
	/** Optional multi-line end marker, e.g. `+++`; empty = none. */
	endMarker: string;
	/** Splits a single-line card (`Q::A`); empty = no such cards. */
	singleLineSeparator: string;
	/** Splits a single-line reversed card (`Q:::A`); empty = no such cards. */
	singleLineReversedSeparator: string;
	/** A line that is only this splits a multi-line card; empty = no such cards. */
	multiLineSeparator: string;
	/** The same for a multi-line reversed card. */
	multiLineReversedSeparator: string;
	/** A note in a folder takes the folder's path as the deck of its cards, and is read without a flashcard tag. */
	foldersAsDecks: boolean;
}

export interface SchedulingSettings {
	algorithm: Algorithm;
	/** FSRS desired retention, 0.7–0.99. */
	desiredRetention: number;
	/** Maximum interval in days. */
	maximumInterval: number;
	/** FSRS learning steps, e.g. ["1m", "10m"]. */
	learningSteps: string[];
	relearningSteps: string[];
	/** FSRS fuzz, seeded per card. */
	fuzz: boolean;
	/** Local hour (0–23) at which a new day starts. */
	nextDayStartsAt: number;
	/** SM-2 base ease ×100. */
	baseEase: number;
	/** SM-2 easy bonus. */
	easyBonus: number;
	/** SM-2 lapse factor for Hard. */
	lapseFactor: number;
	/** SM-2 load balancing. */
	loadBalance: boolean;
	/** Per-deck daily limits. */
	newPerDay: number;
	reviewsPerDay: number;
	burySiblings: boolean;
	/** Review in a fixed order (file, then line) instead of shuffled. */
	deterministicOrder: boolean;
	/** Lapses that make a sibling a leech (docs/scheduling.md, "Leeches"). */
	leechThreshold: number;
	/** What becomes of a leech: suspended, or only marked in the index. */
	leechAction: "suspend" | "mark";
	/** FSRS-6's 21 parameters, e.g. fitted by "Optimize" (docs/scheduling.md); empty = ts-fsrs's defaults. */
	fsrsParameters: number[];
	/** Per-deck scheduling (docs/scheduling.md, "Deck presets"); a sub-deck takes its closest ancestor's. */
	deckPresets: DeckPreset[];
}

/** What a deck (and its sub-decks) schedules differently; an absent field keeps the global value. */
export interface DeckPreset {
	/** Deck path without `#`, e.g. `languages/spanish`. */
	deck: string;
	/** 21 FSRS-6 parameters. */
	parameters?: number[];
	desiredRetention?: number;
	learningSteps?: string[];
	relearningSteps?: string[];
}

/** Reviewing whole notes (docs/scheduling.md, "Note review"). */
interface NoteReviewSettings {
	/** A note with one of these tags (or a sub-tag) is reviewed as a whole; each tag is a deck. Empty = none. */
	noteReviewTags: string[];
	/** Every note in these folders is reviewed as a whole; each folder is a deck. */
	noteReviewFolders: string[];
	/** Open the next note to review after rating one. */
	noteAutoNext: boolean;
	/** Open a random note of those due instead of the first by due day and link rank. */
	noteOpenRandom: boolean;
	/** How many days ahead the note review queue shows. */
	noteQueueMaxDays: number;
	/** After a note is reviewed, its cards wait until tomorrow. */
	noteBuryCards: boolean;
	/** How much the eases of linked notes weigh in a new note's first ease (0–1). */
	maxLinkFactor: number;
}

export interface SpacedNotesSettings extends ParserSettings, SchedulingSettings, NoteReviewSettings {
	commentPlacement: CommentPlacement;
	reviewIn: "modal" | "tab";
	/** The review modal's fixed size on desktop (buttons stay in place); phones always fill the screen. */
	reviewModalSize: "small" | "medium" | "large";
	/** The review's keys: Anki's, or the Spaced Repetition plugin's (README, "Reviewing: keys"). */
	keyMap: "anki" | "spaced-repetition";
	showIntervalsOnButtons: boolean;
	dockerPanel: boolean;
	dockerPanelInLivePreview: boolean;
	commentDisplay: "chip" | "hidden" | "raw";
	/** Saved tag filters shown beside the decks. */
	savedFilters: { name: string; expression: string }[];
}

export const DEFAULT_SETTINGS: SpacedNotesSettings = {
	flashcardTags: ["#flashcards"],
	ignoredTags: [],
	ignoredFolders: [],
	clozeKinds: ["highlight"],
	clozePatterns: ["==[123;;]answer[;;hint]=="],
	endMarker: "",
	singleLineSeparator: "::",
	singleLineReversedSeparator: ":::",
	multiLineSeparator: "?",
	multiLineReversedSeparator: "??",
	foldersAsDecks: false,
	algorithm: "fsrs",
	desiredRetention: 0.9,
	maximumInterval: 36500,
	learningSteps: ["1m", "10m"],
	relearningSteps: ["10m"],
	fuzz: true,
	nextDayStartsAt: 4,
	baseEase: 250,
	easyBonus: 1.3,
	lapseFactor: 0.5,
	loadBalance: true,
	newPerDay: 20,
	reviewsPerDay: 200,
	burySiblings: true,
	deterministicOrder: false,
	leechThreshold: 8,
	leechAction: "suspend",
	fsrsParameters: [],
	deckPresets: [],
	commentPlacement: "auto",
	reviewIn: "modal",
	reviewModalSize: "medium",
	keyMap: "anki",
	showIntervalsOnButtons: true,
	dockerPanel: true,
	dockerPanelInLivePreview: true,
	commentDisplay: "chip",
	savedFilters: [],
	noteReviewTags: ["#review"],
	noteReviewFolders: [],
	noteAutoNext: false,
	noteOpenRandom: false,
	noteQueueMaxDays: 365,
	noteBuryCards: false,
	maxLinkFactor: 1,
};

/** The pattern each cloze kind stands for, in the Spaced Repetition plugin's syntax. */
export const CLOZE_KIND_PATTERNS: Readonly<Record<ClozeKind, string>> = {
	highlight: "==[123;;]answer[;;hint]==",
	bold: "**[123;;]answer[;;hint]**",
	curly: "{{[123;;]answer[;;hint]}}",
};

const CLOZE_KIND_ORDER: readonly ClozeKind[] = ["highlight", "bold", "curly"];

/** The kinds whose standard pattern is among `patterns`, in the fixed kind order. */
export function clozeKindsOfPatterns(patterns: readonly string[]): ClozeKind[] {
	return CLOZE_KIND_ORDER.filter((kind) => patterns.includes(CLOZE_KIND_PATTERNS[kind]));
}

/**
 * The cloze patterns the parser reads: `clozePatterns` as listed, then the pattern of each kind
 * in `clozeKinds` that the list lacks (settings built by hand may set only the shorthand).
 */
export function effectiveClozePatterns(settings: Pick<ParserSettings, "clozeKinds" | "clozePatterns">): string[] {
	const patterns = [...settings.clozePatterns];
	for (const kind of settings.clozeKinds) {
		const pattern = CLOZE_KIND_PATTERNS[kind];
		if (pattern !== undefined && !patterns.includes(pattern)) patterns.push(pattern);
	}
	return patterns;
}

/** Keys of the settings the parser reads: a change to any of them means every note is read again. */
export const PARSER_SETTING_KEYS: readonly (keyof ParserSettings)[] = [
	"flashcardTags",
	"ignoredTags",
	"ignoredFolders",
	"clozeKinds",
	"clozePatterns",
	"endMarker",
	"singleLineSeparator",
	"singleLineReversedSeparator",
	"multiLineSeparator",
	"multiLineReversedSeparator",
	"foldersAsDecks",
];

/**
 * Merges stored settings over the defaults, keeping only known keys with the right type,
 * so a hand-edited or older `data.json` never breaks the plugin.
 */
export function normaliseSettings(stored: unknown): SpacedNotesSettings {
	const result = cloneJson(DEFAULT_SETTINGS);
	if (typeof stored !== "object" || stored === null) return result;
	const input = stored as Record<string, unknown>;
	const target = result as unknown as Record<string, unknown>;
	for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof SpacedNotesSettings)[]) {
		const value = input[key];
		const fallback = DEFAULT_SETTINGS[key];
		if (value === undefined) continue;
		if (Array.isArray(fallback)) {
			if (Array.isArray(value)) target[key] = cloneJson(value);
		} else if (typeof value === typeof fallback) {
			target[key] = value;
		}
	}
	return result;
}

/** Settings are plain JSON; a JSON round trip copies them on every platform Obsidian runs on. */
function cloneJson<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}
