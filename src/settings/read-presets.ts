/**
 * Checks of the stored FSRS parameters and deck presets (`read-settings.ts`): parameters are 21
 * finite numbers in FSRS-6's ranges (or none, for the defaults); a preset names a deck and holds
 * only valid values. A bad value is reported and replaced, never passed to the scheduler.
 */
import { FSRS_PARAMETER_COUNT, normaliseDeck } from "./deck-presets";
import type { DeckPreset } from "./settings";
import { parseListControl, validateControl } from "./settings-controls";

type Checked = { ok: true; value: unknown } | { ok: false; error: string };

/** Lowest and highest value of each FSRS-6 parameter that fsrs-rs can produce (the optimizer clips to these). */
export const FSRS_PARAMETER_RANGES: readonly [number, number][] = [
	[0.001, 100],
	[0.001, 100],
	[0.001, 100],
	[0.001, 100],
	[1, 10],
	[0.001, 4],
	[0.001, 4],
	[0.001, 0.75],
	[0, 4.5],
	[0, 0.8],
	[0.001, 3.5],
	[0.001, 5],
	[0.001, 0.25],
	[0.001, 0.9],
	[0, 4],
	[0, 1],
	[1, 6],
	[0, 2],
	[0, 2],
	[0, 0.8],
	[0.1, 0.8],
];

export function checkParameters(value: unknown): Checked {
	if (!Array.isArray(value)) return { ok: false, error: "Expected a list of numbers." };
	if (value.length === 0) return { ok: true, value: [] };
	if (value.length !== FSRS_PARAMETER_COUNT) return { ok: false, error: `Expected ${FSRS_PARAMETER_COUNT} FSRS parameters, or none.` };
	for (let i = 0; i < value.length; i++) {
		const w: unknown = value[i];
		const [low, high] = FSRS_PARAMETER_RANGES[i];
		if (typeof w !== "number" || !Number.isFinite(w) || w < low || w > high)
			return { ok: false, error: `Parameter w${i} must be a number from ${low} to ${high}.` };
	}
	return { ok: true, value: [...(value as number[])] };
}

export function checkPresets(value: unknown): Checked {
	if (!Array.isArray(value)) return { ok: false, error: "Expected a list of deck presets." };
	const out: DeckPreset[] = [];
	const seen = new Set<string>();
	for (const item of value as unknown[]) {
		if (typeof item !== "object" || item === null || Array.isArray(item)) return { ok: false, error: "Each deck preset must be an object." };
		const raw = item as Record<string, unknown>;
		if (typeof raw.deck !== "string" || normaliseDeck(raw.deck) === "") return { ok: false, error: "Each deck preset must name a deck." };
		const deck = raw.deck.trim().replace(/^#/, "");
		if (seen.has(normaliseDeck(deck))) return { ok: false, error: `Deck ${deck} has two presets.` };
		seen.add(normaliseDeck(deck));
		const preset: DeckPreset = { deck };
		if (raw.parameters !== undefined) {
			const checked = checkParameters(raw.parameters);
			if (!checked.ok) return { ok: false, error: `Preset ${deck}: ${checked.error}` };
			if ((checked.value as number[]).length > 0) preset.parameters = checked.value as number[];
		}
		if (raw.desiredRetention !== undefined) {
			const error = typeof raw.desiredRetention === "number" ? validateControl("desiredRetention", raw.desiredRetention) : "Expected a number.";
			if (error !== undefined) return { ok: false, error: `Preset ${deck}: ${error}` };
			preset.desiredRetention = raw.desiredRetention as number;
		}
		for (const key of ["learningSteps", "relearningSteps"] as const) {
			const steps = raw[key];
			if (steps === undefined) continue;
			if (!Array.isArray(steps) || !steps.every((s) => typeof s === "string"))
				return { ok: false, error: `Preset ${deck}: ${key} must be a list of texts.` };
			const parsed = parseListControl(key, steps.join("\n"));
			if (!parsed.ok) return { ok: false, error: `Preset ${deck}: ${parsed.error}` };
			preset[key] = parsed.value;
		}
		out.push(preset);
	}
	return { ok: true, value: out };
}
