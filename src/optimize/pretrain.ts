/**
 * Before gradient descent fsrs-rs fits the four initial stabilities alone (`parameter_initialization.rs`)
 * and drops outliers (`dataset.rs`): items whose only earlier day is the first answer are grouped
 * by first rating and days to the second answer; per rating the smallest groups (5%, at least 20
 * items) and groups too small or too late are left out of both pretraining and training.
 */
import { DEFAULT_PARAMETERS, INIT_S_MAX, S_MIN } from "./fsrs-model";
import type { OptimizerItem, OptimizerReview } from "./items";

export function longTermCount(item: OptimizerItem): number {
	let n = 0;
	for (const r of item.reviews) if (r.deltaT > 0) n++;
	return n;
}

function firstLongTerm(item: OptimizerItem): OptimizerReview {
	return item.reviews.find((r) => r.deltaT > 0)!;
}

export interface PreparedData {
	/** Items for pretraining the initial stabilities (one long-term answer, outliers left out). */
	initial: OptimizerItem[];
	/** Indices (into the input) of the items kept for training. */
	kept: number[];
}

/** fsrs-rs's `prepare_training_data`: the pretraining set and the training items that survive the outlier filter. */
export function prepareTrainingData(items: readonly OptimizerItem[]): PreparedData {
	const groups = new Map<number, Map<number, number[]>>();
	items.forEach((item, index) => {
		if (longTermCount(item) !== 1) return;
		const rating = item.reviews[0].rating;
		const deltaT = item.reviews[item.reviews.length - 1].deltaT;
		const byDelta = groups.get(rating) ?? new Map<number, number[]>();
		groups.set(rating, byDelta);
		const list = byDelta.get(deltaT) ?? [];
		byDelta.set(deltaT, list);
		list.push(index);
	});
	const removed = new Map<number, Set<number>>();
	const initialIndices: number[] = [];
	for (const rating of [...groups.keys()].sort((a, b) => a - b)) {
		const sub = [...groups.get(rating)!.entries()];
		// Largest first, later days first among equals; then walked from the smallest.
		sub.sort((a, b) => b[1].length - a[1].length || b[0] - a[0]);
		const total = sub.reduce((sum, [, list]) => sum + list.length, 0);
		const removedHere = new Set<number>();
		removed.set(rating, removedHere);
		let hasBeenRemoved = 0;
		for (let i = sub.length - 1; i >= 0; i--) {
			const [deltaT, list] = sub[i];
			if (hasBeenRemoved + list.length >= Math.max(20, Math.floor(total / 20))) {
				if (list.length >= 6 && deltaT <= (rating !== 4 ? 100 : 365)) initialIndices.push(...list);
				else removedHere.add(deltaT);
			} else {
				hasBeenRemoved += list.length;
				removedHere.add(deltaT);
			}
		}
	}
	const kept: number[] = [];
	items.forEach((item, index) => {
		const first = firstLongTerm(item);
		if (!removed.get(item.reviews[0].rating)?.has(first.deltaT)) kept.push(index);
	});
	return { initial: initialIndices.map((i) => items[i]), kept };
}

/** Share of items whose last answer was not Again (fsrs-rs `calculate_average_recall`). */
export function averageRecall(items: readonly OptimizerItem[]): number {
	if (items.length === 0) return 0;
	let pass = 0;
	for (const item of items) if (item.reviews[item.reviews.length - 1].rating > 1) pass++;
	return pass / items.length;
}

interface Bucket {
	deltaT: number;
	recall: number;
	count: number;
}

/** Initial stabilities w0–w3 fitted to the first long-term answers, and how many items each rating had. */
export function initialStability(initial: readonly OptimizerItem[], recall: number): { stability: number[]; counts: Map<number, number> } {
	const byRating = new Map<number, Map<number, number[]>>();
	for (const item of initial) {
		if (longTermCount(item) !== 1) continue;
		const first = firstLongTerm(item);
		const rating = item.reviews[0].rating;
		const inner = byRating.get(rating) ?? new Map<number, number[]>();
		byRating.set(rating, inner);
		const labels = inner.get(first.deltaT) ?? [];
		inner.set(first.deltaT, labels);
		labels.push(first.rating > 1 ? 1 : 0);
	}
	const counts = new Map<number, number>();
	const fitted = new Map<number, number>();
	for (const [rating, inner] of byRating) {
		const buckets: Bucket[] = [...inner.entries()]
			.map(([deltaT, labels]) => ({ deltaT, recall: labels.reduce((a, b) => a + b, 0) / labels.length, count: labels.length }))
			.sort((a, b) => a.deltaT - b.deltaT);
		counts.set(
			rating,
			buckets.reduce((sum, b) => sum + b.count, 0),
		);
		fitted.set(rating, searchStability(buckets, DEFAULT_PARAMETERS[rating - 1], recall));
	}
	return { stability: smoothAndFill(fitted, counts), counts };
}

