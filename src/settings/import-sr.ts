/**
 * Reads the settings of the Spaced Repetition community plugin (`obsidian-spaced-repetition`,
 * its `data.json`) and turns the ones that mean the same here into our settings. Pure: the
 * settings tab reads the file and applies the result. What cannot be carried over is said in
 * `notes`, in words for the user.
 *
 * Facts about the other plugin's keys (its `src/settings.ts`): settings sit under `settings`
 * in `data.json`; `flashcardTags` and `tagsToIgnore` are tag lists, `noteFoldersToIgnore`
 * folder globs; the three `convert…ToClozes` switches (or, in later versions, `clozePatterns`)
 * pick the cloze forms; `cardCommentOnSameLine` places the scheduling comment;
 * `baseEase` (×100), `lapsesIntervalChange` (interval factor on a lapse / Hard), `easyBonus`,
 * `maximumInterval` (days) and `loadBalance` drive its SM-2 variant; `burySiblingCards` buries
 * siblings until the next day; `showIntervalInReviewButtons`, `openViewInNewTab` and the card
 * order choose how reviews look.
 */
import type { ClozeKind, SpacedNotesSettings } from "./settings";
import { parseListControl, validateControl } from "./settings-controls";

export interface SrImportResult {
	settings: Partial<SpacedNotesSettings>;
	notes: string[];
}

const DEFAULT_SEPARATORS: Record<string, string> = {
	singleLineCardSeparator: "::",
	singleLineReversedCardSeparator: ":::",
	multilineCardSeparator: "?",
	multilineReversedCardSeparator: "??",
};

const CLOZE_SWITCHES: [string, ClozeKind][] = [
	["convertHighlightsToClozes", "highlight"],
	["convertBoldTextToClozes", "bold"],
	["convertCurlyBracketsToClozes", "curly"],
];

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] | undefined {
	if (typeof value === "string") return value.split(/[\s,]+/u).filter((item) => item !== "");
	if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
	return undefined;
}

/**
 * Maps the other plugin's settings (`data` is its parsed `data.json`, or just its `settings`
 * object) to a partial settings patch. Keys it does not have or with unusable values are left
 * out; never throws.
 */
export function importSpacedRepetitionSettings(data: unknown): SrImportResult {
	const source = isRecord(data) ? (isRecord(data.settings) ? data.settings : data) : undefined;
	if (!source) return { settings: {}, notes: ["The file holds no settings of the Spaced Repetition plugin."] };
	const settings: Partial<SpacedNotesSettings> = {};
	const notes: string[] = [];

	const list = (from: string, to: "flashcardTags" | "ignoredTags" | "ignoredFolders"): void => {
		const items = stringList(source[from]);
		if (items === undefined) return;
		const parsed = parseListControl(to, items.join("\n"));
		if (parsed.ok) settings[to] = parsed.value;
		else notes.push(`Skipped ${from}: ${parsed.error}`);
	};
	list("flashcardTags", "flashcardTags");
	list("tagsToIgnore", "ignoredTags");
	list("noteFoldersToIgnore", "ignoredFolders");

	const clozes = clozeKinds(source, notes);
	if (clozes) settings.clozeKinds = clozes;

	if (typeof source.multilineCardEndMarker === "string") {
		const marker = source.multilineCardEndMarker.trim();
		const error = validateControl("endMarker", marker);
		if (error === undefined) settings.endMarker = marker;
		else notes.push(`Skipped the end marker “${marker}”: ${error}`);
	}
	if (typeof source.cardCommentOnSameLine === "boolean") {
		settings.commentPlacement = source.cardCommentOnSameLine ? "same-line" : "next-line";
	}

	const number = (from: string, to: keyof SpacedNotesSettings): void => {
		const value = source[from];
		if (value === undefined) return;
		const error = validateControl(to, value);
		if (error === undefined && typeof value === "number") (settings as Record<string, unknown>)[to] = value;
		else notes.push(`Skipped ${from} (${JSON.stringify(value)}): ${error ?? "not a number."}`);
	};
	number("baseEase", "baseEase");
	number("lapsesIntervalChange", "lapseFactor");
	number("easyBonus", "easyBonus");
	if (typeof source.maximumInterval === "number" && source.maximumInterval > 36500) {
		// Its default is 36525 days; ours stops at 36500 (a hundred years either way).
		settings.maximumInterval = 36500;
	} else {
		number("maximumInterval", "maximumInterval");
	}
	if (typeof source.maxNewPerDay === "number" && source.maxNewPerDay >= 0) number("maxNewPerDay", "newPerDay");

	const flag = (from: string, to: "loadBalance" | "burySiblings" | "showIntervalsOnButtons"): void => {
		if (typeof source[from] === "boolean") settings[to] = source[from];
	};
	flag("loadBalance", "loadBalance");
	flag("burySiblingCards", "burySiblings");
	flag("showIntervalInReviewButtons", "showIntervalsOnButtons");
	if (typeof source.openViewInNewTab === "boolean") settings.reviewIn = source.openViewInNewTab ? "tab" : "modal";
	if (typeof source.flashcardCardOrder === "string") {
		settings.deterministicOrder = /sequential/iu.test(source.flashcardCardOrder);
	} else if (typeof source.randomizeCardOrder === "boolean") {
		settings.deterministicOrder = !source.randomizeCardOrder;
	}

	for (const [key, standard] of Object.entries(DEFAULT_SEPARATORS)) {
		const value = source[key];
		if (typeof value === "string" && value !== standard) {
			notes.push(`Cards written with the separator “${value}” will not be found: Spaced Notes reads “${standard}” there.`);
		}
	}
	if (source.convertFoldersToDecks === true) {
		notes.push("Folders are not turned into decks here: decks come from tags such as #flashcards/docker.");
	}
	if (Object.keys(settings).length > 0) {
		settings.algorithm = "sm2";
		notes.push("Scheduling is set to SM-2, as in the Spaced Repetition plugin; you can switch to FSRS under Scheduling.");
	} else {
		notes.push("No setting of the Spaced Repetition plugin could be used.");
	}
	return { settings, notes };
}

/** Cloze forms from the three switches or, in later versions, from `clozePatterns`. */
function clozeKinds(source: Record<string, unknown>, notes: string[]): ClozeKind[] | undefined {
	const patterns = stringList(source.clozePatterns);
	if (Array.isArray(source.clozePatterns) && patterns) {
		const kinds: ClozeKind[] = [];
		for (const pattern of patterns) {
			const kind: ClozeKind | undefined = pattern.startsWith("==")
				? "highlight"
				: pattern.startsWith("**")
					? "bold"
					: pattern.startsWith("{{")
						? "curly"
						: undefined;
			if (kind === undefined) notes.push(`The cloze pattern “${pattern}” is not supported.`);
			else if (!kinds.includes(kind)) kinds.push(kind);
		}
		return (["highlight", "bold", "curly"] as ClozeKind[]).filter((kind) => kinds.includes(kind));
	}
	if (!CLOZE_SWITCHES.some(([key]) => typeof source[key] === "boolean")) return undefined;
	// A switch missing from an old file keeps that plugin's default (highlights on, others off).
	return CLOZE_SWITCHES.filter(([key, kind]) => (typeof source[key] === "boolean" ? source[key] : kind === "highlight")).map(([, kind]) => kind);
}
