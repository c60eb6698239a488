/**
 * Leeches in the index (docs/scheduling.md, "Leeches"): a sibling is a leech when its lapses reach
 * the threshold. The index knows FSRS lapses from the comments it keeps; an SM-2 sibling's lapses
 * are in the review log only, which the caller may pass (`lapsesFromLog`), else it counts none.
 */
import type { SegmentState } from "../model/card";
import { isLeechLapses, lapsesOf } from "../schedule/leech";
import type { CardIndex, IndexedCard } from "./card-index";

/** Whether sibling `sibling` of an indexed card is a leech at `threshold`. */
export function isLeech(card: IndexedCard, sibling: number, threshold: number, lapsesFromLog = 0): boolean {
	const segment: SegmentState | undefined = card.segments[sibling];
	return segment !== undefined && isLeechLapses(lapsesOf(segment, lapsesFromLog), threshold);
}

/** Leech siblings of the whole index, and how many of them are suspended. */
export function countLeeches(index: CardIndex, threshold: number): { leeches: number; suspended: number } {
	let leeches = 0;
	let suspended = 0;
	for (const file of index.files()) {
		for (const card of file.readCards()) {
			card.segments.forEach((segment, s) => {
				if (!isLeech(card, s, threshold)) return;
				leeches++;
				if (segment.kind !== "absent" && segment.marks?.suspended) suspended++;
			});
		}
	}
	return { leeches, suspended };
}
