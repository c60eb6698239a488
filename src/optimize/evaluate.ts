/**
 * How well parameters predict answers, measured as fsrs-rs measures it: log loss (binary
 * cross-entropy of the predicted recall against pass/fail) and RMSE(bins) (predicted versus actual
 * recall in bins of interval, review count and lapses). `evaluate` weights items by recency like
 * fsrs-rs's `FSRS::evaluate`; the time-series split (`evaluate_with_time_series_splits`) cuts the
 * items into 6 segments in time order and scores segment k+1 with what segments 1…k give, so no
 * prediction sees its own answer.
 */
import { predictItem } from "./fsrs-model";
import type { OptimizerItem } from "./items";
import { longTermCount } from "./pretrain";

export interface Evaluation {
	logLoss: number;
	rmseBins: number;
}

interface Bin {
	predicted: number;
	actual: number;
	count: number;
	weight: number;
}

/** Collects predictions and reports log loss and RMSE(bins). */
class Scorer {
	private loss = 0;
	private weightSum = 0;
	private readonly bins = new Map<string, Bin>();

	add(item: OptimizerItem, predicted: number, weight = 1): void {
		const label = item.reviews[item.reviews.length - 1].rating > 1 ? 1 : 0;
		const p = Math.min(1 - 1e-7, Math.max(1e-7, predicted));
		this.loss += -(label * Math.log(p) + (1 - label) * Math.log(1 - p)) * weight;
		this.weightSum += weight;
		const key = binKey(item);
		const bin = this.bins.get(key) ?? { predicted: 0, actual: 0, count: 0, weight: 0 };
		this.bins.set(key, bin);
		bin.predicted += predicted;
		bin.actual += label;
		bin.count++;
		bin.weight += weight;
	}

	result(): Evaluation {
		let sum = 0;
		let weights = 0;
		for (const b of this.bins.values()) {
			sum += Math.pow(b.predicted / b.count - b.actual / b.count, 2) * b.weight;
			weights += b.weight;
		}
		return { logLoss: this.weightSum > 0 ? this.loss / this.weightSum : NaN, rmseBins: weights > 0 ? Math.sqrt(sum / weights) : NaN };
	}
}

/** fsrs-rs's `FSRS::evaluate`: all items, recency-weighted. */
export function evaluateParameters(w: readonly number[], items: readonly OptimizerItem[]): Evaluation {
	const scorer = new Scorer();
	const length = Math.max(1, items.length - 1);
	items.forEach((item, index) => scorer.add(item, predictItem(w, item), 0.25 + 0.75 * Math.pow(index / length, 3)));
	return scorer.result();
}

export interface Split {
	train: OptimizerItem[];
	trainCards: string[];
	test: OptimizerItem[];
}

/** fsrs-rs's `TimeSeriesSplit::split`: 5 folds over 6 segments; none when there are fewer than 6 items. */
export function timeSeriesSplits(items: readonly OptimizerItem[], cardIds: readonly string[], folds = 5): Split[] {
	const segment = Math.floor(items.length / (folds + 1));
	if (segment === 0) return [];
	const out: Split[] = [];
	for (let i = 0; i < folds; i++) {
		const testStart = (i + 1) * segment;
		const testEnd = i === folds - 1 ? items.length : (i + 2) * segment;
		out.push({ train: items.slice(0, testStart), trainCards: cardIds.slice(0, testStart), test: items.slice(testStart, testEnd) });
	}
	return out;
}

/**
 * Scores the test segments of `splits` with parameters from `fit` (called with each split and its
 * number); each test item counts once, unweighted, as in fsrs-rs.
 */
export function evaluateSplits(splits: readonly Split[], fit: (split: Split, index: number) => readonly number[]): Evaluation {
	const scorer = new Scorer();
	for (const [index, split] of splits.entries()) {
		const w = fit(split, index);
		for (const item of split.test) scorer.add(item, predictItem(w, item));
	}
	return scorer.result();
}

/** fsrs-rs's `r_matrix_index`: bins of the last interval, of the number of earlier days, of lapses. */
function binKey(item: OptimizerItem): string {
	const reviews = item.reviews;
	const deltaT = reviews[reviews.length - 1].deltaT;
	const deltaBin = Math.round(2.48 * Math.pow(3.62, Math.floor(Math.log(deltaT) / Math.log(3.62))) * 100);
	const length = longTermCount(item) + 1;
	const lengthBin = Math.round(1.99 * Math.pow(1.89, Math.floor(Math.log(length) / Math.log(1.89))));
	let lapses = 0;
	for (let i = 0; i < reviews.length - 1; i++) if (reviews[i].rating === 1 && reviews[i].deltaT > 0) lapses++;
	const lapseBin = lapses === 0 ? 0 : Math.round(1.65 * Math.pow(1.73, Math.floor(Math.log(lapses) / Math.log(1.73))));
	return `${deltaBin}/${lengthBin}/${lapseBin}`;
}
