/**
 * How the settings tab's controls map onto {@link SpacedNotesSettings}: list settings are
 * edited as comma- or newline-separated text, cloze kinds as one toggle each, and every value
 * is checked before it is saved. Pure, so the tab stays thin and the rules are tested here.
 */
import { readClozePattern } from "./cloze-pattern-syntax";
import { CLOZE_KIND_PATTERNS, clozeKindsOfPatterns, DEFAULT_SETTINGS, type ClozeKind, type SpacedNotesSettings } from "./settings";

/** Settings edited as text lists. */
const LIST_KEYS = ["flashcardTags", "ignoredTags", "ignoredFolders", "learningSteps", "relearningSteps", "noteReviewTags", "noteReviewFolders"] as const;
export type ListKey = (typeof LIST_KEYS)[number];

/** The card separators, edited as text; an empty one turns its card kind off. */
const SEPARATOR_KEYS = ["singleLineSeparator", "singleLineReversedSeparator", "multiLineSeparator", "multiLineReversedSeparator"] as const;
type SeparatorKey = (typeof SEPARATOR_KEYS)[number];
/** Separators of a line of their own: compared with the line's trimmed text, so kept trimmed. */
const LINE_SEPARATOR_KEYS: readonly SeparatorKey[] = ["multiLineSeparator", "multiLineReversedSeparator"];

/** The settings the end marker and the separators are checked against (each must not hide the other). */
type MarkerSettings = Pick<SpacedNotesSettings, SeparatorKey | "endMarker">;

/** Control keys of the cloze toggles, e.g. `cloze-bold`. */
export const CLOZE_KEYS: Record<ClozeKind, string> = { highlight: "cloze-highlight", bold: "cloze-bold", curly: "cloze-curly" };

const TAG = /^#[^\s#,]+$/u;
const STEP = /^\d+(\.\d+)?[mhd]$/u;
/** The longest (re)learning step: a year (longer ones are reviews, and overflow dates). */
const MAX_STEP_MINUTES = 365 * 24 * 60;

/** The length of a step such as `10m`, `1h` or `2d`, in minutes. */
function stepMinutes(step: string): number {
	const unit = step[step.length - 1];
	return Number(step.slice(0, -1)) * (unit === "d" ? 1440 : unit === "h" ? 60 : 1);
}

/** Numeric settings: allowed range, and whether only whole numbers are allowed. */
const NUMBER_RULES: Partial<Record<keyof SpacedNotesSettings, { min: number; max: number; integer: boolean; what: string }>> = {
	desiredRetention: { min: 0.7, max: 0.99, integer: false, what: "Desired retention" },
	maximumInterval: { min: 1, max: 36500, integer: true, what: "The maximum interval" },
	nextDayStartsAt: { min: 0, max: 23, integer: true, what: "The hour" },
	newPerDay: { min: 0, max: 100000, integer: true, what: "The daily limit" },
	reviewsPerDay: { min: 0, max: 100000, integer: true, what: "The daily limit" },
	baseEase: { min: 130, max: 1000, integer: true, what: "Base ease" },
	easyBonus: { min: 1, max: 5, integer: false, what: "The easy bonus" },
	lapseFactor: { min: 0.1, max: 1, integer: false, what: "The lapse factor" },
	leechThreshold: { min: 1, max: 1000, integer: true, what: "The leech threshold" },
	noteQueueMaxDays: { min: 0, max: 36500, integer: true, what: "The number of days" },
	maxLinkFactor: { min: 0, max: 1, integer: false, what: "The link factor" },
};

/**
 * Splits list text on commas and line breaks (not on commas inside `{…}`, which globs use),
 * trims, and drops empty and repeated entries.
 */
