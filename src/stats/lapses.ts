/**
 * Lapses per card from the review log (docs/scheduling.md, "Leeches"): an SM-2 comment has no
 * lapse count, so a classic sibling's lapses are its "Again" answers on reviews (state 2) in the
 * log, counted since its last reset. FSRS siblings carry their own count in the comment.
 */
import { Rating } from "../model/schedule";
import type { MergedLog } from "./merge";

/** Lapses per card id since the card's last reset. */
export function lapsesByCard(log: Pick<MergedLog, "reviews" | "actions">): Map<string, number> {
	const lastReset = new Map<string, number>();
	for (const action of log.actions) if (action.kind === "reset") lastReset.set(action.card, Math.max(lastReset.get(action.card) ?? -Infinity, action.time));
	const lapses = new Map<string, number>();
	for (const review of log.reviews) {
		if (review.rating !== Rating.Again || review.state !== 2) continue;
		if (review.time < (lastReset.get(review.card) ?? -Infinity)) continue;
		lapses.set(review.card, (lapses.get(review.card) ?? 0) + 1);
	}
	return lapses;
}
