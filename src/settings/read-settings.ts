/**
 * Reading stored settings (`data.json`, written by the plugin, by hand or by an older version):
 * every value is checked against the same rules as the settings tab's controls, and a value that
 * breaks them is reported and replaced by the default, so it can never reach a note (an ease of
 * 20, a retention of 2) or stop the plugin (an hour of 1e20). Pure; the plugin shows the problems
 * as a notice, the command line as warning lines.
 */
import { CLOZE_KIND_PATTERNS, clozeKindsOfPatterns, DEFAULT_SETTINGS, normaliseSettings, type ClozeKind, type SpacedNotesSettings } from "./settings";
import { isSeparatorKey, parseClozePatternsControl, parseListControl, separatorValue, validateControl, type ListKey } from "./settings-controls";
import { checkParameters, checkPresets } from "./read-presets";

export interface StoredSettings {
	settings: SpacedNotesSettings;
	/** One sentence per value that was replaced by its default. */
	problems: string[];
}

const LISTS: readonly ListKey[] = ["flashcardTags", "ignoredTags", "ignoredFolders", "learningSteps", "relearningSteps", "noteReviewTags", "noteReviewFolders"];
const CHOICES: Partial<Record<keyof SpacedNotesSettings, readonly string[]>> = {
	algorithm: ["fsrs", "sm2"],
	commentPlacement: ["auto", "next-line", "same-line"],
	reviewIn: ["modal", "tab"],
	reviewModalSize: ["small", "medium", "large"],
	keyMap: ["anki", "spaced-repetition"],
	commentDisplay: ["chip", "hidden", "raw"],
	leechAction: ["suspend", "mark"],
};
const CLOZE_KINDS: readonly string[] = ["highlight", "bold", "curly"];

/** The settings `stored` holds, each checked; unknown keys are ignored, missing ones default. */
export function readStoredSettings(stored: unknown): StoredSettings {
	const settings = normaliseSettings(null);
	const problems: string[] = [];
	if (stored === null || stored === undefined) return { settings, problems };
	if (typeof stored !== "object" || Array.isArray(stored)) {
		return { settings, problems: ["The settings are not an object; the defaults are used."] };
	}
	const input = stored as Record<string, unknown>;
	const target = settings as unknown as Record<string, unknown>;
	const taken = new Set<keyof SpacedNotesSettings>();
	for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof SpacedNotesSettings)[]) {
		if (!(key in input) || input[key] === undefined) continue;
		const checked = checkValue(key, input[key]);
		if (checked.ok) {
			target[key] = checked.value;
			taken.add(key);
		} else {
			problems.push(`${key} is ${shown(input[key])}: ${checked.error} The default (${shown(DEFAULT_SETTINGS[key])}) is used.`);
		}
	}
	// The cloze toggles are a shorthand for the standard patterns: the list decides, and a file
	// from before the patterns existed gives its toggles' patterns.
	if (taken.has("clozePatterns")) settings.clozeKinds = clozeKindsOfPatterns(settings.clozePatterns);
	else if (taken.has("clozeKinds")) settings.clozePatterns = settings.clozeKinds.map((kind: ClozeKind) => CLOZE_KIND_PATTERNS[kind]);
	// The end marker and the separators, each valid alone, must not hide each other.
	const clash = settings.endMarker === "" ? undefined : validateControl("endMarker", settings.endMarker, settings);
	if (clash !== undefined) {
		problems.push(`endMarker is ${shown(settings.endMarker)}: ${clash} The default (${shown(DEFAULT_SETTINGS.endMarker)}) is used.`);
		settings.endMarker = DEFAULT_SETTINGS.endMarker;
	}
	return { settings, problems };
}

type Checked = { ok: true; value: unknown } | { ok: false; error: string };

function checkValue(key: keyof SpacedNotesSettings, value: unknown): Checked {
	const fallback = DEFAULT_SETTINGS[key];
	if ((LISTS as readonly string[]).includes(key)) {
		if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) return { ok: false, error: "Expected a list of texts." };
		const parsed = parseListControl(key as ListKey, value.join("\n"));
		return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, error: parsed.error };
	}
	if (key === "clozeKinds") {
		if (!Array.isArray(value) || !value.every((kind) => typeof kind === "string" && CLOZE_KINDS.includes(kind))) {
			return { ok: false, error: `Expected a list of ${CLOZE_KINDS.join(", ")}.` };
		}
		return { ok: true, value: CLOZE_KINDS.filter((kind) => value.includes(kind)) };
	}
	if (key === "clozePatterns") {
		if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) return { ok: false, error: "Expected a list of texts." };
		const parsed = parseClozePatternsControl(value.join("\n"));
		return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, error: parsed.error };
	}
	if (key === "savedFilters") {
		const valid =
			Array.isArray(value) &&
			value.every(
				(f: unknown) =>
					typeof f === "object" &&
					f !== null &&
					typeof (f as Record<string, unknown>).name === "string" &&
					typeof (f as Record<string, unknown>).expression === "string",
			);
		if (!valid) return { ok: false, error: "Expected a list of filters, each with a name and an expression." };
		return { ok: true, value: (value as { name: string; expression: string }[]).map(({ name, expression }) => ({ name, expression })) };
	}
	if (key === "fsrsParameters") return checkParameters(value);
	if (key === "deckPresets") return checkPresets(value);
	const choices = CHOICES[key];
	if (choices)
		return typeof value === "string" && choices.includes(value) ? { ok: true, value } : { ok: false, error: `Expected one of ${choices.join(", ")}.` };
	if (typeof value !== typeof fallback) return { ok: false, error: `Expected a ${typeof fallback}.` };
	// Alone: the end marker and the separators are checked against each other once all are read.
	const error =
		key === "endMarker" ? (/\s/u.test(String(value).trim()) ? "The end marker must not contain spaces." : undefined) : validateControl(key, value);
	if (error !== undefined) return { ok: false, error };
	if (key === "endMarker") return { ok: true, value: String(value).trim() };
	if (isSeparatorKey(key)) return { ok: true, value: separatorValue(key, String(value)) };
	return { ok: true, value };
}

/** A value as the user wrote it, short. */
function shown(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
