/**
 * The review log's facts per row: how many answers, lapses of SM-2 cards (their comments do not
 * count lapses; FSRS's do), and the last answer, for the reviews column and `rated:N`.
 */
import type { LogTally } from "../stats/card-history";
import type { CardRows } from "./card-rows";

/** Fills the log columns of the rows `from` to `to` (exclusive; default all) whose id is known. */
export function applyLogTallies(rows: CardRows, tallies: ReadonlyMap<string, LogTally>, from = 0, to = rows.length): void {
	if (tallies.size === 0) return;
	for (let row = from; row < to; row++) {
		const id = rows.id[row];
		if (id === "") continue;
		const tally = tallies.get(id);
		if (!tally) continue;
		rows.reviews[row] = Math.max(rows.reviews[row], tally.reviews);
		// FSRS keeps its own lapse count (difficulty known); SM-2 comments have none.
		if (Number.isNaN(rows.difficulty[row])) rows.lapses[row] = Math.max(rows.lapses[row], tally.lapses);
		rows.lastAnswer[row] = tally.last;
	}
}
