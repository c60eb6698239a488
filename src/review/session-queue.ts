/**
 * Building the review queues of a session: which siblings are shown (status, daily limits per
 * deck, buried siblings) and in which order (file then line, or a seeded shuffle per group),
 * and the queue changes an answer or a skip makes.
 */
import type { SegmentState } from "../model/card";
import type { SchedulingSettings } from "../settings/settings";
import { otherSiblingAnsweredToday, type AnsweredToday } from "./answered-today";
import { addDays, dayStart, localDay } from "../model/days";
import { cardIds, deckIds, takeWithinLimits } from "./queue-limits";
import { identity, shuffledIndexes } from "./seeded-order";
import { byPosition, cardKeyOf, segmentOf, type DoneTodayCounts, type QueueEntry, type SessionItem } from "./session-item";
import { siblingStatus, type SiblingStatus } from "../schedule/status";
import type { Schedule } from "../model/schedule";

/** An SM-2 "Again" is due today: it comes back after this delay, like a relearning step. */
const SM2_AGAIN_DELAY_MS = 10 * 60_000;

export interface Queues {
	learning: QueueEntry[];
	reviews: QueueEntry[];
	news: QueueEntry[];
}

/** The moment the local day after `now`'s starts: learning steps due before it stay in the session. */
export function endOfToday(now: Date, settings: SchedulingSettings): number {
	const today = localDay(now, settings.nextDayStartsAt);
	return dayStart(addDays(today, 1), settings.nextDayStartsAt).getTime();
}

/** Sorts and limits the items into the three queues. */
export function buildQueues(
	items: readonly SessionItem[],
	now: Date,
	settings: SchedulingSettings,
	doneToday: Readonly<Record<string, DoneTodayCounts>>,
	seed: string,
	extraNew: (deck: string) => number = () => 0,
): Queues {
	const hour = settings.nextDayStartsAt;
	const today = localDay(now, hour);
	const dayEnd = endOfToday(now, settings);
	const learning: QueueEntry[] = [];
	let reviews: QueueEntry[] = [];
	let news: QueueEntry[] = [];
	const answered: AnsweredToday | null = settings.burySiblings ? new Map() : null;
	// A review's status depends only on its due text (and kind): many cards share a few due days.
	const statusByDue = [new Map<string, SiblingStatus>(), new Map<string, SiblingStatus>()];
	for (const item of items) {
		const segment = segmentOf(item);
		// Suspended siblings are never shown (docs/format.md, "Suspended and flagged cards").
		if (segment.kind !== "absent" && segment.marks?.suspended) continue;
		const schedule = segment.kind === "ok" ? segment.schedule : null;
		let status: SiblingStatus;
		if (schedule === null || (schedule.type === "fsrs" && schedule.state !== 2)) {
			status = siblingStatus(segment, now, hour);
		} else {
			const byDue = statusByDue[schedule.type === "fsrs" ? 1 : 0];
			const known = byDue.get(schedule.due);
			status = known ?? siblingStatus(segment, now, hour);
			if (known === undefined) byDue.set(schedule.due, status);
		}
		if (status === "later") continue;
		if (status === "learning") {
			const entry = learningEntry(item, segment, now, dayEnd);
			if (entry) learning.push(entry);
			continue;
		}
		if (answered !== null && otherSiblingAnsweredToday(item, answered, today, hour)) continue;
		(status === "due" ? reviews : news).push({ item, kind: status === "due" ? "review" : "new", segment, dueAt: 0 });
	}
	learning.sort((a, b) => a.dueAt - b.dueAt || byPosition(a, b));
	reviews.sort(byPosition);
	news.sort(byPosition);
	const cards = settings.burySiblings ? cardIds(reviews, news) : null;
	const decks = deckIds(reviews, news);
	const seen = cards ? new Uint8Array(cards.count) : null;
	const order = (length: number, name: string): Int32Array => (settings.deterministicOrder ? identity(length) : shuffledIndexes(length, `${seed}|${name}`));
	reviews = takeWithinLimits(reviews, order(reviews.length, "reviews"), {
		cardOf: cards?.first ?? null,
		seen,
		deckOf: decks.first,
		deckNames: decks.names,
		limit: settings.reviewsPerDay,
		already: (deck) => doneToday[deck]?.reviews ?? 0,
	});
	news = takeWithinLimits(news, order(news.length, "new"), {
		cardOf: cards?.second ?? null,
		seen,
		deckOf: decks.second,
		deckNames: decks.names,
		limit: settings.newPerDay,
		// Extra new cards today (custom study) count as if that many fewer were answered.
		already: (deck) => (doneToday[deck]?.new ?? 0) - extraNew(deck),
	});
	return { learning, reviews, news };
}

