import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fsrs } from "ts-fsrs";
import {
	clipParameters,
	DEFAULT_PARAMETERS,
	GradScratch,
	memoryAfter,
	sequenceLoss,
	sequenceLossAndGrad,
	type ScoredSequence,
} from "../../src/optimize/fsrs-model";

function sequence(ratings: number[], deltaTs: number[], weights: number[]): ScoredSequence {
	return { ratings: Int8Array.from(ratings), deltaTs: Float64Array.from(deltaTs), weights: Float64Array.from(weights) };
}

const lossOf = (w: number[], seq: ScoredSequence) => sequenceLossAndGrad(w, seq, new Float64Array(21), new GradScratch());

describe("the FSRS-6 model the optimizer trains", () => {
	it("gives the memory state ts-fsrs gives for the same answers", () => {
		const f = fsrs({ enable_short_term: true, learning_steps: [], relearning_steps: [], enable_fuzz: false });
		const history = [
			{ rating: 3, deltaT: 0 },
			{ rating: 3, deltaT: 3 },
			{ rating: 1, deltaT: 9 },
			{ rating: 2, deltaT: 2 },
			{ rating: 4, deltaT: 5 },
		];
		let memory: { stability: number; difficulty: number } | null = null;
		for (const r of history) memory = f.next_state(memory, r.deltaT, r.rating);
		const ours = memoryAfter(DEFAULT_PARAMETERS, history);
		expect(ours.s).toBeCloseTo(memory!.stability, 6);
		expect(ours.d).toBeCloseTo(memory!.difficulty, 6);
	});

	it("has the gradient that finite differences give, for any history and parameters in range", () => {
		const review = fc.record({ rating: fc.integer({ min: 1, max: 4 }), deltaT: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60 })) });
		fc.assert(
			fc.property(
				fc.array(review, { minLength: 2, maxLength: 12 }),
				fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: 21, maxLength: 21 }),
				(history, moves) => {
					const w = DEFAULT_PARAMETERS.map((x, i) => x * (1 + moves[i]));
					w[7] = 0.05;
					clipParameters(w);
					const seq = sequence(
						[1 + ((history[0].rating + 1) % 4), ...history.map((h) => h.rating)],
						[0, ...history.map((h) => h.deltaT)],
						[0, ...history.map((h, i) => (h.deltaT > 0 ? 1 - i / 20 : 0))],
					);
					const grad = new Float64Array(21);
					sequenceLossAndGrad(w, seq, grad, new GradScratch());
					for (let i = 0; i < 21; i++) {
						const h = 1e-6 * Math.max(1, Math.abs(w[i]));
						const up = w.slice();
						const down = w.slice();
						up[i] = up[i] + h;
						down[i] = down[i] - h;
						const numeric = (lossOf(up, seq) - lossOf(down, seq)) / (2 * h);
						// A clamp or branch switching inside the step makes the difference quotient meaningless there.
						if (Math.abs(numeric - grad[i]) > 1e-3 * Math.max(1, Math.abs(numeric))) {
							const far = (lossOf(up, seq) - lossOf(w, seq)) / h;
							const near = (lossOf(w, seq) - lossOf(down, seq)) / h;
							expect(Math.abs(far - near)).toBeGreaterThan(1e-3 * Math.max(1, Math.abs(numeric)));
						}
					}
				},
			),
			{ numRuns: 60 },
		);
	});

	it("gives the same loss without the gradient as with it, to the last bit", () => {
		const review = fc.record({ rating: fc.integer({ min: 1, max: 4 }), deltaT: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 400 })) });
		fc.assert(
			fc.property(
				fc.array(review, { minLength: 1, maxLength: 15 }),
				fc.array(fc.double({ min: -0.5, max: 0.5, noNaN: true }), { minLength: 21, maxLength: 21 }),
				fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { minLength: 16, maxLength: 16 }),
				(history, moves, weights) => {
					const w = DEFAULT_PARAMETERS.map((x, i) => x * (1 + moves[i]));
					clipParameters(w);
					const seq = sequence([2, ...history.map((h) => h.rating)], [0, ...history.map((h) => h.deltaT)], [0, ...history.map((_, i) => weights[i])]);
					expect(sequenceLoss(w, seq)).toBe(lossOf(w, seq));
				},
			),
			{ numRuns: 200 },
		);
	});

	it("keeps parameters in fsrs-rs's ranges", () => {
		const w = DEFAULT_PARAMETERS.map(() => 1000);
		clipParameters(w);
		expect(w.slice(0, 4)).toEqual([100, 100, 100, 100]);
		expect(w[20]).toBe(0.8);
		const low = DEFAULT_PARAMETERS.map(() => -5);
		clipParameters(low);
		expect(low[16]).toBe(1);
		expect(low[19]).toBe(0.01);
	});
});
