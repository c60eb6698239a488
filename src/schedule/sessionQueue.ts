/**
 * Building the review queues of a session: which siblings are shown (status, daily limits per
 * deck, buried siblings) and in which order (file then line, or a seeded shuffle per group).
 */
import type { Card, SegmentState } from "../cards/types";
import type { SchedulingSettings } from "../settings/settings";
import { addDays, dayStart, localDay } from "./days";
import { siblingStatus, type SiblingStatus } from "./status";
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
	// Which siblings of a card were answered today, worked out once per card (not per sibling).
	const answered = settings.burySiblings ? new Map<Card, readonly number[]>() : null;
	// A review's status depends only on its due text (and kind): many cards share a few due days.
	const statusByDue = [new Map<string, SiblingStatus>(), new Map<string, SiblingStatus>()];
	for (const item of items) {
		const segment = segmentOf(item);
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
			const due = segment.kind === "ok" && segment.schedule ? Date.parse(segment.schedule.due) : Number.NaN;
			const dueAt = Number.isNaN(due) ? now.getTime() : due;
			if (dueAt < dayEnd) learning.push({ item, kind: "learning", segment, dueAt });
			continue;
		}
		if (answered !== null && hasOtherSibling(item) && otherAnswered(item, answered, today, hour)) continue;
		(status === "due" ? reviews : news).push({ item, kind: status === "due" ? "review" : "new", segment, dueAt: 0 });
	}
	learning.sort((a, b) => a.dueAt - b.dueAt || byPosition(a, b));
	reviews.sort(byPosition);
	news.sort(byPosition);
	// Burying and limits work on small numbers per entry, in the (shuffled) order of indexes:
	// after a shuffle, following every entry's pointers again would be slow cache misses.
	const cards = settings.burySiblings ? cardIds(reviews, news) : null;
	const decks = deckIds(reviews, news);
	const seen = cards ? new Uint8Array(cards.count) : null;
	const pick = (entries: QueueEntry[], ids: Int32Array | null, deckOf: Int32Array, order: string, limit: number, already: (deck: string) => number): QueueEntry[] => {
		const indexes = settings.deterministicOrder ? identity(entries.length) : shuffledIndexes(entries.length, `${seed}|${order}`);
		// Entries taken per deck in this queue; NaN until the deck's first entry.
		const taken = new Float64Array(decks.names.length).fill(Number.NaN);
		const out: QueueEntry[] = [];
		for (const index of indexes) {
			if (seen !== null && ids !== null) {
				if (seen[ids[index]] === 1) continue;
				seen[ids[index]] = 1;
			}
			const deck = deckOf[index];
			const count = Number.isNaN(taken[deck]) ? already(decks.names[deck]) : taken[deck];
			if (count >= limit) continue;
			taken[deck] = count + 1;
			out.push(entries[index]);
		}
		return out;
	};
	reviews = pick(reviews, cards?.first ?? null, decks.first, "reviews", settings.reviewsPerDay, (deck) => doneToday[deck]?.reviews ?? 0);
	news = pick(news, cards?.second ?? null, decks.second, "new", settings.newPerDay, (deck) => doneToday[deck]?.new ?? 0);
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

/** False when the card's only sibling is the item's own (the usual card: nothing to bury it). */
function hasOtherSibling(item: SessionItem): boolean {
	const siblings = item.card.siblings;
	return siblings.length > 1 || (siblings.length === 1 && siblings[0].index !== item.sibling);
}

/**
 * True when a sibling of the item's card other than the item's own was answered on local day
 * `today`. `answered` caches, per card, the indexes of its siblings answered today.
 */
function otherAnswered(item: SessionItem, answered: Map<Card, readonly number[]>, today: string, hour: number): boolean {
	let indexes = answered.get(item.card);
	if (indexes === undefined) {
		indexes = answeredToday(item.card, today, hour);
		answered.set(item.card, indexes);
	}
	for (const index of indexes) if (index !== item.sibling) return true;
	return false;
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

const NONE: readonly number[] = [];

function wasAnsweredOn(schedule: Schedule, today: string, hour: number): boolean {
	if (schedule.type === "fsrs") {
		const last = schedule.lastReview === null ? Number.NaN : Date.parse(schedule.lastReview);
		return !Number.isNaN(last) && localDay(new Date(last), hour) === today;
	}
	return Number.isFinite(schedule.interval) && /^\d{4}-\d{2}-\d{2}$/.test(schedule.due) &&
		addDays(schedule.due, -Math.round(schedule.interval)) === today;
}

/** Numbers for the cards of two lists: one per file and first line, as {@link cardKeyOf} tells cards apart. */
function cardIds(first: readonly QueueEntry[], second: readonly QueueEntry[]): { first: Int32Array; second: Int32Array; count: number } {
	const byFile = new Map<string, Map<number, number>>();
	let count = 0;
	const number = (entries: readonly QueueEntry[]): Int32Array => {
		const ids = new Int32Array(entries.length);
		let lastCard: Card | null = null;
		let lastFile = "";
		for (let i = 0; i < entries.length; i++) {
			const { card, file } = entries[i].item;
			// Siblings of a card are next to each other in position order.
			if (card === lastCard && file === lastFile) {
				ids[i] = ids[i - 1];
				continue;
			}
			let lines = byFile.get(file);
			if (lines === undefined) byFile.set(file, (lines = new Map<number, number>()));
			let id = lines.get(card.startLine);
			if (id === undefined) lines.set(card.startLine, (id = count++));
			ids[i] = id;
			lastCard = card;
			lastFile = file;
		}
		return ids;
	};
	return { first: number(first), second: number(second), count };
}

/** Numbers for the decks of two lists, and the deck of each number. */
function deckIds(first: readonly QueueEntry[], second: readonly QueueEntry[]): { first: Int32Array; second: Int32Array; names: string[] } {
	const byName = new Map<string, number>();
	const names: string[] = [];
	const number = (entries: readonly QueueEntry[]): Int32Array => {
		const ids = new Int32Array(entries.length);
		let last: string | null = null;
		let lastId = 0;
		for (let i = 0; i < entries.length; i++) {
			const deck = entries[i].item.deck;
			if (deck !== last) {
				let id = byName.get(deck);
				if (id === undefined) byName.set(deck, (id = names.push(deck) - 1));
				last = deck;
				lastId = id;
			}
			ids[i] = lastId;
		}
		return ids;
	};
	return { first: number(first), second: number(second), names };
}

function identity(length: number): Int32Array {
	const out = new Int32Array(length);
	for (let i = 0; i < length; i++) out[i] = i;
	return out;
}

/** The indexes 0…length−1 in a seeded Fisher–Yates order, so a given seed always gives the same order. */
function shuffledIndexes(length: number, seed: string): Int32Array {
	const out = identity(length);
	const random = seededRandom(seed);
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		const swap = out[i];
		out[i] = out[j];
		out[j] = swap;
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
