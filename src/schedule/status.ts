/**
 * Where a sibling stands at a given moment: new, in (re)learning steps, due for review, or
 * scheduled later. Shared by the index (counts per deck), the review queue and the UI.
 * Review dates are compared by the user's local day (`days.ts`), learning steps by the moment.
 */
import type { SegmentState } from "../model/card";
import { daysBetween, isDay, localDay } from "../model/days";
import type { Schedule } from "../model/schedule";

export type SiblingStatus = "new" | "learning" | "due" | "later";

/**
 * The status of one sibling's segment at `now`.
 * - absent, the "new" placeholder (`ok` with a null schedule), unreadable, FSRS state 0 → `"new"`
 * - FSRS state 1 or 3 (learning / relearning) → `"learning"`, whether or not its step is due yet
 *   (see {@link isDueNow})
 * - a classic or FSRS review whose due local day is today or earlier → `"due"`
 * - otherwise → `"later"`
 * @param dayStartHour the "next day starts at" local hour (0–23)
 */
export function siblingStatus(segment: SegmentState, now: Date, dayStartHour: number): SiblingStatus {
	const schedule = readableSchedule(segment);
	if (schedule === null) return "new";
	if (schedule.type === "fsrs") {
		if (schedule.state === 0) return "new";
		if (schedule.state === 1 || schedule.state === 3) return "learning";
	}
	return overdueByDays(schedule, now, dayStartHour) >= 0 ? "due" : "later";
}

/**
 * True when the sibling may be shown at `now`:
 * - new siblings (see {@link siblingStatus}) are always available → true;
 * - learning / relearning siblings when their due moment is at or before `now`;
 * - review siblings (classic or FSRS) when their due local day is today or earlier.
 */
export function isDueNow(segment: SegmentState, now: Date, dayStartHour: number): boolean {
	const schedule = readableSchedule(segment);
	if (schedule === null) return true;
	if (schedule.type === "fsrs") {
		if (schedule.state === 0) return true;
		if (schedule.state === 1 || schedule.state === 3) {
			const due = Date.parse(schedule.due);
			// An unparsable moment cannot be waited for: treat it as due rather than hide the card.
			return Number.isNaN(due) || due <= now.getTime();
		}
	}
	return overdueByDays(schedule, now, dayStartHour) >= 0;
}

/**
 * Whole local days a review sibling is overdue at `now` (today − due day), 0 when it is not yet
 * due, new, or in learning steps. This is SM-2's `d`.
 */
export function overdueDays(segment: SegmentState, now: Date, dayStartHour: number): number {
	const schedule = readableSchedule(segment);
	if (schedule === null) return 0;
	if (schedule.type === "fsrs" && schedule.state !== 2) return 0;
	return Math.max(0, overdueByDays(schedule, now, dayStartHour));
}

/**
 * The local day a schedule is due on: the classic due day itself, or the local day of an FSRS
 * due moment. Null when the stored date cannot be read.
 */
export function dueDay(schedule: Schedule, dayStartHour: number): string | null {
	if (schedule.type === "classic") return isDay(schedule.due) ? schedule.due : null;
	const due = new Date(schedule.due);
	return Number.isNaN(due.getTime()) ? null : localDay(due, dayStartHour);
}

/** The schedule of a readable segment, or null when the sibling counts as new. */
function readableSchedule(segment: SegmentState): Schedule | null {
	return segment.kind === "ok" ? segment.schedule : null;
}

/** today − due day in local days (negative = not yet due); an unreadable date counts as due today. */
function overdueByDays(schedule: Schedule, now: Date, dayStartHour: number): number {
	const day = dueDay(schedule, dayStartHour);
	if (day === null) return 0;
	return daysBetween(day, localDay(now, dayStartHour));
}
