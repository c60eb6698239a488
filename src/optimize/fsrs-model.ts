/**
 * FSRS-6's memory model (21 parameters) as fsrs-rs trains it, with exact gradients by forward-mode
 * differentiation: every quantity carries its derivative with respect to each parameter, so one
 * pass over a card's history gives the loss of all its predictions and their gradient. The
 * formulas, the value ranges and the clamps are those of ts-fsrs and fsrs-rs (docs/scheduling.md,
 * "Personal parameters"); where a clamp is active its gradient is zero, as in fsrs-rs.
 */
import type { OptimizerItem } from "./items";
import { FSRS_PARAMETER_RANGES } from "../settings/read-presets";

export const PARAMETER_COUNT = 21;

/** FSRS-6's default parameters (ts-fsrs `default_w`, fsrs-rs `DEFAULT_PARAMETERS`). */
export const DEFAULT_PARAMETERS: readonly number[] = [
	0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658,
	0.1542,
];

export const S_MIN = 0.001;
const S_MAX = 36500;
const D_MIN = 1;
const D_MAX = 10;
/** Highest initial stability the optimizer may give (fsrs-rs `INIT_S_MAX`). */
export const INIT_S_MAX = 100;
const MIN_PROB = 1e-7;
const MAX_PROB = 1 - 1e-7;
const LN_09 = Math.log(0.9);

/** Keeps parameters in fsrs-rs's ranges (`clip_parameters`, one relearning step, short-term on). */
export function clipParameters(w: number[], numRelearningSteps = 1): void {
	const ceiling =
		numRelearningSteps > 1
			? Math.min(2, Math.sqrt(Math.max(0.01, -(Math.log(w[11]) + Math.log(Math.pow(2, w[13]) - 1) + w[14] * 0.3) / numRelearningSteps)))
			: 2;
	// The ranges settings accept, with the two bounds fsrs-rs's clipping sets tighter.
	const ranges = FSRS_PARAMETER_RANGES.map(([lo, hi]) => [lo, hi]);
	ranges[17] = [0, ceiling];
	ranges[18] = [0, ceiling];
	ranges[19] = [0.01, 0.8];
	for (let i = 0; i < PARAMETER_COUNT; i++) w[i] = Math.min(ranges[i][1], Math.max(ranges[i][0], w[i]));
}

function clamp(x: number, lo: number, hi: number): number {
	return x < lo ? lo : x > hi ? hi : x;
}

function initDifficulty(w: readonly number[], rating: number): number {
	return w[4] - Math.exp(w[5] * (rating - 1)) + 1;
}

/** Recall probability after `t` days for stability `s` (the power forgetting curve, decay −w20). */
export function forgettingCurve(w: readonly number[], t: number, s: number): number {
	const decay = -w[20];
	const factor = Math.exp(LN_09 / decay) - 1;
	return Math.pow(1 + (Math.max(0, t) / s) * factor, decay);
}

/** A card's memory state while a history is replayed. */
interface Memory {
	s: number;
	d: number;
}

/** Stability and difficulty after the history `reviews` (the first answer starts the card). */
export function memoryAfter(w: readonly number[], reviews: readonly { rating: number; deltaT: number }[]): { s: number; d: number } {
	const memory: Memory = { s: 0, d: 0 };
	reviews.forEach((review, nth) => {
		if (nth === 0) startMemory(w, review.rating, memory);
		else answer(w, memory, review.rating, review.deltaT, forgettingCurve(w, review.deltaT, memory.s));
	});
	return memory;
}

/**
 * The loss {@link sequenceLossAndGrad} returns, without its gradient: the same formulas in the
 * same order, so the same number, at a fraction of the cost (the trainer's loss per epoch).
 */
export function sequenceLoss(w: readonly number[], seq: ScoredSequence): number {
	const memory: Memory = { s: 0, d: 0 };
	startMemory(w, seq.ratings[0], memory);
	let loss = 0;
	const n = seq.ratings.length;
	for (let i = 1; i < n; i++) {
		const rating = seq.ratings[i];
		const t = seq.deltaTs[i];
		const R = forgettingCurve(w, t, memory.s);
		const weight = seq.weights[i];
		if (weight > 0) {
			const label = rating > 1 ? 1 : 0;
			const p = clamp(R, MIN_PROB, MAX_PROB);
			loss += -(label * Math.log(p) + (1 - label) * Math.log(1 - p)) * weight;
		}
		if (i < n - 1) answer(w, memory, rating, t, R);
	}
	return loss;
}

/** The memory after a card's first answer `r`. */
function startMemory(w: readonly number[], r: number, memory: Memory): void {
	memory.s = clamp(w[r - 1], S_MIN, S_MAX);
	memory.d = clamp(initDifficulty(w, r), D_MIN, D_MAX);
}

