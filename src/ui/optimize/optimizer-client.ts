/**
 * Runs the optimizer in a Web Worker built from a Blob URL of its bundled code, which is loaded
 * only here, when the user asks (docs/scheduling.md, "Personal parameters"). The editor never
 * waits for it; cancelling stops the worker at once.
 */
import type { FromWorker, OptimizeResult, TrainRequest } from "../../optimize/worker-protocol";

type OptimizeOutcome =
	| { kind: "done"; result: OptimizeResult }
	| { kind: "too-few"; predictions: number; cardsBeforeLog: number }
	| { kind: "cancelled" }
	| { kind: "error"; message: string };

export interface OptimizerRun {
	outcome: Promise<OptimizeOutcome>;
	cancel(): void;
}

/** What the client needs of a worker (tests pass a fake). */
export interface WorkerLike {
	postMessage(message: unknown): void;
	terminate(): void;
	onmessage: ((event: MessageEvent) => void) | null;
	onerror: ((event: ErrorEvent) => void) | null;
}

export type WorkerFactory = () => Promise<WorkerLike>;

/** A worker running the bundled optimizer; the Blob URL is revoked once the worker has it. */
const blobWorker: WorkerFactory = async () => {
	const { default: source } = await import("spaced-notes:optimizer-worker");
	const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
	try {
		return new Worker(url);
	} finally {
		// The worker fetched its script synchronously on construction in every engine Obsidian uses.
		window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
	}
};

/** Starts training; `onProgress` gets batches done of all. */
export function runOptimizer(request: TrainRequest, onProgress: (done: number, total: number) => void, factory: WorkerFactory = blobWorker): OptimizerRun {
	let worker: WorkerLike | null = null;
	let finish: (outcome: OptimizeOutcome) => void = () => {};
	let cancelled = false;
	const outcome = new Promise<OptimizeOutcome>((resolve) => {
		finish = (o) => {
			worker?.terminate();
			worker = null;
			resolve(o);
		};
	});
	factory().then(
		(w) => {
			if (cancelled) {
				w.terminate();
				return;
			}
			worker = w;
			w.onmessage = (event: MessageEvent) => {
				const message = event.data as FromWorker;
				if (message.type === "progress") onProgress(message.done, message.total);
				else if (message.type === "done") finish({ kind: "done", result: message.result });
				else if (message.type === "too-few") finish({ kind: "too-few", predictions: message.predictions, cardsBeforeLog: message.cardsBeforeLog });
				else if (message.type === "cancelled") finish({ kind: "cancelled" });
				else finish({ kind: "error", message: message.message });
			};
			w.onerror = (event) => finish({ kind: "error", message: event.message || "the optimizer stopped" });
			w.postMessage(request);
		},
		(error: unknown) => finish({ kind: "error", message: error instanceof Error ? error.message : String(error) }),
	);
	return {
		outcome,
		cancel: () => {
			cancelled = true;
			finish({ kind: "cancelled" });
		},
	};
}
