import { describe, expect, it } from "vitest";
import { evaluateParameters } from "../../src/optimize/evaluate";
import { DEFAULT_PARAMETERS } from "../../src/optimize/fsrs-model";
import { itemsFromLog } from "../../src/optimize/items";
import { trainParameters } from "../../src/optimize/train";
import { randomLearner, simulateLog } from "../builders/learner";

/** Trains on the first 80% of a simulated learner's items (in time order) and scores the rest. */
function heldOut(seed: number, reviews: number) {
	const learner = randomLearner(seed, 0.6);
	const log = simulateLog(learner, { reviews, seed });
	const { items, cardIds } = itemsFromLog({ reviews: log, actions: [] }, 4);
	const cut = Math.floor(items.length * 0.8);
	const fitted = trainParameters(items.slice(0, cut), cardIds.slice(0, cut));
	const test = items.slice(cut);
	return { truth: evaluateParameters(learner.w, test), fitted: evaluateParameters(fitted, test), defaults: evaluateParameters(DEFAULT_PARAMETERS, test) };
}

describe("training on simulated learners with known parameters w*", () => {
	// Varied users: different parameters, rating habits and first answers (seeds).
	it.each([3, 11, 29])("learner %i: held-out log loss within 2% of w*'s and better than the defaults'", (seed) => {
		const result = heldOut(seed, 12_000);
		expect(result.fitted.logLoss).toBeLessThanOrEqual(result.truth.logLoss * 1.02);
		expect(result.fitted.logLoss).toBeLessThan(result.defaults.logLoss);
	});
});
