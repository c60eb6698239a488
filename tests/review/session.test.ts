import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import { ReviewSession, type SessionItem } from "../../src/review/session";
import { Rating } from "../../src/model/schedule";
import { pinTimeZone } from "../helpers/tz";
import { card, classic, fsrs, learning, NEW, sessionItems } from "../builders";

const settings = { ...DEFAULT_SETTINGS, fuzz: false, deterministicOrder: true };
const NOW = new Date("2026-01-10T12:00:00Z");
const MIN = 60_000;
const at = (ms: number) => new Date(NOW.getTime() + ms);
const lines = (s: ReviewSession) => s.entries().map((e) => `${e.item.card.startLine}.${e.item.sibling}`);

pinTimeZone("UTC");

function mixed(): SessionItem[] {
	return [
		...sessionItems(card({ startLine: 1, segments: [NEW] })),
		...sessionItems(card({ startLine: 2, segments: [fsrs("2026-01-09T09:00:00Z")] })),
		...sessionItems(card({ startLine: 3, segments: [learning("2026-01-10T11:55:00Z")] })),
		...sessionItems(card({ startLine: 4, segments: [fsrs("2026-01-20T09:00:00Z")] })), // later
		...sessionItems(card({ startLine: 5, segments: [learning("2026-01-10T13:00:00Z")] })), // step due in an hour
		...sessionItems(card({ startLine: 6, segments: [classic("2026-01-10", { interval: 3 })] })),
		...sessionItems(card({ startLine: 7, segments: [learning("2026-01-12T09:00:00Z")] })), // step due another day
	];
}

describe("queue order", () => {
	it("due learning steps, then due reviews, then new cards; later cards left out", () => {
		const s = ReviewSession.start(mixed(), { now: NOW, settings });
		expect(lines(s)).toEqual(["3.0", "5.0", "2.0", "6.0", "1.0"]);
		const order: string[] = [];
		let cur = s;
		for (let i = 0; i < 4; i++) {
			const entry = cur.current(NOW);
			if (!entry) break;
			order.push(`${entry.item.card.startLine}`);
			cur = cur.skip(NOW, true);
		}
		expect(order).toEqual(["3", "2", "6", "1"]);
		// Only the step due in an hour is left: nothing to show now, wait for it.
		expect(cur.current(NOW)).toBeNull();
		expect(cur.waitingUntil(NOW)?.toISOString()).toBe("2026-01-10T13:00:00.000Z");
		expect(cur.current(new Date("2026-01-10T12:45:00Z"))?.item.card.startLine).toBe(5); // learn ahead
		expect(cur.finished).toBe(false);
	});

	it("deterministic order is file, then line, then sibling", () => {
		const items = [
			...sessionItems(card({ startLine: 9, segments: [NEW] }), { file: "b.md" }),
			...sessionItems(card({ startLine: 5, segments: [NEW] }), { file: "a.md" }),
			...sessionItems(card({ startLine: 2, segments: [NEW] }), { file: "b.md" }),
		];
		const s = ReviewSession.start(items, { now: NOW, settings });
		expect(s.entries().map((e) => `${e.item.file}:${e.item.card.startLine}`)).toEqual(["a.md:5", "b.md:2", "b.md:9"]);
	});

	it("shuffles within each group with a seed", () => {
		const items = [
			...Array.from({ length: 20 }, (_, i) => sessionItems(card({ startLine: 100 + i, segments: [NEW] }))).flat(),
			...Array.from({ length: 20 }, (_, i) => sessionItems(card({ startLine: i, segments: [fsrs("2026-01-09T09:00:00Z")] }))).flat(),
		];
		const shuffled = { ...settings, deterministicOrder: false };
		const a = lines(ReviewSession.start(items, { now: NOW, settings: shuffled, seed: "x" }));
		const b = lines(ReviewSession.start(items, { now: NOW, settings: shuffled, seed: "x" }));
		const c = lines(ReviewSession.start(items, { now: NOW, settings: shuffled, seed: "y" }));
		expect(a).toEqual(b);
		expect(a).not.toEqual(c);
		expect(a.slice(0, 20).every((l) => Number(l.split(".")[0]) < 100)).toBe(true);
		expect([...a].sort()).toEqual([...lines(ReviewSession.start(items, { now: NOW, settings }))].sort());
		expect(a).not.toEqual(lines(ReviewSession.start(items, { now: NOW, settings })));
	});
});

