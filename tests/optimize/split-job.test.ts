import { describe, expect, it } from "vitest";
import { evaluateSplits, timeSeriesSplits } from "../../src/optimize/evaluate";
import { DEFAULT_PARAMETERS } from "../../src/optimize/fsrs-model";
import { itemsFromLog } from "../../src/optimize/items";
import { createOptimizationJob } from "../../src/optimize/split-job";
import { trainParameters } from "../../src/optimize/train";
import { randomLearner, simulateLog } from "../builders/learner";

describe("an optimization as the plugin runs it", () => {
	const { items, cardIds } = itemsFromLog({ reviews: simulateLog(randomLearner(8, 0.5), { reviews: 2500, seed: 8 }), actions: [] }, 4);

	it("applies the fit on all items and scores before and after on the time-series split, each fold fitted on its past only", () => {
		const job = createOptimizationJob(items, cardIds, DEFAULT_PARAMETERS);
		let steps = 0;
		while (job.step()) steps++;
		expect(job.done).toBe(job.total);
		expect(steps).toBeGreaterThan(5);
		const outcome = job.outcome();
		expect(outcome.parameters).toEqual(trainParameters(items, cardIds));
		const splits = timeSeriesSplits(items, cardIds);
		expect(outcome.before).toEqual(evaluateSplits(splits, () => DEFAULT_PARAMETERS));
		expect(outcome.after).toEqual(evaluateSplits(splits, (split) => trainParameters(split.train, split.trainCards)));
		// Scored on answers it has not seen, the fit is still better than the defaults here.
		expect(outcome.after.logLoss).toBeLessThan(outcome.before.logLoss);
	});

	it("counts progress over all six fits and has no outcome before the end", () => {
		const job = createOptimizationJob(items, cardIds, DEFAULT_PARAMETERS);
		expect(() => job.outcome()).toThrow(/not finished/);
		let last = job.done;
		while (job.step()) {
			expect(job.done).toBeGreaterThanOrEqual(last);
			expect(job.done).toBeLessThanOrEqual(job.total);
			last = job.done;
		}
		expect(job.step()).toBe(false);
	});
});