export function splitList(text: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let current = "";
	for (const ch of text) {
		if (ch === "{") depth++;
		if (ch === "}") depth = Math.max(0, depth - 1);
		if (ch === "\n" || ch === "\r" || (ch === "," && depth === 0)) {
			parts.push(current);
			current = "";
		} else {
			current += ch;
		}
	}
	parts.push(current);
	return [...new Set(parts.map((part) => part.trim()).filter((part) => part !== ""))];
}

/** A list as the text shown in its box: folders one per line, the others comma-separated. */
export function joinList(key: ListKey, values: readonly string[]): string {
	return values.join(key === "ignoredFolders" || key === "noteReviewFolders" ? "\n" : ", ");
}

/** A list setting's value from its text, or the message saying what to fix. */
export function parseListControl(key: ListKey, text: string): { ok: true; value: string[] } | { ok: false; error: string } {
	const items = splitList(text);
	if (key === "flashcardTags" || key === "ignoredTags" || key === "noteReviewTags") {
		const tags = items.map((item) => (item.startsWith("#") ? item : `#${item}`));
		const bad = tags.find((tag) => !TAG.test(tag));
		if (bad !== undefined) return { ok: false, error: `“${bad}” is not a tag: a tag has no spaces and a single “#”, e.g. #flashcards.` };
		if (key === "flashcardTags" && tags.length === 0) return { ok: false, error: "Give at least one flashcard tag, e.g. #flashcards." };
		return { ok: true, value: tags };
	}
	if (key === "learningSteps" || key === "relearningSteps") {
		const bad = items.find((item) => !STEP.test(item));
		if (bad !== undefined) return { ok: false, error: `“${bad}” is not a step: write a number and a unit, e.g. 1m, 10m, 1h or 1d.` };
		const long = items.find((item) => stepMinutes(item) > MAX_STEP_MINUTES);
		if (long !== undefined) return { ok: false, error: `“${long}” is too long for a step: a step is at most 365 days.` };
		return { ok: true, value: items };
	}
	return { ok: true, value: items.map((item) => item.replace(/^\/+|\/+$/gu, "")).filter((item) => item !== "") };
}

function isListKey(key: string): key is ListKey {
	return (LIST_KEYS as readonly string[]).includes(key);
}

function clozeKindOf(key: string): ClozeKind | undefined {
	return (Object.keys(CLOZE_KEYS) as ClozeKind[]).find((kind) => CLOZE_KEYS[kind] === key);
}

/** The value a control shows for `key`. */
export function controlValue(settings: SpacedNotesSettings, key: string): unknown {
	if (isListKey(key)) return joinList(key, settings[key]);
	if (key === "clozePatterns") return settings.clozePatterns.join("\n");
	const kind = clozeKindOf(key);
	if (kind) return settings.clozeKinds.includes(kind);
	return (settings as unknown as Record<string, unknown>)[key];
}

/**
 * Why `value` cannot be saved for `key`, or undefined when it can. The end marker and the
 * separators are also checked against each other, in `current` (by default the defaults).
 */
export function validateControl(key: string, value: unknown, current: MarkerSettings = DEFAULT_SETTINGS): string | undefined {
	if (isListKey(key)) {
		if (typeof value !== "string") return "Expected text.";
		const parsed = parseListControl(key, value);
		return parsed.ok ? undefined : parsed.error;
	}
	if (key === "clozePatterns") {
		if (typeof value !== "string") return "Expected text.";
		const parsed = parseClozePatternsControl(value);
		return parsed.ok ? undefined : parsed.error;
	}
	const rule = NUMBER_RULES[key as keyof SpacedNotesSettings];
	if (rule) {
		if (typeof value !== "number" || !Number.isFinite(value)) return "Write a number.";
		if (value < rule.min || value > rule.max) return `${rule.what} must be between ${rule.min} and ${rule.max}.`;
		if (rule.integer && !Number.isInteger(value)) return `${rule.what} must be a whole number.`;
		return undefined;
	}
	if (key === "endMarker") {
		if (typeof value !== "string") return "Expected text.";
		return endMarkerProblem(value.trim(), current);
	}
	if (isSeparatorKey(key)) {
		if (typeof value !== "string") return "Expected text.";
		if (/[\r\n]/.test(value)) return "A separator is one line: it may not hold a line break.";
		const separator = separatorValue(key, value);
		return endMarkerProblem(current.endMarker.trim(), { ...current, [key]: separator });
	}
	return undefined;
}

