/**
 * Calibration: how well the recall FSRS predicted matches the recall observed, by the interval
 * since the previous review. Each FSRS answer in the log carries the retrievability the card had
 * when it was answered (`rt`, under the parameters in use then); answers after at least a day are
 * grouped by that interval, and each group's mean predicted recall is set beside its share of
 * passes (Hard, Good or Easy). A deck whose bars differ much gains from personal parameters
 * (docs/scheduling.md, "Personal parameters").
 */
import { tagMatches } from "../decks/tags";
import type { ReviewEntry } from "./log-format";
import { Rating } from "../model/schedule";

export interface CalibrationBucket {
	/** e.g. "4–7 d". */
	label: string;
	/** Intervals from `from` to `to` days (inclusive). */
	from: number;
	to: number;
	reviews: number;
	/** Mean predicted recall, 0–1. */
	predicted: number;
	/** Share of passes, 0–1. */
	actual: number;
}

const BOUNDS: readonly [number, number][] = [
	[1, 1],
	[2, 3],
	[4, 7],
	[8, 15],
	[16, 30],
	[31, 90],
	[91, 365],
	[366, Infinity],
];

/** The buckets with at least one answer, shortest intervals first; `deck` narrows to a deck and its sub-decks ("" = all). */
export function calibration(reviews: readonly ReviewEntry[], deck = ""): CalibrationBucket[] {
	const sums = BOUNDS.map(() => ({ reviews: 0, predicted: 0, passed: 0 }));
	const wanted = deck.trim();
	for (const r of reviews) {
		const predicted = r.memory?.retrievability;
		if (predicted === undefined || !Number.isFinite(predicted) || !(r.elapsedDays >= 1)) continue;
		if (wanted !== "" && !tagMatches(r.deck, wanted)) continue;
		const index = BOUNDS.findIndex(([from, to]) => r.elapsedDays >= from && r.elapsedDays < to + 1);
		if (index < 0) continue;
		const sum = sums[index];
		sum.reviews++;
		sum.predicted += Math.min(1, Math.max(0, predicted));
		if (r.rating !== Rating.Again) sum.passed++;
	}
	const out: CalibrationBucket[] = [];
	BOUNDS.forEach(([from, to], i) => {
		const sum = sums[i];
		if (sum.reviews === 0) return;
		out.push({ label: bucketLabel(from, to), from, to, reviews: sum.reviews, predicted: sum.predicted / sum.reviews, actual: sum.passed / sum.reviews });
	});
	return out;
}

function bucketLabel(from: number, to: number): string {
	if (to === Infinity) return `${from}+ d`;
	return from === to ? `${from} d` : `${from}–${to} d`;
}
