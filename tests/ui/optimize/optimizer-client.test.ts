import { describe, expect, it } from "vitest";
import type { FromWorker } from "../../../src/optimize/worker-protocol";
import { runOptimizer, type WorkerLike } from "../../../src/ui/optimize/optimizer-client";

const log = { reviews: [], actions: [] };

describe("the plugin's side of the worker", () => {
	function fakeWorker(replies: FromWorker[]): WorkerLike & { terminated: boolean; posted: unknown[] } {
		const worker = {
			terminated: false,
			posted: [] as unknown[],
			onmessage: null as ((event: MessageEvent) => void) | null,
			onerror: null as ((event: ErrorEvent) => void) | null,
			postMessage(message: unknown) {
				this.posted.push(message);
				for (const reply of replies) queueMicrotask(() => this.onmessage?.({ data: reply } as MessageEvent));
			},
			terminate() {
				this.terminated = true;
			},
		};
		return worker;
	}

	it("passes progress on, resolves with the result and ends the worker", async () => {
		const worker = fakeWorker([
			{ type: "progress", done: 1, total: 4 },
			{ type: "too-few", predictions: 3, cardsBeforeLog: 1 },
		]);
		const seen: number[] = [];
		const run = runOptimizer(
			{ type: "train", log, dayStartHour: 4, current: [] },
			(done) => seen.push(done),
			() => Promise.resolve(worker),
		);
		expect(await run.outcome).toEqual({ kind: "too-few", predictions: 3, cardsBeforeLog: 1 });
		expect(seen).toEqual([1]);
		expect(worker.terminated).toBe(true);
	});

	it("cancel ends the worker at once", async () => {
		const worker = fakeWorker([]);
		const run = runOptimizer(
			{ type: "train", log, dayStartHour: 4, current: [] },
			() => {},
			() => Promise.resolve(worker),
		);
		await Promise.resolve();
		run.cancel();
		expect(await run.outcome).toEqual({ kind: "cancelled" });
		expect(worker.terminated).toBe(true);
	});
});