/** The memory after answer `r`, `t` days after the last, when recall was `R`. */
function answer(w: readonly number[], memory: Memory, r: number, t: number, R: number): void {
	const lastS = memory.s;
	const lastD = memory.d;
	let newS: number;
	if (t === 0) {
		const raw = Math.exp(w[17] * (r - 3 + w[18])) * Math.pow(lastS, -w[19]);
		newS = lastS * (r >= 2 ? Math.max(raw, 1) : raw);
	} else if (r === 1) {
		const raw = w[11] * Math.pow(lastD, -w[12]) * (Math.pow(lastS + 1, w[13]) - 1) * Math.exp((1 - R) * w[14]);
		newS = Math.min(raw, lastS / Math.exp(w[17] * w[18]));
	} else {
		const bonus = (r === 2 ? w[15] : 1) * (r === 4 ? w[16] : 1);
		newS = lastS * (Math.exp(w[8]) * (11 - lastD) * Math.pow(lastS, -w[9]) * (Math.exp((1 - R) * w[10]) - 1) * bonus + 1);
	}
	const deltaD = -w[6] * (r - 3);
	const nextD = lastD + ((10 - lastD) * deltaD) / 9;
	memory.d = clamp(w[7] * (initDifficulty(w, 4) - nextD) + nextD, D_MIN, D_MAX);
	memory.s = clamp(newS, S_MIN, S_MAX);
}

/** The predicted recall probability of an item's last answer, from the answers before it. */
export function predictItem(w: readonly number[], item: OptimizerItem): number {
	const history = item.reviews.slice(0, -1);
	const { s } = memoryAfter(w, history);
	return forgettingCurve(w, item.reviews[item.reviews.length - 1].deltaT, s);
}

/**
 * A card's full answer history with, at some positions, a prediction to score: `weights[k]` > 0
 * means "predict answer k from answers 0…k−1" with that weight (0 = not scored).
 */
export interface ScoredSequence {
	ratings: Int8Array;
	deltaTs: Float64Array;
	weights: Float64Array;
}

const N = PARAMETER_COUNT;

/** Scratch space for {@link sequenceLossAndGrad}, reused across calls. */
export class GradScratch {
	readonly gs = new Float64Array(N);
	readonly gd = new Float64Array(N);
	readonly gR = new Float64Array(N);
	readonly gNewS = new Float64Array(N);
	readonly gNewD = new Float64Array(N);
	readonly tmp = new Float64Array(N);
}

/**
 * Weighted binary cross-entropy of a sequence's scored predictions; adds its gradient to `grad`.
 * Returns the summed loss (fsrs-rs sums over a batch).
 */
