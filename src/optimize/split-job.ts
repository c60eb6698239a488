/**
 * One optimization as the plugin runs it: fit on all items, then score the parameters in use and
 * the new ones the way fsrs-rs's `evaluate_with_time_series_splits` does (docs/scheduling.md,
 * "Evaluation"): each of the 5 later segments is predicted by parameters fitted only on the
 * segments before it, so "after" is not flattered by scoring answers the fit has seen. The six
 * fits run one batch per `step()`, so a worker can report progress and stop between batches.
 */
import { evaluateSplits, timeSeriesSplits, type Evaluation } from "./evaluate";
import type { OptimizerItem } from "./items";
import { createTrainer, type Trainer, type TrainingOptions } from "./train";

interface OptimizationOutcome {
	/** Fitted on all items: what "apply" writes. */
	parameters: number[];
	/** The parameters in use, on the split. */
	before: Evaluation;
	/** Parameters fitted fold by fold, on the split. */
	after: Evaluation;
}

export interface OptimizationJob {
	readonly done: number;
	readonly total: number;
	/** Runs one batch; false once every fit is done. */
	step(): boolean;
	/** The outcome once `step()` has returned false. */
	outcome(): OptimizationOutcome;
}

export function createOptimizationJob(
	items: readonly OptimizerItem[],
	cardIds: readonly string[],
	current: readonly number[],
	options?: TrainingOptions,
): OptimizationJob {
	const splits = timeSeriesSplits(items, cardIds);
	const trainers: Trainer[] = [createTrainer(items, cardIds, options), ...splits.map((split) => createTrainer(split.train, split.trainCards, options))];
	const total = trainers.reduce((sum, t) => sum + t.total, 0);
	let active = 0;
	let finishedBatches = 0;
	let result: OptimizationOutcome | null = null;

	const finish = (): void => {
		result = {
			parameters: trainers[0].result(),
			before: evaluateSplits(splits, () => current),
			// Trainer k + 1 was fitted on split k's training part.
			after: evaluateSplits(splits, (_, fold) => trainers[fold + 1].result()),
		};
	};

	return {
		get done() {
			return finishedBatches + (active < trainers.length ? trainers[active].done : 0);
		},
		total,
		step(): boolean {
			if (result !== null) return false;
			while (active < trainers.length && !trainers[active].step()) {
				finishedBatches += trainers[active].done;
				active++;
			}
			if (active < trainers.length) return true;
			finish();
			return false;
		},
		outcome(): OptimizationOutcome {
			if (result === null) throw new Error("the optimization has not finished");
			return result;
		},
	};
}
