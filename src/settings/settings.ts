/**
 * The plugin's settings, shared by the plugin (stored in `data.json`) and the command line
 * (read from `<vault>/.obsidian/plugins/spaced-notes/data.json`). Pure data and defaults.
 */

export type ClozeKind = "highlight" | "bold" | "curly";
export type CommentPlacement = "next-line" | "same-line";
type Algorithm = "fsrs" | "sm2";

export interface ParserSettings {
	/** Tags that make a note's cards count, with `#`, e.g. `#flashcards`. */
	flashcardTags: string[];
	/** A note with one of these tags (or a sub-tag) is skipped. */
	ignoredTags: string[];
	/** Glob patterns of vault-relative folders/paths to skip, e.g. `templates/**`. */
	ignoredFolders: string[];
	/** Which cloze forms are read. */
	clozeKinds: ClozeKind[];
	/** Optional multi-line end marker, e.g. `+++`; empty = none. */
	endMarker: string;
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
}

export interface SpacedNotesSettings extends ParserSettings, SchedulingSettings {
	commentPlacement: CommentPlacement;
	reviewIn: "modal" | "tab";
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
	endMarker: "",
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
	commentPlacement: "next-line",
	reviewIn: "modal",
	showIntervalsOnButtons: true,
	dockerPanel: true,
	dockerPanelInLivePreview: true,
	commentDisplay: "chip",
	savedFilters: [],
};

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
