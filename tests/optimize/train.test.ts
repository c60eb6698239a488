import { describe, expect, it } from "vitest";
import { itemsFromLog } from "../../src/optimize/items";
import { createTrainer, trainParameters } from "../../src/optimize/train";
import { randomLearner, simulateLog } from "../builders/learner";

const run = (trainer: ReturnType<typeof createTrainer>) => {
	while (trainer.step());
	return trainer;
};

describe("training", () => {
	const { items, cardIds } = itemsFromLog({ reviews: simulateLog(randomLearner(12, 0.6), { reviews: 3000, seed: 12 }), actions: [] }, 4);

	it("measures the penalised loss after every epoch", () => {
		const trainer = run(createTrainer(items, cardIds, { epochs: 4 }));
		expect(trainer.epochLosses).toHaveLength(4);
		for (const loss of trainer.epochLosses) expect(loss).toBeGreaterThan(0);
	});

	it("keeps the epoch whose loss was lowest, as the binding's fsrs-rs does, not merely the last", () => {
		// At fsrs-rs's learning rate the loss falls to the end, so the last epoch is the best.
		const steady = run(createTrainer(items, cardIds));
		const losses = steady.epochLosses;
		expect(losses.indexOf(Math.min(...losses))).toBe(losses.length - 1);
		expect(steady.result()).toEqual(trainParameters(items, cardIds, { bestEpoch: false }));
		// A learning rate far too high overshoots: the last epoch is worse than an earlier one, and that earlier one is kept.
		const wild = run(createTrainer(items, cardIds, { learningRate: 2 }));
		const wildLosses = wild.epochLosses;
		expect(wildLosses.indexOf(Math.min(...wildLosses))).toBeLessThan(wildLosses.length - 1);
		expect(wild.result()).not.toEqual(trainParameters(items, cardIds, { learningRate: 2, bestEpoch: false }));
		expect(trainParameters(items, cardIds, { learningRate: 2, bestEpoch: false })).toEqual(
			trainParameters(items, cardIds, { learningRate: 2, bestEpoch: false }),
		);
	});
});