/** Why `marker` cannot be the end marker next to the separators of `current`, or undefined. */
function endMarkerProblem(marker: string, current: MarkerSettings): string | undefined {
	if (/\s/u.test(marker)) return "The end marker must not contain spaces.";
	if (marker === "") return undefined;
	const lines = [current.multiLineSeparator, current.multiLineReversedSeparator].map((s) => s.trim()).filter((s) => s !== "");
	const inline = [current.singleLineSeparator, current.singleLineReversedSeparator].filter((s) => s !== "");
	if (lines.includes(marker) || inline.some((s) => marker.includes(s))) {
		return `The end marker must differ from the card separators ${[...lines, ...inline].join(", ")}.`;
	}
	return undefined;
}

export function isSeparatorKey(key: string): key is SeparatorKey {
	return (SEPARATOR_KEYS as readonly string[]).includes(key);
}

/** A separator as stored: those of a line of their own trimmed, the inline ones as written. */
export function separatorValue(key: SeparatorKey, value: string): string {
	return LINE_SEPARATOR_KEYS.includes(key) ? value.trim() : value;
}

/** The cloze patterns written one per line, or the message saying what to fix. */
export function parseClozePatternsControl(text: string): { ok: true; value: string[] } | { ok: false; error: string } {
	const patterns = [
		...new Set(
			text
				.split(/[\r\n]+/)
				.map((line) => line.trim())
				.filter((line) => line !== ""),
		),
	];
	for (const pattern of patterns) {
		const read = readClozePattern(pattern);
		if (!read.ok) return read;
	}
	return { ok: true, value: patterns };
}

/** The settings change a control's new value makes, or the message when it is not valid. */
export function patchForControl(
	settings: SpacedNotesSettings,
	key: string,
	value: unknown,
): { ok: true; patch: Partial<SpacedNotesSettings> } | { ok: false; error: string } {
	const error = validateControl(key, value, settings);
	if (error !== undefined) return { ok: false, error };
	if (isListKey(key)) {
		const parsed = parseListControl(key, String(value));
		return parsed.ok ? { ok: true, patch: { [key]: parsed.value } } : { ok: false, error: parsed.error };
	}
	if (key === "clozePatterns") {
		const parsed = parseClozePatternsControl(String(value));
		if (!parsed.ok) return parsed;
		// The toggles are a shorthand for the standard patterns: they follow the list.
		return { ok: true, patch: { clozePatterns: parsed.value, clozeKinds: clozeKindsOfPatterns(parsed.value) } };
	}
	const kind = clozeKindOf(key);
	if (kind) {
		// A toggle adds or removes its standard pattern; custom patterns stay where they are.
		const pattern = CLOZE_KIND_PATTERNS[kind];
		const others = settings.clozePatterns.filter((p) => p !== pattern);
		const clozePatterns = value === true ? [...others, pattern] : others;
		return { ok: true, patch: { clozePatterns, clozeKinds: clozeKindsOfPatterns(clozePatterns) } };
	}
	if (isSeparatorKey(key)) {
		if (typeof value !== "string") return { ok: false, error: "Expected text." };
		return { ok: true, patch: { [key]: separatorValue(key, value) } };
	}
	if (!(key in settings)) return { ok: false, error: `Unknown setting “${key}”.` };
	const current = (settings as unknown as Record<string, unknown>)[key];
	if (typeof current !== typeof value) return { ok: false, error: `Expected a ${typeof current}.` };
	return { ok: true, patch: { [key]: key === "endMarker" ? String(value).trim() : value } };
}
