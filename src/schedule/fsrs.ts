/**
 * FSRS through the ts-fsrs package (never re-implemented here). This module only translates:
 * our stored `FsrsSchedule` ↔ a ts-fsrs card, real moments ↔ scheduler moments (`fsrsClock.ts`,
 * so elapsed days are local days), and settings ↔ ts-fsrs parameters.
 *
 * ts-fsrs adds `scheduler`, `diff`, `format` and `dueFormat` to `Date.prototype` when imported.
 * We leave them in place (another plugin bundling ts-fsrs may rely on them) but never call them;
 * `tests/schedule/prototype.test.ts` checks our results are the same without them.
 */
import { createEmptyCard, default_w, forgetting_curve, fsrs, StrategyMode, type Card as FsrsCard, type FSRS, type Grade, type StepUnit } from "ts-fsrs";
import type { SchedulingSettings } from "../settings/settings";
import { fsrsFromClassic } from "./convert";
import { localDay } from "../model/days";
import { realDue, toSchedulerTime } from "./fsrs-clock";
import { Rating, type FsrsSchedule, type Schedule } from "../model/schedule";

/** The settings FSRS reads. */
export type FsrsSettings = Pick<SchedulingSettings, "desiredRetention" | "maximumInterval" | "learningSteps" | "relearningSteps" | "fuzz" | "nextDayStartsAt"> &
	Partial<Pick<SchedulingSettings, "fsrsParameters">>;

export interface FsrsOptions {
	/** Apply (re)learning steps (ts-fsrs `enable_short_term`); on unless set to false. */
	shortTerm?: boolean;
}

const STEP_PATTERN = /^\d+(\.\d+)?[mhd]$/;
const RATINGS = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const;

/**
 * The next FSRS schedule after answering `rating` at `now`.
 * @param previous the sibling's schedule: null (new), FSRS, or classic (converted by
 *   `convert.ts` `fsrsFromClassic`)
 * @param cardKey a stable string naming the sibling (e.g. file, card text, sibling index); with
 *   the local day and the review count it seeds the fuzz, so the same review gives the same date
 */
export function scheduleFsrs(
	previous: Schedule | null,
	rating: Rating,
	now: Date,
	settings: FsrsSettings,
	cardKey: string,
	options: FsrsOptions = {},
): FsrsSchedule {
	const card = toFsrsCard(previous, now, settings);
	const result = scheduler(settings, options, seed(cardKey, now, settings, card)).next(
		card,
		new Date(toSchedulerTime(now, settings.nextDayStartsAt)),
		rating,
	);
	return fromFsrsCard(result.card, now, settings);
}

/** The four outcomes of {@link scheduleFsrs}, one per answer button. */
export function previewFsrs(
	previous: Schedule | null,
	now: Date,
	settings: FsrsSettings,
	cardKey: string,
	options: FsrsOptions = {},
): Record<Rating, FsrsSchedule> {
	const card = toFsrsCard(previous, now, settings);
	const preview = scheduler(settings, options, seed(cardKey, now, settings, card)).repeat(card, new Date(toSchedulerTime(now, settings.nextDayStartsAt)));
	const out = {} as Record<Rating, FsrsSchedule>;
	for (const rating of RATINGS) out[rating] = fromFsrsCard(preview[rating as number as Grade].card, now, settings);
	return out;
}

/**
 * The probability of recall after `elapsedDays` for a memory of `stability` days, on FSRS's
 * forgetting curve with the default parameters (what the review log records with each answer).
 */
export function retrievability(stability: number, elapsedDays: number): number {
	if (!(stability > 0) || !Number.isFinite(stability) || !(elapsedDays >= 0)) return 1;
	return forgetting_curve(default_w, elapsedDays, stability);
}

/** Learning steps from settings that ts-fsrs understands (`1m`, `10m`, `1h`, `1d`); others are dropped. */
export function validSteps(steps: readonly string[]): StepUnit[] {
	return steps.filter((step) => STEP_PATTERN.test(step)) as StepUnit[];
}

