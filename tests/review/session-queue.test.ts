/**
 * buildQueues against a plain reference (the straightforward version it was optimised from):
 * same entries, same order, for arbitrary cards, schedules, limits and settings.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { SegmentState } from "../../src/model/card";
import { DEFAULT_SETTINGS, type SchedulingSettings } from "../../src/settings/settings";
import { addDays, localDay } from "../../src/model/days";
import { byPosition, cardKeyOf, segmentOf, type DoneTodayCounts, type QueueEntry, type SessionItem } from "../../src/review/session-item";
import { buildQueues, endOfToday, type Queues } from "../../src/review/session-queue";
import { siblingStatus } from "../../src/schedule/status";
import { card, classic, NEW, sessionItems } from "../builders";

/** The reference: one status per item, buried siblings by key text, filters in order. */
function referenceQueues(
	items: readonly SessionItem[],
	now: Date,
	settings: SchedulingSettings,
	doneToday: Record<string, DoneTodayCounts>,
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
		if (settings.burySiblings && answeredToday(item, today, hour)) continue;
		(status === "due" ? reviews : news).push({ item, kind: status === "due" ? "review" : "new", segment, dueAt: 0 });
	}
	learning.sort((a, b) => a.dueAt - b.dueAt || byPosition(a, b));
	reviews.sort(byPosition);
	news.sort(byPosition);
	if (!settings.deterministicOrder) {
		reviews = shuffle(reviews, `${seed}|reviews`);
		news = shuffle(news, `${seed}|new`);
	}
	if (settings.burySiblings) {
		const seen = new Set<string>();
		const first = (e: QueueEntry): boolean => !seen.has(cardKeyOf(e.item)) && Boolean(seen.add(cardKeyOf(e.item)));
		reviews = reviews.filter(first);
		news = news.filter(first);
	}
	const limit = (entries: QueueEntry[], max: number, already: (deck: string) => number): QueueEntry[] => {
		const taken = new Map<string, number>();
		return entries.filter((e) => {
			const count = taken.get(e.item.deck) ?? already(e.item.deck);
			if (count >= max) return false;
			taken.set(e.item.deck, count + 1);
			return true;
		});
	};
	reviews = limit(reviews, settings.reviewsPerDay, (deck) => doneToday[deck]?.reviews ?? 0);
	news = limit(news, settings.newPerDay, (deck) => doneToday[deck]?.new ?? 0);
	return { learning, reviews, news };
}

function answeredToday(item: SessionItem, today: string, hour: number): boolean {
	return item.card.siblings.some((sibling) => {
		if (sibling.index === item.sibling || sibling.segment.kind !== "ok" || !sibling.segment.schedule) return false;
		const schedule = sibling.segment.schedule;
		if (schedule.type === "fsrs") {
			const last = schedule.lastReview === null ? Number.NaN : Date.parse(schedule.lastReview);
			return !Number.isNaN(last) && localDay(new Date(last), hour) === today;
		}
		return (
			Number.isFinite(schedule.interval) && /^\d{4}-\d{2}-\d{2}$/.test(schedule.due) && addDays(schedule.due, -Math.round(schedule.interval)) === today
		);
	});
}

function shuffle<T>(entries: T[], seed: string): T[] {
	let state = 0x811c9dc5;
	for (let i = 0; i < seed.length; i++) state = Math.imul(state ^ seed.charCodeAt(i), 0x01000193);
	const random = (): number => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const out = entries.slice();
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

const NOW = new Date("2026-03-10T10:00:00Z");
const day = fc.constantFrom("2026-03-08", "2026-03-09", "2026-03-10", "2026-03-11", "2026-02-30", "10-03-2026", "2026-3-1");
const moment = fc.constantFrom("2026-03-10T09:00:00.000Z", "2026-03-10T23:00:00.000Z", "2026-03-09T01:00:00.000Z", "2026-03-12T08:00:00.000Z", "bad");
const segment: fc.Arbitrary<SegmentState> = fc.oneof(
	fc.constant<SegmentState>({ kind: "absent" }),
	fc.constant<SegmentState>({ kind: "ok", schedule: null }),
	fc.constant<SegmentState>({ kind: "unreadable", raw: "x", reason: "y" }),
	fc
		.record({ due: day, interval: fc.constantFrom(0, 1, 2, 1.5, Number.NaN, 1e9) })
		.map((s): SegmentState => ({ kind: "ok", schedule: { type: "classic", ease: 250, ...s } })),
	fc
		.record({ due: moment, state: fc.constantFrom<0 | 1 | 2 | 3>(0, 1, 2, 3), lastReview: fc.option(moment, { nil: null }) })
		.map((s): SegmentState => ({
			kind: "ok",
			schedule: { type: "fsrs", interval: 3, stability: 3, difficulty: 5, reps: 2, lapses: 0, learningStep: 0, ...s },
		})),
);
const cardSpec = fc.record({
	file: fc.constantFrom("a.md", "b.md", "c/d.md"),
	line: fc.nat(6),
	segments: fc.array(segment, { minLength: 1, maxLength: 3 }),
	deck: fc.constantFrom("x", "y", "z"),
	extra: fc.boolean(),
});
const settingsSpec = fc.record({
	burySiblings: fc.boolean(),
	deterministicOrder: fc.boolean(),
	newPerDay: fc.constantFrom(0, 1, 2, 5, 1000),
	reviewsPerDay: fc.constantFrom(0, 1, 3, 1000),
	nextDayStartsAt: fc.constantFrom(0, 4, 12),
});

function itemsOf(specs: { file: string; line: number; segments: SegmentState[]; deck: string; extra: boolean }[]): SessionItem[] {
	const items: SessionItem[] = [];
	for (const spec of specs) {
		// No scheduling comment: the arbitrary segments include ones that cannot be written.
		const made = card({ startLine: spec.line, segments: spec.segments, comment: false });
		items.push(...sessionItems(made, { file: spec.file, deck: spec.deck }));
		// An item whose sibling index is out of range (it counts as new).
		if (spec.extra) items.push({ card: made, sibling: made.siblings.length, file: spec.file, deck: spec.deck });
	}
	return items;
}

describe("buildQueues", () => {
	it("gives the reference's queues for arbitrary items and settings", () => {
		fc.assert(
			fc.property(
				fc.array(cardSpec, { maxLength: 30 }),
				settingsSpec,
				fc.record({ x: fc.nat(2), y: fc.nat(2) }),
				fc.string({ maxLength: 4 }),
				(specs, overrides, done, seed) => {
					const items = itemsOf(specs);
					const settings = { ...DEFAULT_SETTINGS, ...overrides };
					const doneToday = { x: { new: done.x, reviews: done.y }, y: { new: done.y, reviews: 0 } };
					expect(buildQueues(items, NOW, settings, doneToday, seed)).toEqual(referenceQueues(items, NOW, settings, doneToday, seed));
				},
			),
			{ numRuns: 1500 },
		);
	});
	it("buries a sibling answered today and keeps one sibling per card", () => {
		// Answered today: due 2026-03-12 after an interval of 2 days.
		const items = sessionItems(card({ startLine: 3, segments: [classic("2026-03-12", { interval: 2 }), NEW, NEW] }), { file: "a.md", deck: "d" });
		const settings = { ...DEFAULT_SETTINGS, burySiblings: true };
		expect(buildQueues(items, NOW, settings, {}, "s").news).toEqual([]);
		const queues = buildQueues(sessionItems(card({ startLine: 4, segments: [NEW, NEW] }), { file: "a.md", deck: "d" }), NOW, settings, {}, "s");
		expect(queues.news.length).toBe(1);
	});
});
