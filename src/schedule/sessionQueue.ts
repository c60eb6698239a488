/**
 * Building the review queues of a session: which siblings are shown (status, daily limits per
 * deck, buried siblings) and in which order (file then line, or a seeded shuffle per group).
 */
import type { Card, SegmentState } from "../cards/types";
import type { SchedulingSettings } from "../settings/settings";
import { addDays, dayStart, localDay } from "./days";
import { siblingStatus } from "./status";
import type { Schedule } from "./types";

/** An SM-2 "Again" is due today: it comes back after this delay, like a relearning step. */
export const SM2_AGAIN_DELAY_MS = 10 * 60_000;

/** One sibling offered to a session. `deck` is the key its daily limits are counted under. */
export interface SessionItem {
	card: Card;
	sibling: number;
	file: string;
	deck: string;
}

export type QueueKind = "new" | "learning" | "review";

/** A sibling waiting in a queue, with its current segment (updated after each answer). */
export interface QueueEntry {
	readonly item: SessionItem;
	readonly kind: QueueKind;
	readonly segment: SegmentState;
	/** Learning entries: the moment (epoch ms) their step is due; 0 for the other kinds. */
	readonly dueAt: number;
}

/** Cards already answered today in a deck, counted against its daily limits. */
export interface DeckCounts {
	new: number;
	reviews: number;
}

export interface Queues {
	learning: QueueEntry[];
	reviews: QueueEntry[];
	news: QueueEntry[];
}

/** Identifies a card (all its siblings) within a session. */
export function cardKeyOf(item: SessionItem): string {
	return `${item.file}\u0000${item.card.startLine}`;
}

/** Stable name of one sibling, used to seed FSRS fuzz: the file, the card's text and the sibling. */
export function siblingKeyOf(item: SessionItem): string {
	return `${item.file}\u0000${item.card.source}\u0000${item.sibling}`;
}

/** The segment of the item's sibling (absent when the index is out of range). */
export function segmentOf(item: SessionItem): SegmentState {
	return item.card.siblings[item.sibling]?.segment ?? { kind: "absent" };
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
	doneToday: Readonly<Record<string, DeckCounts>>,
	seed: string,
): Queues {
	const hour = settings.nextDayStartsAt;
	const today = localDay(now, hour);
	const dayEnd = endOfToday(now, settings);
	const learning: QueueEntry[] = [];
	let reviews: QueueEntry[] = [];
	let news: QueueEntry[] = [];
	for (const item of items) {
		const segment = segmentOf(item);
		const status = siblingStatus(segment, now, hour);
		if (status === "later") continue;
		if (status === "learning") {
			const due = segment.kind === "ok" && segment.schedule ? Date.parse(segment.schedule.due) : Number.NaN;
			const dueAt = Number.isNaN(due) ? now.getTime() : due;
			if (dueAt < dayEnd) learning.push({ item, kind: "learning", segment, dueAt });
			continue;
		}
		if (settings.burySiblings && siblingAnsweredToday(item, today, hour)) continue;
		(status === "due" ? reviews : news).push({ item, kind: status === "due" ? "review" : "new", segment, dueAt: 0 });
	}
	learning.sort((a, b) => a.dueAt - b.dueAt || byPosition(a, b));
	if (settings.deterministicOrder) {
		reviews.sort(byPosition);
		news.sort(byPosition);
	} else {
		reviews = shuffle(reviews.sort(byPosition), `${seed}|reviews`);
		news = shuffle(news.sort(byPosition), `${seed}|new`);
	}
	if (settings.burySiblings) {
		const seen = new Set<string>();
		reviews = firstPerCard(reviews, seen);
		news = firstPerCard(news, seen);
	}
	reviews = limitPerDeck(reviews, settings.reviewsPerDay, (deck) => doneToday[deck]?.reviews ?? 0);
	news = limitPerDeck(news, settings.newPerDay, (deck) => doneToday[deck]?.new ?? 0);
	return { learning, reviews, news };
}

export function without(queues: Readonly<Queues>, entry: QueueEntry): Queues {
	return {
		learning: queues.learning.filter((e) => e !== entry),
		reviews: queues.reviews.filter((e) => e !== entry),
		news: queues.news.filter((e) => e !== entry),
	};
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

export function insertByDue(learning: readonly QueueEntry[], entry: QueueEntry): QueueEntry[] {
	const out = [...learning, entry];
	out.sort((a, b) => a.dueAt - b.dueAt || byPosition(a, b));
	return out;
}

/** File, then line, then sibling. */
export function byPosition(a: QueueEntry, b: QueueEntry): number {
	if (a.item.file !== b.item.file) return a.item.file < b.item.file ? -1 : 1;
	return a.item.card.startLine - b.item.card.startLine || a.item.sibling - b.item.sibling;
}

/**
 * True when another sibling of the item's card was answered on local day `today`: an FSRS
 * sibling whose last review falls on it, or a classic one whose due − interval is today.
 */
function siblingAnsweredToday(item: SessionItem, today: string, hour: number): boolean {
	return item.card.siblings.some((sibling) => {
		if (sibling.index === item.sibling || sibling.segment.kind !== "ok" || !sibling.segment.schedule) return false;
		const schedule = sibling.segment.schedule;
		if (schedule.type === "fsrs") {
			const last = schedule.lastReview === null ? Number.NaN : Date.parse(schedule.lastReview);
			return !Number.isNaN(last) && localDay(new Date(last), hour) === today;
		}
		return Number.isFinite(schedule.interval) && /^\d{4}-\d{2}-\d{2}$/.test(schedule.due) &&
			addDays(schedule.due, -Math.round(schedule.interval)) === today;
	});
}

function firstPerCard(entries: QueueEntry[], seen: Set<string>): QueueEntry[] {
	return entries.filter((entry) => {
		const key = cardKeyOf(entry.item);
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

function limitPerDeck(entries: QueueEntry[], limit: number, already: (deck: string) => number): QueueEntry[] {
	const taken = new Map<string, number>();
	return entries.filter((entry) => {
		const deck = entry.item.deck;
		const count = taken.get(deck) ?? already(deck);
		if (count >= limit) return false;
		taken.set(deck, count + 1);
		return true;
	});
}

/** Fisher–Yates with a small seeded generator, so a given seed always gives the same order. */
function shuffle<T>(entries: T[], seed: string): T[] {
	const out = entries.slice();
	const random = seededRandom(seed);
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/** mulberry32 over a 32-bit FNV-1a hash of the seed. */
function seededRandom(seed: string): () => number {
	let state = 0x811c9dc5;
	for (let i = 0; i < seed.length; i++) state = Math.imul(state ^ seed.charCodeAt(i), 0x01000193);
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
