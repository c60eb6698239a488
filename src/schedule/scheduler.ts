/**
 * The one entry point for answering a card: picks FSRS or SM-2 by settings, reads any stored
 * form (new, classic, FSRS, unreadable = new) and returns the schedule to write.
 */
import type { SegmentState } from "../model/card";
import type { SchedulingSettings } from "../settings/settings";
import { classicFromFsrs } from "./convert";
import { localDay } from "../model/days";
import { previewFsrs, scheduleFsrs } from "./fsrs";
import { previewSm2, scheduleSm2, scheduleSm2Early, type DueHistogram } from "./sm2";
import { Rating, type ClassicSchedule, type Schedule } from "../model/schedule";

export interface AnswerContext {
	/** Stable name of the sibling; seeds FSRS fuzz (see `fsrs.ts`). */
	cardKey: string;
	/** Cards due per local day, for SM-2 load balancing; none when absent. */
	dueOn?: DueHistogram;
	/** Review ahead: SM-2 gives a card answered before its due day Anki's early-review intervals (FSRS needs nothing: it counts the days elapsed). */
	early?: boolean;
}

export interface AnswerPreview {
	schedule: Schedule;
	/** Short human label of the interval, e.g. "10 min", "3 d", "2.5 mo". */
	label: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The schedule after answering `rating` at `now`, by the algorithm the settings choose. */
export function answer(segment: SegmentState, rating: Rating, now: Date, settings: SchedulingSettings, ctx: AnswerContext): Schedule {
	const previous = segment.kind === "ok" ? segment.schedule : null;
	if (settings.algorithm === "sm2") {
		const sm2 = ctx.early ? scheduleSm2Early : scheduleSm2;
		return sm2(classicPrevious(previous, settings), rating, localDay(now, settings.nextDayStartsAt), settings, ctx.dueOn);
	}
	return scheduleFsrs(previous, rating, now, settings, ctx.cardKey);
}

/** What each of the four buttons would give at `now`, with a label for the button. */
export function previewAnswers(segment: SegmentState, now: Date, settings: SchedulingSettings, ctx: AnswerContext): Record<Rating, AnswerPreview> {
	const previous = segment.kind === "ok" ? segment.schedule : null;
	const schedules: Record<Rating, Schedule> =
		settings.algorithm === "sm2"
			? previewSm2(classicPrevious(previous, settings), localDay(now, settings.nextDayStartsAt), settings, ctx.dueOn, ctx.early)
			: previewFsrs(previous, now, settings, ctx.cardKey);
	const out = {} as Record<Rating, AnswerPreview>;
	for (const rating of [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]) {
		const schedule = schedules[rating];
		out[rating] = { schedule, label: scheduleLabel(schedule, now) };
	}
	return out;
}

/**
 * The label of the wait a schedule means from `now`: FSRS learning steps by their exact
 * duration, review intervals by their days.
 */
function scheduleLabel(schedule: Schedule, now: Date): string {
	if (schedule.type === "fsrs" && schedule.interval < 1) {
		return durationLabel(Date.parse(schedule.due) - now.getTime());
	}
	return intervalLabel(schedule.interval);
}

/** "1 min", "45 min", "2 h", "1.5 h" … for a duration in milliseconds (under a day). */
export function durationLabel(ms: number): string {
	if (!Number.isFinite(ms) || ms < MINUTE) return "1 min";
	if (ms < HOUR) return `${Math.round(ms / MINUTE)} min`;
	if (ms < DAY) return `${oneDecimal(ms / HOUR)} h`;
	return intervalLabel(ms / DAY);
}

/** "today", "3 d", "2.5 d", "2.5 mo", "1.2 y" for an interval in days. */
export function intervalLabel(days: number): string {
	if (!Number.isFinite(days) || days <= 0) return "today";
	if (days < 30) return `${oneDecimal(days)} d`;
	if (days < 365) return `${oneDecimal(days / 30)} mo`;
	return `${oneDecimal(days / 365)} y`;
}

function oneDecimal(value: number): string {
	const rounded = Math.round(value * 10) / 10;
	return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** The classic schedule SM-2 starts from; FSRS schedules are converted (`convert.ts`). */
function classicPrevious(previous: Schedule | null, settings: SchedulingSettings): ClassicSchedule | null {
	if (previous === null || previous.type === "classic") return previous;
	return classicFromFsrs(previous, settings.nextDayStartsAt);
}
