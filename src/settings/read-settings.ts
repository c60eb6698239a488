/**
 * Reading stored settings (`data.json`, written by the plugin, by hand or by an older version):
 * every value is checked against the same rules as the settings tab's controls, and a value that
 * breaks them is reported and replaced by the default, so it can never reach a note (an ease of
 * 20, a retention of 2) or stop the plugin (an hour of 1e20). Pure; the plugin shows the problems
 * as a notice, the command line as warning lines.
 */
import { DEFAULT_SETTINGS, normaliseSettings, type SpacedNotesSettings } from "./settings";
import { parseListControl, validateControl, type ListKey } from "./settings-controls";

export interface StoredSettings {
	settings: SpacedNotesSettings;
	/** One sentence per value that was replaced by its default. */
	problems: string[];
}

const LISTS: readonly ListKey[] = ["flashcardTags", "ignoredTags", "ignoredFolders", "learningSteps", "relearningSteps"];
const CHOICES: Partial<Record<keyof SpacedNotesSettings, readonly string[]>> = {
	algorithm: ["fsrs", "sm2"],
	commentPlacement: ["next-line", "same-line"],
	reviewIn: ["modal", "tab"],
	commentDisplay: ["chip", "hidden", "raw"],
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
	for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof SpacedNotesSettings)[]) {
		if (!(key in input) || input[key] === undefined) continue;
		const checked = checkValue(key, input[key]);
		if (checked.ok) target[key] = checked.value;
		else problems.push(`${key} is ${shown(input[key])}: ${checked.error} The default (${shown(DEFAULT_SETTINGS[key])}) is used.`);
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
	const choices = CHOICES[key];
	if (choices)
		return typeof value === "string" && choices.includes(value) ? { ok: true, value } : { ok: false, error: `Expected one of ${choices.join(", ")}.` };
	if (typeof value !== typeof fallback) return { ok: false, error: `Expected a ${typeof fallback}.` };
	const error = validateControl(key, value);
	if (error !== undefined) return { ok: false, error };
	return { ok: true, value: key === "endMarker" ? String(value).trim() : value };
}

/** A value as the user wrote it, short. */
function shown(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