describe("daily limits per deck", () => {
	it("limits new cards and reviews per deck, counting those done today", () => {
		const items = [
			...Array.from({ length: 5 }, (_, i) => sessionItems(card({ startLine: i, segments: [NEW] }), { file: "a.md", deck: "x" })).flat(),
			...Array.from({ length: 5 }, (_, i) => sessionItems(card({ startLine: 10 + i, segments: [NEW] }), { file: "a.md", deck: "y" })).flat(),
			...Array.from({ length: 5 }, (_, i) =>
				sessionItems(card({ startLine: 20 + i, segments: [fsrs("2026-01-09T09:00:00Z")] }), { file: "a.md", deck: "x" }),
			).flat(),
		];
		const limited = { ...settings, newPerDay: 3, reviewsPerDay: 2 };
		const s = ReviewSession.start(items, { now: NOW, settings: limited, doneToday: { y: { new: 2, reviews: 0 }, x: { new: 0, reviews: 1 } } });
		expect(s.progress().left).toEqual({ new: 4, learning: 0, review: 1 });
		expect(lines(s)).toEqual(["20.0", "0.0", "1.0", "2.0", "10.0"]);
	});
});

describe("burying siblings", () => {
	const pair = card({ startLine: 1, segments: [NEW, NEW] });
	it("queues one sibling per card and buries it once the other is answered", () => {
		const s = ReviewSession.start(sessionItems(pair), { now: NOW, settings });
		expect(lines(s)).toEqual(["1.0"]);
		const off = ReviewSession.start(sessionItems(pair), { now: NOW, settings: { ...settings, burySiblings: false } });
		expect(lines(off)).toEqual(["1.0", "1.1"]);
		const after = off.answer(Rating.Easy, NOW);
		expect(after && lines(after.session)).toEqual(["1.1"]);
	});

	it("buries a sibling when answered in the session, learning steps excepted", () => {
		const both = card({ startLine: 2, segments: [fsrs("2026-01-09T09:00:00Z"), learning("2026-01-10T11:00:00Z")] });
		const s = ReviewSession.start([...sessionItems(both), ...sessionItems(card({ startLine: 3, segments: [NEW, NEW] }))], { now: NOW, settings });
		expect(lines(s)).toEqual(["2.1", "2.0", "3.0"]);
		// Answering the learning sibling buries the review sibling.
		expect(lines(s.answer(Rating.Good, NOW)?.session ?? s)).toEqual(["3.0"]);
		// Answering the review sibling leaves the learning sibling its turn.
		const later = card({ startLine: 4, segments: [fsrs("2026-01-09T09:00:00Z"), learning("2026-01-10T12:30:00Z")] });
		const t = ReviewSession.start(sessionItems(later), { now: NOW, settings });
		expect(lines(t.answer(Rating.Good, NOW)?.session ?? t)).toEqual(["4.1"]);
	});

	it("buries siblings of a card answered earlier today, until tomorrow", () => {
		const answeredFsrs = card({ startLine: 4, segments: [fsrs("2026-01-20T09:00:00Z", { lastReview: "2026-01-10T08:00:00Z" }), NEW] });
		const answeredClassic = card({ startLine: 5, segments: [classic("2026-01-13", { interval: 3 }), fsrs("2026-01-09T09:00:00Z")] });
		const yesterday = card({ startLine: 6, segments: [fsrs("2026-01-20T09:00:00Z", { lastReview: "2026-01-10T03:00:00Z" }), NEW] });
		const items = [...sessionItems(answeredFsrs), ...sessionItems(answeredClassic), ...sessionItems(yesterday)];
		expect(lines(ReviewSession.start(items, { now: NOW, settings }))).toEqual(["6.1"]);
		const tomorrow = new Date("2026-01-11T12:00:00Z");
		expect(lines(ReviewSession.start(items, { now: tomorrow, settings }))).toEqual(["5.1", "4.1", "6.1"]);
	});
});

