import { describe, expect, it } from "vitest";
import { DEFAULT_PARAMETERS } from "../../src/optimize/fsrs-model";
import { itemsFromLog } from "../../src/optimize/items";
import { createOptimizationJob } from "../../src/optimize/split-job";
import { runTraining, type FromWorker, type TrainRequest } from "../../src/optimize/worker-protocol";
import { randomLearner, simulateLog } from "../builders/learner";

/** Runs the protocol to the end with a synchronous "later", cancelling after `cancelAfter` slices. */
function drive(request: TrainRequest, cancelAfter = Infinity): FromWorker[] {
	const messages: FromWorker[] = [];
	const queue: (() => void)[] = [];
	let slices = 0;
	let clock = 0;
	runTraining(request, { post: (m) => messages.push(m), later: (fn) => queue.push(fn), cancelled: () => slices > cancelAfter, now: () => (clock += 10) });
	while (queue.length > 0) {
		slices++;
		queue.shift()!();
	}
	return messages;
}

const log = { reviews: simulateLog(randomLearner(6, 0.6), { reviews: 3000, seed: 6 }), actions: [] };

describe("the optimizer worker's protocol", () => {
	it("posts progress in slices, then the parameters with log loss and RMSE before and after", () => {
		const messages = drive({ type: "train", log, dayStartHour: 4, current: [] });
		const progress = messages.filter((m) => m.type === "progress");
		expect(progress.length).toBeGreaterThan(2);
		const last = messages[messages.length - 1];
		expect(last.type).toBe("done");
		if (last.type === "done") {
			expect(last.result.parameters).toHaveLength(21);
			expect(last.result.reviews).toBeGreaterThan(2000);
			expect(last.result.after.logLoss).toBeLessThan(last.result.before.logLoss);
			// Before and after are scored on the time-series split, as the command line scores them.
			const { items, cardIds } = itemsFromLog(log, 4);
			const job = createOptimizationJob(items, cardIds, DEFAULT_PARAMETERS);
			while (job.step());
			expect(last.result).toMatchObject(job.outcome());
		}
	});

	it("stops between slices when cancelled", () => {
		const messages = drive({ type: "train", log, dayStartHour: 4, current: [] }, 2);
		expect(messages[messages.length - 1]).toEqual({ type: "cancelled" });
	});

	it("says so when a deck has too few reviews", () => {
		const messages = drive({ type: "train", log, dayStartHour: 4, current: [], deck: "nothing-here" });
		expect(messages).toEqual([{ type: "too-few", predictions: 0, cardsBeforeLog: 0 }]);
	});

	it("reports bad input as an error message, never a throw", () => {
		const broken = { reviews: null, actions: [] } as unknown as TrainRequest["log"];
		expect(drive({ type: "train", log: broken, dayStartHour: 4, current: [] })[0].type).toBe("error");
	});
});
