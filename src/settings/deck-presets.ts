/**
 * Deck presets (docs/scheduling.md, "Deck presets"): a deck may have its own FSRS parameters,
 * desired retention and (re)learning steps. A sub-deck takes the closest ancestor's preset; a
 * card in several decks is scheduled with its first deck's, as its daily limits are counted.
 */
import type { DeckPreset, SchedulingSettings } from "./settings";

/** FSRS-6 has 21 parameters. */
export const FSRS_PARAMETER_COUNT = 21;

/** The preset that applies to `deck` (a sub-deck inherits), or undefined. Deck names compare without case. */
export function presetForDeck(presets: readonly DeckPreset[], deck: string): DeckPreset | undefined {
	let best: DeckPreset | undefined;
	let bestLength = -1;
	const target = normaliseDeck(deck);
	for (const preset of presets) {
		const name = normaliseDeck(preset.deck);
		if (name === "") continue;
		if ((target === name || target.startsWith(`${name}/`)) && name.length > bestLength) {
			best = preset;
			bestLength = name.length;
		}
	}
	return best;
}

/** The scheduling settings for a card whose first deck is `deck`: the global ones with its preset over them. */
export function schedulingForDeck<T extends SchedulingSettings>(settings: T, deck: string | undefined): T {
	if (deck === undefined || settings.deckPresets.length === 0) return settings;
	const preset = presetForDeck(settings.deckPresets, deck);
	if (!preset) return settings;
	return {
		...settings,
		...(preset.parameters !== undefined && preset.parameters.length === FSRS_PARAMETER_COUNT ? { fsrsParameters: preset.parameters } : {}),
		...(preset.desiredRetention !== undefined ? { desiredRetention: preset.desiredRetention } : {}),
		...(preset.learningSteps !== undefined ? { learningSteps: preset.learningSteps } : {}),
		...(preset.relearningSteps !== undefined ? { relearningSteps: preset.relearningSteps } : {}),
	};
}

/** `Languages/Spanish/` and `#languages/spanish` name the same deck. */
export function normaliseDeck(deck: string): string {
	return deck.trim().replace(/^#/, "").replace(/\/+$/, "").toLowerCase();
}

/** The presets with `deck`'s parameters set to `parameters` (a new preset when the deck has none of its own). */
export function presetsWithParameters(presets: readonly DeckPreset[], deck: string, parameters: number[]): DeckPreset[] {
	const key = normaliseDeck(deck);
	const own = presets.find((p) => normaliseDeck(p.deck) === key);
	if (own) return presets.map((p) => (p === own ? { ...p, parameters: [...parameters] } : p));
	return [...presets, { deck: deck.trim().replace(/^#/, ""), parameters: [...parameters] }];
}
