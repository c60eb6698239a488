/**
 * Custom study (docs/scheduling.md, "Custom study"): Anki's filtered decks as sessions over the
 * cards a request selects. Review ahead answers are real reviews; a cram session and a review
 * of forgotten cards change no schedule (their answers go to the review log as `cram` lines).
 * Extra new cards are not a session of their own: they raise today's new-card limit
 * (`extra-new.ts`).
 */
import { addDays, daysBetween, localDay } from "../model/days";
import type { SchedulingSettings } from "../settings/settings";
import { dueDay } from "../schedule/status";
import { siblingStatus } from "../schedule/status";
import { cardId } from "../stats/card-id";
import type { CramEntry, ReviewEntry } from "../stats/log-format";
import { Rating } from "../model/schedule";
import type { Queues } from "./session-queue";
import { identity, shuffledIndexes } from "./seeded-order";
import { byPosition, cardKeyOf, segmentOf, type QueueEntry, type SessionItem } from "./session-item";

/** The custom sessions: cards due in the next `days` days, every selected card, or those failed lately. */
export type CustomStudy = { kind: "ahead"; days: number } | { kind: "cram" } | { kind: "forgotten"; days: number };

/** The largest number of days review ahead and forgotten cards look at (a year, and back). */
export const CUSTOM_STUDY_MAX_DAYS = 365;

/** A cram answer brings its card back after this long: Again soon, Hard a little later; Good and Easy end it. */
const CRAM_DELAY_MS: Partial<Record<Rating, number>> = { [Rating.Again]: 60_000, [Rating.Hard]: 10 * 60_000 };

/** What the answer buttons say in a session that changes no schedule. */
export const CRAM_LABELS: Readonly<Record<Rating, string>> = {
	[Rating.Again]: "1 min",
	[Rating.Hard]: "10 min",
	[Rating.Good]: "done",
	[Rating.Easy]: "done",
};

/** Whether the answers of a session write new schedules: a normal review or review ahead. */
export function reschedules(custom: CustomStudy | undefined): boolean {
	return custom === undefined || custom.kind === "ahead";
}

/** A short name of the session for titles and messages, e.g. "Review ahead 3 days". */
export function customStudyName(custom: CustomStudy): string {
	const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;
	if (custom.kind === "ahead") return `Review ahead ${days(custom.days)}`;
	if (custom.kind === "forgotten") return `Forgotten in the last ${days(custom.days)}`;
	return "Cram";
}

/** What an empty custom session tells the user. */
export function emptyCustomMessage(custom: CustomStudy): string {
	if (custom.kind === "ahead") return `No cards are due in the next ${custom.days === 1 ? "day" : `${custom.days} days`} here.`;
	if (custom.kind === "forgotten") return `No card here was answered Again in the last ${custom.days === 1 ? "day" : `${custom.days} days`}.`;
	return "There are no cards to cram here.";
}

/**
 * The ids of the cards answered Again (in a review or a cram) on the last `days` local days,
 * today included, up to `now`, as Anki's `rated:days:1` finds them.
 */
export function forgottenCardIds(
	log: { reviews: readonly ReviewEntry[]; cram?: readonly CramEntry[] },
	now: Date,
	days: number,
	dayStartHour: number,
): Set<string> {
	const first = addDays(localDay(now, dayStartHour), -(Math.max(1, days) - 1));
	const ids = new Set<string>();
	for (const entry of [...log.reviews, ...(log.cram ?? [])]) {
		if (entry.rating !== Rating.Again || entry.time > now.getTime()) continue;
		if (localDay(new Date(entry.time), dayStartHour) >= first) ids.add(entry.card);
	}
	return ids;
}

/**
 * The queues of a custom session, without daily limits (as in Anki's filtered decks):
 * - ahead: review siblings (classic, or FSRS in review state) due on or before today + `days`,
 *   earliest due first; with `burySiblings`, one sibling per card;
 * - cram: every sibling, new ones too, shuffled (in position order with `deterministicOrder`);
 * - forgotten: the siblings whose id is in `forgotten`, shuffled likewise.
 * Everything waits in the review queue; a sibling keeps its kind (new or review) for the counts.
 */
export function buildCustomQueues(
	items: readonly SessionItem[],
	now: Date,
	settings: SchedulingSettings,
	custom: CustomStudy,
	seed: string,
	forgotten: ReadonlySet<string> = new Set(),
): Queues {
	const hour = settings.nextDayStartsAt;
	if (custom.kind === "ahead") {
		const today = localDay(now, hour);
		const dated: { entry: QueueEntry; day: string }[] = [];
		for (const item of items) {
			const segment = segmentOf(item);
			const schedule = segment.kind === "ok" ? segment.schedule : null;
			if (schedule === null || (schedule.type === "fsrs" && schedule.state !== 2)) continue;
			const day = dueDay(schedule, hour);
			if (day === null || daysBetween(today, day) > custom.days) continue;
			dated.push({ entry: { item, kind: "review", segment, dueAt: 0 }, day });
		}
		dated.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : byPosition(a.entry, b.entry)));
		const taken = new Set<string>();
		const reviews: QueueEntry[] = [];
		for (const { entry } of dated) {
			const key = cardKeyOf(entry.item);
			if (settings.burySiblings && taken.has(key)) continue;
			taken.add(key);
			reviews.push(entry);
		}
		return { learning: [], reviews, news: [] };
	}
	const chosen = custom.kind === "cram" ? items : items.filter((item) => forgotten.has(cardId(item.file, item.card.source, item.sibling)));
	const entries: QueueEntry[] = chosen.map((item) => {
		const segment = segmentOf(item);
		return { item, kind: siblingStatus(segment, now, hour) === "new" ? "new" : "review", segment, dueAt: 0 };
	});
	entries.sort(byPosition);
	const order = settings.deterministicOrder ? identity(entries.length) : shuffledIndexes(entries.length, `${seed}|${custom.kind}`);
	return { learning: [], reviews: Array.from(order, (i) => entries[i]), news: [] };
}

/** The entry a cram answer puts back (Again in a minute, Hard in ten), or null when the card is done. */
export function cramRequeue(entry: QueueEntry, rating: Rating, now: Date): QueueEntry | null {
	const delay = CRAM_DELAY_MS[rating];
	return delay === undefined ? null : { item: entry.item, kind: "learning", segment: entry.segment, dueAt: now.getTime() + delay };
}
