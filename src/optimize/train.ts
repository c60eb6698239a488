/**
 * Training FSRS parameters the way fsrs-rs's `compute_parameters` does: outlier filter, initial
 * stabilities pretrained alone, recency weights (0.25 → 1 over time), then Adam with a cosine
 * learning rate over 5 epochs of batches of 512 predictions, an L2 pull towards the start point
 * scaled by fsrs-rs's parameter spreads, and the parameters clamped to their ranges after every
 * step. After each epoch the penalised loss over all batches is measured and the best epoch's
 * parameters are kept, as in the fsrs-rs that `@open-spaced-repetition/binding` 0.5.0 builds
 * (fsrs-rs dropped that check later, in 6.6). Batches hold whole cards, so one pass over a card
 * scores all its predictions.
 *
 * The trainer runs one batch per `step()` so a worker can report progress and stop between
 * batches; {@link trainParameters} runs it to the end.
 */
import { clipParameters, DEFAULT_PARAMETERS, GradScratch, PARAMETER_COUNT, sequenceLoss, sequenceLossAndGrad, type ScoredSequence } from "./fsrs-model";
import { mulberry32 } from "../model/random";
import type { OptimizerItem } from "./items";
import { averageRecall, initialStability, prepareTrainingData, smoothAndFill } from "./pretrain";

export interface TrainingOptions {
	epochs?: number;
	batchSize?: number;
	learningRate?: number;
	maxSeqLen?: number;
	/** Weight of the pull towards the start point (fsrs-rs `gamma`). */
	gamma?: number;
	seed?: number;
	numRelearningSteps?: number;
	/** Keep the epoch with the lowest penalised training loss (fsrs-rs before 6.6), not the last. */
	bestEpoch?: boolean;
}

const PARAMS_STDDEV = [6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3, 0.09, 0.16, 0.57, 0.25, 1.03, 0.31, 0.32, 0.14, 0.27];

export interface Trainer {
	/** Batches done and the total over all epochs. */
	readonly done: number;
	readonly total: number;
	/** The mean penalised training loss after each epoch so far (kept only when choosing the best epoch). */
	readonly epochLosses: readonly number[];
	/** Runs one batch; false once training is over. */
	step(): boolean;
	/** The parameters: final once `step()` has returned false. */
	result(): number[];
}

/**
 * A trainer for `items` (in time order). `cardIds` (same order) lets items of one card share a
 * pass; without them every item is its own sequence.
 */
