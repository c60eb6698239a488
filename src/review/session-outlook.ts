/**
 * What the review says around an empty or finished session: why nothing is shown (no cards,
 * nothing due, the daily limit) and when the next card of the request is due; tomorrow's load
 * on the finished screen. Read from the index, which the review's own writes keep current.
 */
import type { CardIndex } from "../index/card-index";
import { selectSiblings } from "../index/query";
import { addDays, localDay } from "../model/days";
import type { SegmentState } from "../model/card";
import { chipLabel } from "../schedule/chip-label";
import { dueDay } from "../schedule/status";
import type { ReviewRequest } from "./request";

export interface SessionOutlook {
	/** Siblings the request selects, whatever their state. */
	total: number;
	/** Of those, siblings that could be shown now (new, learning or due), before the daily limits. */
	available: number;
	/** The soonest sibling that is not due yet, as a chip says it ("in 3 d", "in 25 min"); null when none. */
	nextDue: string | null;
	/** Siblings with a schedule due by the end of tomorrow (today's left over included); new cards not counted. */
	tomorrow: number;
}

/** The outlook of a deck or filter request at `now`; null for a one-note request (chips and notes say it there). */
export function sessionOutlook(index: CardIndex, request: ReviewRequest, now: Date, dayStartHour: number): SessionOutlook | null {
	if (request.path !== undefined) return null;
	const tomorrowDay = addDays(localDay(now, dayStartHour), 1);
	let total = 0;
	let available = 0;
	let tomorrow = 0;
	let soonest: { at: number; segment: SegmentState } | null = null;
	for (const ref of selectSiblings(index, { deck: request.deck, filter: request.filter }, now)) {
		total++;
		if (ref.status !== "later") available++;
		const segment = ref.card.segments[ref.sibling];
		if (segment === undefined || segment.kind !== "ok" || segment.schedule === null) continue;
		const schedule = segment.schedule;
		if (schedule.type === "fsrs" && schedule.state === 0) continue;
		const day = dueDay(schedule, dayStartHour);
		if (day !== null && day <= tomorrowDay) tomorrow++;
		if (ref.status !== "later") continue;
		const at = schedule.type === "fsrs" ? Date.parse(schedule.due) : Date.parse(`${schedule.due}T00:00:00`);
		if (!Number.isNaN(at) && (soonest === null || at < soonest.at)) soonest = { at, segment };
	}
	return { total, available, nextDue: soonest === null ? null : chipLabel(soonest.segment, now, dayStartHour).text, tomorrow };
}

/**
 * Why a session shows no card at all: the request has no cards, none is due, or some are due but
 * the daily limits (or siblings already shown today) hold them back.
 */
export type EmptyReason = "no-cards" | "nothing-due" | "limit";

/** The reason for an empty session; without an outlook (one note) it is that nothing is due. */
export function emptyReason(outlook: SessionOutlook | null): EmptyReason {
	if (outlook === null) return "nothing-due";
	if (outlook.total === 0) return "no-cards";
	return outlook.available === 0 ? "nothing-due" : "limit";
}
