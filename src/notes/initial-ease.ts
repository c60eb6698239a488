/**
 * A new note's first ease, by the Spaced Repetition plugin's rule (docs/scheduling.md, "Note
 * review"): the base ease, pulled towards the eases of the notes it links to and that link to it,
 * each weighted by its number of links and its link rank. The pull grows with the number of such
 * links: `maxLinkFactor × min(1, ln(links + 0.5) / ln 64)`.
 *
 * A linked note's ease is its `sr-ease`, averaged with its cards' ease when it has scheduled cards
 * (the cards' mean ease, pulled towards the base ease the fewer cards there are); notes without a
 * note schedule have no ease and do not count.
 */
import type { LinkGraph } from "./link-rank";

export interface EaseSettings {
	baseEase: number;
	maxLinkFactor: number;
}

/**
 * A scheduled note's ease as a neighbour sees it: `noteEase` (its `sr-ease`) and the eases of its
 * scheduled cards; null when it has no note schedule.
 */
export function neighbourEase(noteEase: number | null, cardEases: readonly number[], baseEase: number): number | null {
	if (noteEase === null) return null;
	const cards = cardsEase(cardEases, baseEase);
	const ease = cards !== 0 && noteEase !== 0 ? (cards + noteEase) / 2 : cards !== 0 ? cards : noteEase;
	// The other plugin hands eases out rounded.
	return ease === 0 ? null : Math.round(ease);
}

/** The cards' mean ease weighted against the base ease by their number; 0 without scheduled cards. */
function cardsEase(eases: readonly number[], baseEase: number): number {
	if (eases.length === 0) return 0;
	let total = 0;
	for (const e of eases) total += e;
	const weight = Math.min(1, Math.log(eases.length + 0.5) / Math.log(64));
	return (total / eases.length) * weight + baseEase * (1 - weight);
}

/**
 * The first ease of the note at `path` (rounded ×100).
 * @param graph links out of every note (target → count)
 * @param ranks link ranks of `linkRanks(graph)`
 * @param easeOf a note's ease by `neighbourEase`, or null
 */
export function initialNoteEase(
	path: string,
	graph: LinkGraph,
	ranks: ReadonlyMap<string, number>,
	easeOf: (path: string) => number | null,
	settings: EaseSettings,
): number {
	let weighted = 0;
	let rankTotal = 0;
	let links = 0;
	const add = (other: string, count: number): void => {
		const ease = easeOf(other);
		const rank = ranks.get(other);
		if (ease === null || rank === undefined) return;
		weighted += count * rank * ease;
		rankTotal += rank * count;
		links += count;
	};
	for (const [source, targets] of graph) {
		const count = targets.get(path);
		if (count !== undefined && count > 0) add(source, count);
	}
	for (const [target, count] of graph.get(path) ?? []) add(target, count);
	const pull = settings.maxLinkFactor * Math.min(1, Math.log(links + 0.5) / Math.log(64));
	const ease = (1 - pull) * settings.baseEase + (links > 0 && rankTotal > 0 ? (pull * weighted) / rankTotal : pull * settings.baseEase);
	return Math.round(ease);
}