function scheduler(settings: FsrsSettings, options: FsrsOptions, seedText: string): FSRS {
	const retention = Number.isFinite(settings.desiredRetention) ? settings.desiredRetention : 0.9;
	const maximum = Number.isFinite(settings.maximumInterval) && settings.maximumInterval >= 1 ? settings.maximumInterval : 36500;
	return fsrs({
		request_retention: Math.min(0.99, Math.max(0.7, retention)),
		maximum_interval: Math.round(maximum),
		enable_fuzz: settings.fuzz,
		enable_short_term: options.shortTerm !== false,
		learning_steps: validSteps(settings.learningSteps),
		relearning_steps: validSteps(settings.relearningSteps),
		// Personal parameters when set (checked on reading, docs/scheduling.md); else ts-fsrs's defaults.
		...(settings.fsrsParameters?.length === 21 ? { w: settings.fsrsParameters } : {}),
	}).useStrategy(StrategyMode.SEED, () => seedText);
}

function seed(cardKey: string, now: Date, settings: FsrsSettings, card: FsrsCard): string {
	// The local day, not the exact moment: a preview and the answer a few seconds later agree.
	return `${cardKey}|${localDay(now, settings.nextDayStartsAt)}|${card.reps}`;
}

/** Our schedule as a ts-fsrs card in scheduler time; anything unusable counts as new. */
function toFsrsCard(previous: Schedule | null, now: Date, settings: FsrsSettings): FsrsCard {
	const hour = settings.nextDayStartsAt;
	const schedule = previous?.type === "classic" ? fsrsFromClassic(previous, hour) : previous;
	const schedulerNow = new Date(toSchedulerTime(now, hour));
	if (!schedule || schedule.state === 0 || !usableMemory(schedule)) return createEmptyCard(schedulerNow);
	const due = new Date(schedule.due);
	const written = schedule.lastReview === null ? null : new Date(schedule.lastReview);
	// A last review after now (a hand edit, another device's clock) is taken as now: ts-fsrs
	// refuses a negative elapsed time, and one such comment must not stop a review.
	const last = written !== null && written.getTime() > now.getTime() ? now : written;
	// Spread from an empty card so the deprecated `elapsed_days` (ts-fsrs recomputes it) is carried, not named.
	return {
		...createEmptyCard(schedulerNow),
		due: Number.isNaN(due.getTime()) ? schedulerNow : new Date(toSchedulerTime(due, hour)),
		stability: schedule.stability,
		difficulty: schedule.difficulty,
		scheduled_days: Math.max(0, Math.round(schedule.interval) || 0),
		learning_steps: Math.max(0, Math.floor(schedule.learningStep) || 0),
		reps: Math.max(0, Math.floor(schedule.reps) || 0),
		lapses: Math.max(0, Math.floor(schedule.lapses) || 0),
		state: schedule.state,
		last_review: last && !Number.isNaN(last.getTime()) ? new Date(toSchedulerTime(last, hour)) : undefined,
	};
}

function usableMemory(schedule: FsrsSchedule): boolean {
	return schedule.stability > 0 && Number.isFinite(schedule.stability) && schedule.difficulty >= 1 && schedule.difficulty <= 10;
}

/** A ts-fsrs result as our schedule, in real time, numbers to 4 decimals as they will be written. */
function fromFsrsCard(card: FsrsCard, now: Date, settings: FsrsSettings): FsrsSchedule {
	return {
		type: "fsrs",
		due: realDue(card.due.getTime(), now, settings.nextDayStartsAt).toISOString(),
		interval: card.scheduled_days,
		stability: round4(card.stability),
		difficulty: round4(card.difficulty),
		state: card.state as number as FsrsSchedule["state"],
		reps: card.reps,
		lapses: card.lapses,
		learningStep: card.learning_steps,
		lastReview: now.toISOString(),
	};
}

function round4(value: number): number {
	return Math.round(value * 10_000) / 10_000;
}
