// Optimizer benchmarks (run: node scripts/bench.mjs optimize). Prints, each as the median with
// the spread across runs (bench/measure.ts):
// - training time of the plugin's TypeScript optimizer (src/optimize/train.ts, run here on the
//   main thread of Node, the same engine as the plugin's worker) for 10,000 and 100,000 answers
//   of a simulated learner; target ≤ 10 s for 100,000 (docs/scheduling.md); and of the whole
//   job the plugin's worker runs (that fit plus the 5 fits of the time-series split);
// - the same through fsrs-rs's Node binding (@open-spaced-repetition/binding), for comparison;
// - a simulated learner's held-out figures: the true parameters w*, the defaults, and the
//   parameters fitted on the first 80% of the items (quick mode: 20,000 answers, one learner).
import { createRequire } from "node:module";
import { evaluateParameters, type Evaluation } from "../src/optimize/evaluate";
import { DEFAULT_PARAMETERS } from "../src/optimize/fsrs-model";
import { itemsFromLog, type OptimizerItem } from "../src/optimize/items";
import { createOptimizationJob } from "../src/optimize/split-job";
import { trainParameters } from "../src/optimize/train";
import { randomLearner, simulateLog } from "../tests/builders/learner";
import { atMost, pick, repeat, RUNS, runsNote, show, time } from "./measure";

interface Binding {
	FSRSBindingReview: new (rating: number, deltaT: number) => unknown;
	FSRSBindingItem: new (reviews: unknown[]) => unknown;
	computeParameters(items: unknown[], options: { enableShortTerm: boolean }): Promise<number[]>;
}

function loadBinding(): Binding | null {
	try {
		return createRequire(__filename)("@open-spaced-repetition/binding") as Binding;
	} catch {
		return null;
	}
}

function itemsOf(reviews: number, seed: number) {
	return itemsFromLog({ reviews: simulateLog(randomLearner(seed, 0.6), { reviews, seed }), actions: [] }, 4);
}

async function benchTraining(binding: Binding | null): Promise<void> {
	for (const reviews of pick([10_000, 100_000], [10_000])) {
		const { items, cardIds } = itemsOf(reviews, 3);
		const runs = reviews >= 100_000 ? 3 : RUNS;
		const ts = repeat(runs, () => time(() => trainParameters(items, cardIds)));
		const note = reviews >= 100_000 ? `  ${atMost(ts, 10_000, "≤ 10 s")}` : "";
		console.log(`TypeScript optimizer, ${reviews} answers (${items.length} predictions): ${show(ts, 0)}${note}`);
		const jobs = repeat(runs, () =>
			time(() => {
				const job = createOptimizationJob(items, cardIds, DEFAULT_PARAMETERS);
				while (job.step());
			}),
		);
		console.log(
			`  the plugin's whole job (fit + 5 split folds, before/after scored): ${show(jobs, 0)}${reviews >= 100_000 ? `  ${atMost(jobs, 10_000, "≤ 10 s")}` : ""}`,
		);
		if (binding) {
			const bindingItems = items.map(
				(item: OptimizerItem) => new binding.FSRSBindingItem(item.reviews.map((r) => new binding.FSRSBindingReview(r.rating, r.deltaT))),
			);
			const ms: number[] = [];
			for (let run = 0; run < runs; run++) {
				const start = performance.now();
				await binding.computeParameters(bindingItems, { enableShortTerm: true });
				ms.push(performance.now() - start);
			}
			console.log(`fsrs-rs through the binding, ${reviews} answers: ${show(ms, 0)}`);
		}
	}
	if (!binding) console.log("fsrs-rs binding not installed: its figures are left out");
}

function figures(e: Evaluation): string {
	return `log loss ${e.logLoss.toFixed(4)}, RMSE(bins) ${(e.rmseBins * 100).toFixed(2)}%`;
}

function benchLearners(): void {
	for (const seed of pick([3, 11, 29], [3])) {
		const learner = randomLearner(seed, 0.6);
		const { items, cardIds } = itemsFromLog({ reviews: simulateLog(learner, { reviews: 20_000, seed }), actions: [] }, 4);
		const cut = Math.floor(items.length * 0.8);
		const fitted = trainParameters(items.slice(0, cut), cardIds.slice(0, cut));
		const test = items.slice(cut);
		const truth = evaluateParameters(learner.w, test);
		const fit = evaluateParameters(fitted, test);
		const defaults = evaluateParameters(DEFAULT_PARAMETERS, test);
		console.log(`simulated learner ${seed} (20,000 answers; held-out last 20%: ${test.length} predictions):`);
		console.log(`  true w*:  ${figures(truth)}`);
		console.log(`  defaults: ${figures(defaults)}`);
		console.log(
			`  fitted:   ${figures(fit)}  (log loss ${(((fit.logLoss - truth.logLoss) / truth.logLoss) * 100).toFixed(2)}% from w*'s, target within 2%)`,
		);
	}
}

void (async () => {
	console.log(runsNote());
	await benchTraining(loadBinding());
	benchLearners();
})();