export function sequenceLossAndGrad(w: readonly number[], seq: ScoredSequence, grad: Float64Array, k: GradScratch): number {
	const { gs, gd, gR, gNewS, gNewD, tmp } = k;
	const decay = -w[20];
	const expTerm = Math.exp(LN_09 / decay);
	const factor = expTerm - 1;
	const dFactorDDecay = expTerm * (-LN_09 / (decay * decay));
	const expW8 = Math.exp(w[8]);
	const floorDiv = Math.exp(w[17] * w[18]);
	const exp3w5 = Math.exp(3 * w[5]);
	const easyD = w[4] - exp3w5 + 1;
	let loss = 0;
	const n = seq.ratings.length;
	// First answer: initial stability and difficulty.
	const r0 = seq.ratings[0];
	let s = w[r0 - 1];
	gs.fill(0);
	gd.fill(0);
	if (s >= S_MIN && s <= S_MAX) gs[r0 - 1] = 1;
	s = clamp(s, S_MIN, S_MAX);
	const d0 = initDifficulty(w, r0);
	if (d0 >= D_MIN && d0 <= D_MAX) {
		gd[4] = 1;
		gd[5] = -(r0 - 1) * Math.exp(w[5] * (r0 - 1));
	}
	let d = clamp(d0, D_MIN, D_MAX);
	for (let i = 1; i < n; i++) {
		const rating = seq.ratings[i];
		const t = seq.deltaTs[i];
		// Clamp the state (s and d are already in range after a step; the gradient passes).
		// Recall probability and its gradient.
		const base = 1 + (t / s) * factor;
		const R = Math.pow(base, decay);
		const dRdS = ((R * decay) / base) * ((-t * factor) / (s * s));
		const dRdW20 = -R * (Math.log(base) + (decay / base) * (t / s) * dFactorDDecay);
		for (let j = 0; j < N; j++) gR[j] = dRdS * gs[j];
		gR[20] = gR[20] + dRdW20;
		const weight = seq.weights[i];
		if (weight > 0) {
			const label = rating > 1 ? 1 : 0;
			const p = clamp(R, MIN_PROB, MAX_PROB);
			loss += -(label * Math.log(p) + (1 - label) * Math.log(1 - p)) * weight;
			if (R > MIN_PROB && R < MAX_PROB) {
				const gLoss = -weight * (label / p - (1 - label) / (1 - p));
				for (let j = 0; j < N; j++) grad[j] = grad[j] + gLoss * gR[j];
			}
		}
		if (i === n - 1) break;
		// Stability after the answer.
		let newS: number;
		if (t === 0) {
			const raw = Math.exp(w[17] * (rating - 3 + w[18])) * Math.pow(s, -w[19]);
			if (rating >= 2 && raw < 1) {
				newS = s;
				for (let j = 0; j < N; j++) gNewS[j] = gs[j]!;
			} else {
				newS = s * raw;
				// d(raw) = raw · ((r−3+w18) e17 + w17 e18 − ln s e19 − w19/s ds)
				const lnS = Math.log(s);
				for (let j = 0; j < N; j++) tmp[j] = raw * ((-w[19] / s) * gs[j]);
				tmp[17] = tmp[17] + raw * (rating - 3 + w[18]);
				tmp[18] = tmp[18] + raw * w[17];
				tmp[19] = tmp[19] - raw * lnS;
				for (let j = 0; j < N; j++) gNewS[j] = gs[j] * raw + s * tmp[j];
			}
		} else if (rating === 1) {
			const p2 = Math.pow(d, -w[12]);
			const sp = Math.pow(s + 1, w[13]);
			const p3 = sp - 1;
			const p4 = Math.exp((1 - R) * w[14]);
			const raw = w[11] * p2 * p3 * p4;
			const floor = s / floorDiv;
			if (floor < raw) {
				newS = floor;
				for (let j = 0; j < N; j++) gNewS[j] = gs[j] / floorDiv;
				gNewS[17] = gNewS[17] - floor * w[18];
				gNewS[18] = gNewS[18] - floor * w[17];
			} else {
				newS = raw;
				const lnD = Math.log(d);
				const lnS1 = Math.log(s + 1);
				// d(raw)/raw = e11/w11 + dP2/P2 + dP3/P3 + dP4/P4
				for (let j = 0; j < N; j++) {
					const dP2 = (-w[12] / d) * gd[j];
					const dP3 = ((sp * w[13]) / (s + 1)) * gs[j];
					const dP4 = -w[14] * gR[j];
					gNewS[j] = raw * (dP2 + dP4) + w[11] * p2 * p4 * dP3;
				}
				gNewS[11] = gNewS[11] + p2 * p3 * p4;
				gNewS[12] = gNewS[12] - raw * lnD;
				gNewS[13] = gNewS[13] + w[11] * p2 * p4 * sp * lnS1;
				gNewS[14] = gNewS[14] + raw * (1 - R);
			}
		} else {
			const bonus = (rating === 2 ? w[15] : 1) * (rating === 4 ? w[16] : 1);
			const C = Math.pow(s, -w[9]);
			const eR = Math.exp((1 - R) * w[10]);
			const E = eR - 1;
			const B = 11 - d;
			const inc = expW8 * B * C * E * bonus;
			newS = s * (inc + 1);
			const lnS = Math.log(s);
			// d(inc) = inc·(e8 − dd/B − ln s e9 − w9/s ds) + expW8·B·C·bonus·dE + expW8·B·C·E·dBonus
			const abcb = expW8 * B * C * bonus;
			for (let j = 0; j < N; j++) {
				let dInc = 0;
				if (B !== 0) dInc += (inc * -gd[j]) / B;
				dInc += inc * ((-w[9] / s) * gs[j]);
				dInc += abcb * eR * (-w[10] * gR[j]);
				tmp[j] = dInc;
			}
			tmp[8] = tmp[8] + inc;
			tmp[9] = tmp[9] - inc * lnS;
			tmp[10] = tmp[10] + abcb * eR * (1 - R);
			if (rating === 2) tmp[15] = tmp[15] + expW8 * B * C * E;
			if (rating === 4) tmp[16] = tmp[16] + expW8 * B * C * E;
			for (let j = 0; j < N; j++) gNewS[j] = gs[j] * (inc + 1) + s * tmp[j];
		}
		// Difficulty after the answer, with mean reversion towards the initial difficulty of Easy.
		const deltaD = -w[6] * (rating - 3);
		const nextD = d + ((10 - d) * deltaD) / 9;
		const reverted = w[7] * (easyD - nextD) + nextD;
		if (reverted >= D_MIN && reverted <= D_MAX) {
			for (let j = 0; j < N; j++) {
				const dNext = gd[j] + (-gd[j] * deltaD) / 9;
				gNewD[j] = (1 - w[7]) * dNext;
			}
			// ∂nextD/∂w6 = (10−d)/9 · −(r−3)
			const dNextW6 = ((10 - d) / 9) * -(rating - 3);
			gNewD[6] = gNewD[6] + (1 - w[7]) * dNextW6;
			gNewD[7] = gNewD[7] + (easyD - nextD);
			gNewD[4] = gNewD[4] + w[7];
			gNewD[5] = gNewD[5] + w[7] * -3 * exp3w5;
		} else gNewD.fill(0);
		d = clamp(reverted, D_MIN, D_MAX);
		if (newS >= S_MIN && newS <= S_MAX) gs.set(gNewS);
		else gs.fill(0);
		s = clamp(newS, S_MIN, S_MAX);
		gd.set(gNewD);
	}
	return loss;
}