export function createTrainer(items: readonly OptimizerItem[], cardIds: readonly string[] | undefined, options: TrainingOptions = {}): Trainer {
	const epochs = options.epochs ?? 5;
	const batchSize = options.batchSize ?? 512;
	const learningRate = options.learningRate ?? 4e-2;
	const maxSeqLen = options.maxSeqLen ?? 256;
	const gamma = options.gamma ?? 1;
	const relearning = options.numRelearningSteps ?? 1;
	const finished = (w: readonly number[]): Trainer => ({ done: 0, total: 0, epochLosses: [], step: () => false, result: () => w.slice() });

	const prepared = prepareTrainingData(items);
	const trainItems = prepared.kept.map((i) => items[i]);
	const trainCards = cardIds ? prepared.kept.map((i) => cardIds[i]) : undefined;
	if (trainItems.length < 8) return finished(DEFAULT_PARAMETERS);
	const recall = averageRecall(trainItems);
	const pre =
		prepared.initial.length > 0
			? initialStability(prepared.initial, recall)
			: { stability: DEFAULT_PARAMETERS.slice(0, 4), counts: new Map<number, number>() };
	const start = [...pre.stability, ...DEFAULT_PARAMETERS.slice(4)];
	if (trainItems.length === prepared.initial.length || trainItems.length < 64) return finished(start);

	const length = Math.max(1, trainItems.length - 1);
	const weighted = trainItems.map((item, index) => ({ item, card: trainCards?.[index] ?? `#${index}`, weight: 0.25 + 0.75 * Math.pow(index / length, 3) }));
	const usable = weighted.filter((x) => x.item.reviews.length <= maxSeqLen);
	const sequences = batchesOf(toSequences(usable), batchSize);
	const totalSize = usable.length;
	const total = sequences.length * epochs;
	const w = start.slice();
	const adam = { m: new Float64Array(PARAMETER_COUNT), v: new Float64Array(PARAMETER_COUNT), t: 0 };
	const grad = new Float64Array(PARAMETER_COUNT);
	const scratch = new GradScratch();
	const rng = mulberry32(options.seed ?? 2023); // repeatable training runs
	const iterations = (Math.floor(totalSize / batchSize) + 1) * epochs;
	let lr = learningRate;
	let stepCount = -1;
	let order: number[] = [];
	let position = 0;
	let done = 0;
	let final: number[] | null = null;
	const bestEpoch = options.bestEpoch ?? true;
	let bestLoss = Infinity;
	let best = start.slice();
	const epochLosses: number[] = [];
	const penalty = (scale: number): number => {
		let sum = 0;
		for (let i = 0; i < PARAMETER_COUNT; i++) sum += ((w[i] - start[i]) * (w[i] - start[i])) / (PARAMS_STDDEV[i] * PARAMS_STDDEV[i]);
		return sum * scale;
	};
	const endEpoch = (): void => {
		if (!bestEpoch) return;
		let loss = 0;
		for (const b of sequences) {
			for (const seq of b.sequences) loss += sequenceLoss(w, seq);
			loss += penalty((gamma * b.predictions) / totalSize);
		}
		loss /= totalSize;
		epochLosses.push(loss);
		if (loss < bestLoss) {
			bestLoss = loss;
			best = w.slice();
		}
	};

	const finish = (): void => {
		endEpoch();
		if (bestEpoch) for (let i = 0; i < PARAMETER_COUNT; i++) w[i] = best[i];
		const counts = pre.counts;
		const fitted = new Map<number, number>();
		for (let rating = 1; rating <= 4; rating++) fitted.set(rating, w[rating - 1]);
		const s0 = counts.size > 0 ? smoothAndFill(fitted, counts) : w.slice(0, 4);
		final = [...s0, ...w.slice(4)];
	};

	return {
		get done() {
			return done;
		},
		total,
		epochLosses,
		step(): boolean {
			if (final !== null) return false;
			if (position >= order.length) {
				if (done >= total) {
					finish();
					return false;
				}
				if (order.length > 0) endEpoch();
				order = shuffled(sequences.length, rng);
				position = 0;
			}
			const batch = sequences[order[position++]];
			stepCount++;
			lr = cosineStep(stepCount, lr, learningRate, iterations);
			grad.fill(0);
			for (const seq of batch.sequences) sequenceLossAndGrad(w, seq, grad, scratch);
			const scale = (gamma * batch.predictions) / totalSize;
			for (let i = 0; i < PARAMETER_COUNT; i++) grad[i] = grad[i] + ((2 * (w[i] - start[i])) / (PARAMS_STDDEV[i] * PARAMS_STDDEV[i])) * scale;
			adamStep(adam, w, grad, lr);
			clipParameters(w, relearning);
			done++;
			if (done >= total) {
				finish();
				return false;
			}
			return true;
		},
		result(): number[] {
			return (final ?? w).slice();
		},
	};
}

/** Trains to the end and returns the parameters. */
export function trainParameters(items: readonly OptimizerItem[], cardIds?: readonly string[], options?: TrainingOptions): number[] {
	const trainer = createTrainer(items, cardIds, options);
	while (trainer.step());
	return trainer.result();
}

interface Batch {
	sequences: ScoredSequence[];
	predictions: number;
}

interface Weighted {
	item: OptimizerItem;
	card: string;
	weight: number;
}

