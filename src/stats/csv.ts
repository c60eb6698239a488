/**
 * Export for the FSRS optimizer, which reads `card_id,review_time,review_rating,review_state,
 * review_duration`: time in ms since the epoch, rating 1–4, state 0–3 (new, learning, review,
 * relearning, the state before the answer), duration in ms.
 *
 * The log is synced and may be edited by hand, so every row is checked before it is written: a
 * card id that is not one of ours (`=cmd|…`, `+…`, `@…` would be formulas in a spreadsheet), a
 * rating or state out of range, or a time or duration that is not a number leaves the row out,
 * and the caller reports how many. The rows written keep the optimizer's format exactly.
 */
import { isCardId } from "./card-id";
import type { ReviewEntry } from "./log-format";

const OPTIMIZER_CSV_HEADER = "card_id,review_time,review_rating,review_state,review_duration";

/** The optimizer CSV and the number of log rows left out because they were not valid. */
export interface OptimizerCsv {
	text: string;
	skipped: number;
}

/** The answers as optimizer CSV, header first, one row per valid answer in time order, `\n` endings. */
export function toOptimizerCsv(reviews: readonly ReviewEntry[]): OptimizerCsv {
	const valid = reviews.filter(isExportable);
	const rows = [...valid].sort((a, b) => a.time - b.time).map((r) => [r.card, r.time, r.rating, r.state, Math.round(r.durationMs)].join(","));
	return { text: [OPTIMIZER_CSV_HEADER, ...rows].join("\n") + "\n", skipped: reviews.length - valid.length };
}

function isExportable(r: ReviewEntry): boolean {
	return (
		isCardId(r.card) &&
		Number.isSafeInteger(r.time) &&
		[1, 2, 3, 4].includes(r.rating) &&
		[0, 1, 2, 3].includes(r.state) &&
		Number.isFinite(r.durationMs) &&
		r.durationMs >= 0
	);
}
