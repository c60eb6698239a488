/**
 * Whether another sibling of a card was already answered today: such siblings are buried (left
 * out of the session) when the queues are built, so a card is not asked twice in one day.
 */
import type { Card } from "../model/card";
import { addDays, localDay } from "../model/days";
import type { SessionItem } from "./session-item";
import type { Schedule } from "../model/schedule";

/** Per card, the indexes of its siblings answered today: worked out once per card, not per sibling. */
export type AnsweredToday = Map<Card, readonly number[]>;

/**
 * True when a sibling of the item's card other than the item's own was answered on local day
 * `today` (days start at `hour`). `answered` caches the answered siblings of each card seen.
 */
export function otherSiblingAnsweredToday(item: SessionItem, answered: AnsweredToday, today: string, hour: number): boolean {
	if (!hasOtherSibling(item)) return false;
	let indexes = answered.get(item.card);
	if (indexes === undefined) {
		indexes = answeredToday(item.card, today, hour);
		answered.set(item.card, indexes);
	}
	for (const index of indexes) if (index !== item.sibling) return true;
	return false;
}

/** False when the card's only sibling is the item's own (the usual card: nothing to bury it). */
function hasOtherSibling(item: SessionItem): boolean {
	const siblings = item.card.siblings;
	return siblings.length > 1 || (siblings.length === 1 && siblings[0].index !== item.sibling);
}

/**
 * Indexes of the card's siblings answered on local day `today`: an FSRS sibling whose last
 * review falls on it, or a classic one whose due − interval is today.
 */
function answeredToday(card: Card, today: string, hour: number): readonly number[] {
	let out: number[] | null = null;
	for (const sibling of card.siblings) {
		if (sibling.segment.kind !== "ok" || !sibling.segment.schedule) continue;
		if (wasAnsweredOn(sibling.segment.schedule, today, hour)) (out ??= []).push(sibling.index);
	}
	return out ?? NONE;
}

/** Shared by every card with no sibling answered today (most cards), to allocate nothing. */
const NONE: readonly number[] = [];

function wasAnsweredOn(schedule: Schedule, today: string, hour: number): boolean {
	if (schedule.type === "fsrs") {
		const last = schedule.lastReview === null ? Number.NaN : Date.parse(schedule.lastReview);
		return !Number.isNaN(last) && localDay(new Date(last), hour) === today;
	}
	return Number.isFinite(schedule.interval) && /^\d{4}-\d{2}-\d{2}$/.test(schedule.due) && addDays(schedule.due, -Math.round(schedule.interval)) === today;
}
