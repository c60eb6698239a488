/**
 * Export for the FSRS optimizer, which reads `card_id,review_time,review_rating,review_state,
 * review_duration`: time in ms since the epoch, rating 1–4, state 0–3 (new, learning, review,
 * relearning, the state before the answer), duration in ms.
 */
import type { ReviewEntry } from "./log-format";

const OPTIMIZER_CSV_HEADER = "card_id,review_time,review_rating,review_state,review_duration";

/** The answers as optimizer CSV, header first, one row per answer, `\n` line endings. */
export function toOptimizerCsv(reviews: readonly ReviewEntry[]): string {
	const rows = [...reviews]
		.sort((a, b) => a.time - b.time)
		.map((r) => [csvField(r.card), r.time, r.rating, r.state, Math.round(r.durationMs)].join(","));
	return [OPTIMIZER_CSV_HEADER, ...rows].join("\n") + "\n";
}

/** Card ids are hex and a dash; quote anyway if a hand-edited log holds something else. */
function csvField(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