/**
 * The queue entry of `item` with `segment` at `now`, or null when it is not to be reviewed today
 * (no daily limits: the card was in the session already).
 */
export function entryFor(item: SessionItem, segment: SegmentState, now: Date, settings: SchedulingSettings): QueueEntry | null {
	const status = siblingStatus(segment, now, settings.nextDayStartsAt);
	if (status === "later") return null;
	if (status === "learning") return learningEntry(item, segment, now, endOfToday(now, settings));
	return { item, kind: status === "due" ? "review" : "new", segment, dueAt: 0 };
}

/** A learning sibling's entry, due at its step; null when the step falls after today (`dayEnd`). */
function learningEntry(item: SessionItem, segment: SegmentState, now: Date, dayEnd: number): QueueEntry | null {
	const due = segment.kind === "ok" && segment.schedule ? Date.parse(segment.schedule.due) : Number.NaN;
	const dueAt = Number.isNaN(due) ? now.getTime() : due;
	return dueAt < dayEnd ? { item, kind: "learning", segment, dueAt } : null;
}

/** The queues without `entry` (answered or skipped). */
export function without(queues: Readonly<Queues>, entry: QueueEntry): Queues {
	return {
		learning: queues.learning.filter((e) => e !== entry),
		reviews: queues.reviews.filter((e) => e !== entry),
		news: queues.news.filter((e) => e !== entry),
	};
}

/**
 * The queues (already without `entry`) with a skipped `entry` at the end of its queue; a learning
 * step becomes due just after the last one (and not before now or its own step).
 */
export function atTheEnd(queues: Queues, entry: QueueEntry, now: Date): Queues {
	if (entry.kind === "learning") {
		const last = queues.learning[queues.learning.length - 1];
		const dueAt = Math.max(now.getTime(), last ? last.dueAt : 0, entry.dueAt) + 1;
		return { ...queues, learning: [...queues.learning, { ...entry, dueAt }] };
	}
	if (entry.kind === "review") return { ...queues, reviews: [...queues.reviews, entry] };
	return { ...queues, news: [...queues.news, entry] };
}

/** Removes the other new and review siblings of the card (learning steps keep their turn). */
export function burySiblings(queues: Queues, cardKey: string): Queues {
	return {
		...queues,
		reviews: queues.reviews.filter((e) => cardKeyOf(e.item) !== cardKey),
		news: queues.news.filter((e) => cardKeyOf(e.item) !== cardKey),
	};
}

/** The learning entry an answer puts back in the session, or null when the card is done for today. */
export function requeue(item: SessionItem, next: Schedule, now: Date, settings: SchedulingSettings): QueueEntry | null {
	const segment: SegmentState = { kind: "ok", schedule: next };
	if (next.type === "fsrs") {
		const due = Date.parse(next.due);
		if ((next.state === 1 || next.state === 3) && due < endOfToday(now, settings)) {
			return { item, kind: "learning", segment, dueAt: due };
		}
		return null;
	}
	// SM-2 "Again" leaves the card due today.
	return next.interval === 0 ? { item, kind: "learning", segment, dueAt: now.getTime() + SM2_AGAIN_DELAY_MS } : null;
}

/** The learning queue with `entry` added, in due order (then position order). */
export function insertByDue(learning: readonly QueueEntry[], entry: QueueEntry): QueueEntry[] {
	const out = [...learning, entry];
	out.sort((a, b) => a.dueAt - b.dueAt || byPosition(a, b));
	return out;
}
