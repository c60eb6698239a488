/**
 * The optimizer's work inside a Web Worker (docs/scheduling.md, "Personal parameters"): the
 * plugin posts the merged review log; the worker turns it into items, fits on all of them and on
 * the 5 folds of the time-series split (which score "before" and "after"), in slices so a cancel
 * message gets through between them, and posts progress and the result. Pure apart from the
 * callbacks, so tests drive it without a worker.
 */
import type { Evaluation } from "./evaluate";
import { DEFAULT_PARAMETERS } from "./fsrs-model";
import { itemsFromLog, type LogForItems } from "./items";
import { createOptimizationJob } from "./split-job";

export interface TrainRequest {
	type: "train";
	log: LogForItems;
	dayStartHour: number;
	/** Only answers whose card's first deck is this deck or below it; absent = all. */
	deck?: string;
	/** The parameters in use now (empty = the defaults), scored as "before" on the time-series split. */
	current: number[];
	/** Length of a training slice in ms (default 50); the tests shorten it to see a cancel land mid-training. */
	sliceMs?: number;
}

export type ToWorker = TrainRequest | { type: "cancel" };

export interface OptimizeResult {
	parameters: number[];
	before: Evaluation;
	after: Evaluation;
	reviews: number;
	predictions: number;
	cards: number;
	cardsBeforeLog: number;
}

export type FromWorker =
	| { type: "progress"; done: number; total: number }
	| { type: "done"; result: OptimizeResult }
	| { type: "too-few"; predictions: number; cardsBeforeLog: number }
	| { type: "cancelled" }
	| { type: "error"; message: string };

/** Fewer predictions than this give no fit (fsrs-rs only pretrains below 64). */
const MIN_PREDICTIONS = 64;

export interface WorkerHooks {
	post(message: FromWorker): void;
	/** Runs `fn` later, letting messages in (a worker: `setTimeout(fn, 0)`). */
	later(fn: () => void): void;
	cancelled(): boolean;
	/** Milliseconds, for slicing the work. */
	now(): number;
}

/** Training runs in slices this long; progress is posted after each. */
const SLICE_MS = 50;

/** Trains on the request's log, posting progress, then the result (or why there is none). Never throws. */
export function runTraining(request: TrainRequest, hooks: WorkerHooks): void {
	try {
		const deck = request.deck?.trim().toLowerCase();
		const report = itemsFromLog(request.log, request.dayStartHour, (entry) => {
			if (deck === undefined || deck === "") return true;
			const own = entry.deck.toLowerCase();
			return own === deck || own.startsWith(`${deck}/`);
		});
		if (report.items.length < MIN_PREDICTIONS) {
			hooks.post({ type: "too-few", predictions: report.items.length, cardsBeforeLog: report.cardsBeforeLog });
			return;
		}
		const current = request.current.length === DEFAULT_PARAMETERS.length ? request.current : DEFAULT_PARAMETERS;
		const job = createOptimizationJob(report.items, report.cardIds, current);
		const sliceMs = request.sliceMs !== undefined && request.sliceMs > 0 ? request.sliceMs : SLICE_MS;
		const slice = (): void => {
			try {
				if (hooks.cancelled()) {
					hooks.post({ type: "cancelled" });
					return;
				}
				const start = hooks.now();
				let more = true;
				while (more && hooks.now() - start < sliceMs) more = job.step();
				if (more) {
					hooks.post({ type: "progress", done: job.done, total: job.total });
					hooks.later(slice);
					return;
				}
				const { parameters, before, after } = job.outcome();
				hooks.post({
					type: "done",
					result: {
						parameters,
						before,
						after,
						reviews: report.reviewsUsed,
						predictions: report.items.length,
						cards: report.cardsUsed,
						cardsBeforeLog: report.cardsBeforeLog,
					},
				});
			} catch (error) {
				hooks.post({ type: "error", message: error instanceof Error ? error.message : String(error) });
			}
		};
		hooks.post({ type: "progress", done: 0, total: job.total });
		hooks.later(slice);
	} catch (error) {
		hooks.post({ type: "error", message: error instanceof Error ? error.message : String(error) });
	}
}
