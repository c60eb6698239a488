/**
 * ts-fsrs counts elapsed days by UTC calendar date. We count in the user's local days, which
 * start at the "next day starts at" hour. Before calling ts-fsrs every real moment is mapped to
 * a "scheduler moment" whose UTC date is the moment's local day, and whose time of day is the
 * time elapsed since that local day started. Day differences ts-fsrs then computes are exactly
 * local-day differences; results are mapped back with {@link fromSchedulerTime}.
 */
import { dayStart, formatDay, localDay } from "../model/days";

const MS_PER_DAY = 86_400_000;

/** The scheduler moment (as epoch ms) of the real moment `moment`. */
export function toSchedulerTime(moment: Date, dayStartHour: number): number {
	const day = localDay(moment, dayStartHour);
	// A local day lasts 23 to 25 hours around daylight-saving changes; keep the offset inside one
	// UTC day so the UTC date stays the local day.
	const offset = Math.min(Math.max(0, moment.getTime() - dayStart(day, dayStartHour).getTime()), MS_PER_DAY - 1);
	return utcMidnight(day) + offset;
}

/**
 * The real moment of a scheduler moment: the same time after the start of the local day named by
 * its UTC date. A due date n days after a review therefore lands n local days later, at the same
 * time after the day's start (the same wall-clock time, daylight-saving changes aside).
 */
function fromSchedulerTime(schedulerMs: number, dayStartHour: number): Date {
	const date = new Date(schedulerMs);
	const day = formatDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
	return new Date(dayStart(day, dayStartHour).getTime() + (schedulerMs - utcMidnight(day)));
}

/**
 * The real due moment of a ts-fsrs result computed at real moment `now`. Whole-day steps are day
 * arithmetic in local days; (re)learning steps in minutes keep their exact duration.
 */
export function realDue(schedulerDueMs: number, now: Date, dayStartHour: number): Date {
	const delta = schedulerDueMs - toSchedulerTime(now, dayStartHour);
	if (delta > 0 && delta % MS_PER_DAY === 0) return fromSchedulerTime(schedulerDueMs, dayStartHour);
	return new Date(now.getTime() + delta);
}

/** Epoch ms of UTC midnight of the calendar day `day` (`YYYY-MM-DD`). */
function utcMidnight(day: string): number {
	return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}