describe("answering", () => {
	it("brings learning cards back when their step is due", () => {
		const items = [
			...sessionItems(card({ startLine: 1, segments: [NEW] })),
			...sessionItems(card({ startLine: 2, segments: [fsrs("2026-01-09T09:00:00Z")] })),
		];
		let s = ReviewSession.start(items, { now: NOW, settings });
		const first = s.answer(Rating.Again, NOW); // review card 2 → relearning, +10 min
		expect(first?.record.schedule).toMatchObject({ type: "fsrs", state: 3 });
		s = first?.session ?? s;
		expect(s.current(NOW)?.item.card.startLine).toBe(1);
		const second = s.answer(Rating.Good, at(MIN)); // new card 1 → learning, due +11 min
		s = second?.session ?? s;
		expect(s.progress()).toEqual({ done: { new: 1, learning: 0, review: 1 }, left: { new: 0, learning: 2, review: 0 } });
		// Both steps within the learn-ahead window: the earliest comes first.
		expect(s.current(at(2 * MIN))?.item.card.startLine).toBe(2);
		const third = s.answer(Rating.Good, at(10 * MIN));
		expect(third?.record.kind).toBe("learning");
		expect(third?.record.schedule).toMatchObject({ state: 2 });
		s = third?.session ?? s;
		expect(s.current(at(11 * MIN))?.item.card.startLine).toBe(1);
		const fourth = s.answer(Rating.Good, at(11 * MIN));
		expect(fourth?.session.finished).toBe(true);
		expect(fourth?.session.current(at(12 * MIN))).toBeNull();
	});

	it("shows an SM-2 Again card again later in the session", () => {
		const sm2 = { ...settings, algorithm: "sm2" as const };
		const s = ReviewSession.start(
			[
				...sessionItems(card({ startLine: 1, segments: [classic("2026-01-10", { interval: 4 })] })),
				...sessionItems(card({ startLine: 2, segments: [NEW] })),
			],
			{ now: NOW, settings: sm2 },
		);
		const r = s.answer(Rating.Again, NOW);
		expect(r?.record.schedule).toEqual({ type: "classic", due: "2026-01-10", interval: 0, ease: 230 });
		expect(r?.session.current(NOW)?.item.card.startLine).toBe(2);
		expect(lines(r?.session ?? s)).toEqual(["1.0", "2.0"]);
		expect(r?.session.current(at(10 * MIN))?.item.card.startLine).toBe(1);
	});

	it("answer with no card left returns null", () => {
		expect(ReviewSession.start([], { now: NOW, settings }).answer(Rating.Good, NOW)).toBeNull();
	});
});

describe("skip, undo, summary, failed writes", () => {
	const items = () => [1, 2, 3].flatMap((line) => sessionItems(card({ startLine: line, segments: [NEW] })));

	it("skip moves the card to the end, or out of the session", () => {
		const s = ReviewSession.start(items(), { now: NOW, settings });
		expect(lines(s.skip(NOW))).toEqual(["2.0", "3.0", "1.0"]);
		expect(lines(s.skip(NOW, true))).toEqual(["2.0", "3.0"]);
		expect(lines(s)).toEqual(["1.0", "2.0", "3.0"]);
	});

	it("undo restores the session and tells what to restore", () => {
		const s = ReviewSession.start(items(), { now: NOW, settings });
		const a = s.answer(Rating.Good, NOW);
		const b = a?.session.answer(Rating.Easy, at(MIN));
		const u = b?.session.undo();
		expect(u?.restore.item.card.startLine).toBe(2);
		expect(u?.restore.previous).toEqual(NEW);
		expect(u?.restore.rating).toBe(Rating.Easy);
		expect(u && lines(u.session)).toEqual(a && lines(a.session));
		expect(u?.session.progress()).toEqual(a?.session.progress());
		const u2 = u?.session.undo();
		expect(u2 && lines(u2.session)).toEqual(lines(s));
		expect(u2?.session.undo()).toBeNull();
	});

	it("summarises answers by rating, kind and time", () => {
		let s = ReviewSession.start(items(), { now: NOW, settings });
		const ratings = [Rating.Easy, Rating.Again, Rating.Easy];
		ratings.forEach((rating, i) => {
			s = s.answer(rating, at(i * MIN))?.session ?? s;
		});
		const sum = s.summary();
		expect(sum.answered).toBe(3);
		expect(sum.byRating).toEqual({ [Rating.Again]: 1, [Rating.Hard]: 0, [Rating.Good]: 0, [Rating.Easy]: 2 });
		// The card failed at 1 min is due again at 2 min, before the last new card.
		expect(sum.byKind).toEqual({ new: 2, learning: 1, review: 0 });
		expect(sum.elapsedMs).toBe(2 * MIN);
		expect(sum.startedAt).toEqual(NOW);
		expect(s.progress()).toEqual({ done: { new: 2, learning: 1, review: 0 }, left: { new: 1, learning: 0, review: 0 } }); // Easy graduated it
	});

	it("keeps an answer whose write failed, for retry or to answer again", () => {
		const s = ReviewSession.start(items(), { now: NOW, settings });
		const a = s.answer(Rating.Easy, NOW);
		if (!a) throw new Error("no answer");
		const failed = a.session.writeFailed(a.record.id);
		expect(failed.unsaved.map((r) => r.schedule)).toEqual([a.record.schedule]);
		expect(failed.progress().done.new).toBe(1);
		expect(failed.writeSucceeded(a.record.id).unsaved).toEqual([]);
		const back = failed.putBack(a.record.id);
		expect(back.unsaved).toEqual([]);
		expect(lines(back)).toEqual(["1.0", "2.0", "3.0"]);
		expect(back.progress().done.new).toBe(0);
		expect(back.current(NOW)?.segment).toEqual(NEW);
	});
});