/** One sequence per card when its items are prefixes of its longest one; otherwise one per item. */
function toSequences(items: readonly Weighted[]): { seq: ScoredSequence; predictions: number; length: number }[] {
	const byCard = new Map<string, Weighted[]>();
	for (const x of items) {
		const list = byCard.get(x.card);
		if (list) list.push(x);
		else byCard.set(x.card, [x]);
	}
	const out: { seq: ScoredSequence; predictions: number; length: number }[] = [];
	for (const group of byCard.values()) {
		group.sort((a, b) => a.item.reviews.length - b.item.reviews.length);
		const longest = group[group.length - 1].item.reviews;
		const prefixes = group.every((x) => x.item.reviews.every((r, i) => longest[i].rating === r.rating && longest[i].deltaT === r.deltaT));
		const positions = new Set(group.map((x) => x.item.reviews.length));
		if (prefixes && positions.size === group.length) {
			const seq = sequenceOf(longest);
			for (const x of group) seq.weights[x.item.reviews.length - 1] = x.weight;
			out.push({ seq, predictions: group.length, length: longest.length });
		} else {
			for (const x of group) {
				const seq = sequenceOf(x.item.reviews);
				seq.weights[x.item.reviews.length - 1] = x.weight;
				out.push({ seq, predictions: 1, length: x.item.reviews.length });
			}
		}
	}
	return out;
}

function sequenceOf(reviews: OptimizerItem["reviews"]): ScoredSequence {
	const n = reviews.length;
	const seq: ScoredSequence = { ratings: new Int8Array(n), deltaTs: new Float64Array(n), weights: new Float64Array(n) };
	reviews.forEach((r, i) => {
		seq.ratings[i] = r.rating;
		seq.deltaTs[i] = r.deltaT;
	});
	return seq;
}

/** Cards sorted by length, packed into batches of about `batchSize` predictions (fsrs-rs's windowed batches). */
function batchesOf(sequences: { seq: ScoredSequence; predictions: number; length: number }[], batchSize: number): Batch[] {
	sequences.sort((a, b) => a.length - b.length);
	const batches: Batch[] = [];
	let current: Batch = { sequences: [], predictions: 0 };
	for (const s of sequences) {
		if (current.sequences.length > 0 && current.predictions + s.predictions > batchSize) {
			batches.push(current);
			current = { sequences: [], predictions: 0 };
		}
		current.sequences.push(s.seq);
		current.predictions += s.predictions;
	}
	if (current.sequences.length > 0) batches.push(current);
	return batches;
}

function adamStep(adam: { m: Float64Array; v: Float64Array; t: number }, w: number[], grad: Float64Array, lr: number): void {
	const beta1 = 0.9;
	const beta2 = 0.999;
	adam.t++;
	const bias1 = 1 - Math.pow(beta1, adam.t);
	const bias2 = 1 - Math.pow(beta2, adam.t);
	for (let i = 0; i < PARAMETER_COUNT; i++) {
		const g = grad[i];
		adam.m[i] = beta1 * adam.m[i] + (1 - beta1) * g;
		adam.v[i] = beta2 * adam.v[i] + (1 - beta2) * g * g;
		w[i] = w[i] - (lr * (adam.m[i] / bias1)) / (Math.sqrt(adam.v[i] / bias2) + 1e-8);
	}
}

/** fsrs-rs's `CosineAnnealingLR` (eta_min 0), one step. */
function cosineStep(step: number, lr: number, initial: number, tMax: number): number {
	if (step === 0) return initial;
	if ((step - 1 - tMax) % (2 * tMax) === 0) return (initial * (1 - Math.cos(Math.PI / tMax))) / 2;
	return ((1 + Math.cos((Math.PI * step) / tMax)) / (1 + Math.cos((Math.PI * (step - 1)) / tMax))) * lr;
}

function shuffled(n: number, rng: () => number): number[] {
	const out = Array.from({ length: n }, (_, i) => i);
	for (let i = n - 1; i > 0; i--) {
		const j = Math.floor(rng() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}