/** Ternary search of the stability that best explains the buckets, Laplace-smoothed towards the average recall. */
function searchStability(buckets: readonly Bucket[], defaultS0: number, averageRecallValue: number): number {
	const decay = -DEFAULT_PARAMETERS[20];
	const factor = Math.pow(0.9, 1 / decay) - 1;
	const recalls = buckets.map((b) => (b.recall * b.count + averageRecallValue) / (b.count + 1));
	const loss = (s0: number): number => {
		let sum = 0;
		buckets.forEach((b, i) => {
			const y = Math.pow((b.deltaT / s0) * factor + 1, decay);
			const r = recalls[i];
			sum += -(r * Math.log(y) + (1 - r) * Math.log(1 - y)) * b.count;
		});
		return sum + Math.abs(s0 - defaultS0) / 16;
	};
	let low = S_MIN;
	let high = INIT_S_MAX;
	let optimal = defaultS0;
	for (let iter = 0; high - low > Number.EPSILON && iter < 1000; iter++) {
		const mid1 = low + (high - low) / 3;
		const mid2 = high - (high - low) / 3;
		if (loss(mid1) < loss(mid2)) high = mid2;
		else low = mid1;
		optimal = (high + low) / 2;
	}
	return optimal;
}

/**
 * fsrs-rs's `smooth_and_fill`: makes the stabilities grow with the rating (the rating with more
 * data wins) and fills missing ratings from the others by fixed ratios. Needs at least one rating.
 */
export function smoothAndFill(input: ReadonlyMap<number, number>, counts: ReadonlyMap<number, number>): number[] {
	const stab = new Map([...input].filter(([rating]) => counts.has(rating)));
	for (const [small, big] of [
		[1, 2],
		[2, 3],
		[3, 4],
		[1, 3],
		[2, 4],
		[1, 4],
	] as const) {
		const a = stab.get(small);
		const b = stab.get(big);
		if (a !== undefined && b !== undefined && a > b) {
			if (counts.get(small)! > counts.get(big)!) stab.set(big, a);
			else stab.set(small, b);
		}
	}
	const w1 = 0.41;
	const w2 = 0.54;
	const arr: (number | undefined)[] = [undefined, stab.get(1), stab.get(2), stab.get(3), stab.get(4)];
	const [, r1, r2, r3, r4] = arr;
	let out: number[];
	if (stab.size === 0) return DEFAULT_PARAMETERS.slice(0, 4);
	if (stab.size === 1) {
		const [rating, value] = [...stab.entries()][0];
		const scale = value / DEFAULT_PARAMETERS[rating - 1];
		out = DEFAULT_PARAMETERS.slice(0, 4)
			.map((x) => x * scale)
			.sort((a, b) => a - b);
	} else {
		if (stab.size === 2) {
			if (r1 === undefined && r2 === undefined && r3 !== undefined && r4 !== undefined) {
				arr[2] = Math.pow(r3, 1 / (1 - w2)) * Math.pow(r4, 1 - 1 / (1 - w2));
				arr[1] = Math.pow(arr[2], 1 / w1) * Math.pow(r3, 1 - 1 / w1);
			} else if (r1 === undefined && r2 !== undefined && r3 === undefined && r4 !== undefined) {
				arr[3] = Math.pow(r2, 1 - w2) * Math.pow(r4, w2);
				arr[1] = Math.pow(r2, 1 / w1) * Math.pow(arr[3], 1 - 1 / w1);
			} else if (r1 === undefined && r2 !== undefined && r3 !== undefined && r4 === undefined) {
				arr[4] = Math.pow(r2, 1 - 1 / w2) * Math.pow(r3, 1 / w2);
				arr[1] = Math.pow(r2, 1 / w1) * Math.pow(r3, 1 - 1 / w1);
			} else if (r1 !== undefined && r2 === undefined && r3 === undefined && r4 !== undefined) {
				const k = w1 / (w1 + w2 - w1 * w2);
				const k2 = w2 / (w1 + w2 - w1 * w2);
				arr[2] = Math.pow(r1, k) * Math.pow(r4, 1 - k);
				arr[3] = Math.pow(r1, 1 - k2) * Math.pow(r4, k2);
			} else if (r1 !== undefined && r2 === undefined && r3 !== undefined && r4 === undefined) {
				arr[2] = Math.pow(r1, w1) * Math.pow(r3, 1 - w1);
				arr[4] = Math.pow(arr[2], 1 - 1 / w2) * Math.pow(r3, 1 / w2);
			} else if (r1 !== undefined && r2 !== undefined && r3 === undefined && r4 === undefined) {
				arr[3] = Math.pow(r1, 1 - 1 / (1 - w1)) * Math.pow(r2, 1 / (1 - w1));
				arr[4] = Math.pow(r2, 1 - 1 / w2) * Math.pow(arr[3], 1 / w2);
			}
		} else if (stab.size === 3) {
			if (r1 === undefined && r2 !== undefined && r3 !== undefined) arr[1] = Math.pow(r2, 1 / w1) * Math.pow(r3, 1 - 1 / w1);
			else if (r1 !== undefined && r2 === undefined && r3 !== undefined) arr[2] = Math.pow(r1, w1) * Math.pow(r3, 1 - w1);
			else if (r2 !== undefined && r3 === undefined && r4 !== undefined) arr[3] = Math.pow(r2, 1 - w2) * Math.pow(r4, w2);
			else if (r2 !== undefined && r3 !== undefined && r4 === undefined) arr[4] = Math.pow(r2, 1 - 1 / w2) * Math.pow(r3, 1 / w2);
		}
		out = arr.filter((x): x is number => x !== undefined);
	}
	return out.slice(0, 4).map((v) => Math.min(INIT_S_MAX, Math.max(S_MIN, v)));
}
