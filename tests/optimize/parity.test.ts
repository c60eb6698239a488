import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { evaluateParameters } from "../../src/optimize/evaluate";
import { DEFAULT_PARAMETERS } from "../../src/optimize/fsrs-model";
import { itemsFromLog, type OptimizerItem } from "../../src/optimize/items";
import { longTermCount, prepareTrainingData } from "../../src/optimize/pretrain";
import { trainParameters } from "../../src/optimize/train";
import { randomLearner, simulateLog } from "../builders/learner";

// fsrs-rs itself, through its Node binding (an optional dependency, present on this platform).
const binding = createRequire(import.meta.url)("@open-spaced-repetition/binding") as typeof import("@open-spaced-repetition/binding");

const toBinding = (items: readonly OptimizerItem[]) =>
	items.map((item) => new binding.FSRSBindingItem(item.reviews.map((r) => new binding.FSRSBindingReview(r.rating, r.deltaT))));

describe("the TypeScript optimizer against fsrs-rs", () => {
	const learner = randomLearner(5, 0.6);
	const { items, cardIds } = itemsFromLog({ reviews: simulateLog(learner, { reviews: 8000, seed: 5 }), actions: [] }, 4);

	it("evaluates parameters exactly as fsrs-rs does (log loss and RMSE(bins))", () => {
		// The binding's `evaluate` first drops outliers and puts the pretraining items first.
		const prepared = prepareTrainingData(items);
		const inBindingOrder = [...prepared.initial, ...prepared.kept.map((i) => items[i]).filter((item) => longTermCount(item) !== 1)];
		for (const w of [DEFAULT_PARAMETERS.slice(), learner.w]) {
			const theirs = new binding.FSRSBinding(w).evaluate(toBinding(items));
			const ours = evaluateParameters(w, inBindingOrder);
			expect(ours.logLoss).toBeCloseTo(theirs.logLoss, 4);
			expect(ours.rmseBins).toBeCloseTo(theirs.rmseBins, 4);
		}
	});

	it("fits parameters whose log loss is at most 1% above fsrs-rs's fit on the same items", async () => {
		const theirs = await binding.computeParameters(toBinding(items), { enableShortTerm: true });
		const ours = trainParameters(items, cardIds);
		// fsrs-rs judges both.
		const judge = (w: number[]) => new binding.FSRSBinding(w).evaluate(toBinding(items)).logLoss;
		expect(judge(ours)).toBeLessThanOrEqual(judge(theirs) * 1.01);
		expect(judge(ours)).toBeLessThan(judge(DEFAULT_PARAMETERS.slice()));
	});
});
