/**
 * The optimizer worker's entry: bundled on its own (esbuild.config.mjs) and started by the
 * plugin from a Blob URL only when the user asks for an optimization.
 */
import { runTraining, type ToWorker } from "./worker-protocol";

/** A worker's global scope (it has no `window`). */
interface WorkerScope {
	postMessage(message: unknown): void;
	setTimeout(fn: () => void, ms: number): number;
	onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;
let cancelled = false;

scope.onmessage = (event) => {
	const message = event.data;
	if (message.type === "cancel") cancelled = true;
	else
		runTraining(message, {
			post: (m) => scope.postMessage(m),
			later: (fn) => scope.setTimeout(fn, 0),
			cancelled: () => cancelled,
			now: () => performance.now(),
		});
};
