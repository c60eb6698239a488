import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import { ReviewSession, type SessionItem } from "../../src/review/session";
import { forgottenCardIds, reschedules } from "../../src/review/custom-study";
import { cardId } from "../../src/stats/card-id";
import { Rating } from "../../src/model/schedule";
import type { CramEntry, ReviewEntry } from "../../src/stats/log-format";
import { pinTimeZone } from "../helpers/tz";
import { card, classic, fsrs, learning, NEW, sessionItems } from "../builders";

const settings = { ...DEFAULT_SETTINGS, fuzz: false, deterministicOrder: true };
const NOW = new Date("2026-01-10T12:00:00Z");
const MIN = 60_000;
const at = (ms: number) => new Date(NOW.getTime() + ms);
const lines = (s: ReviewSession) => s.entries().map((e) => `${e.item.card.startLine}.${e.item.sibling}`);

pinTimeZone("UTC");

/** New, overdue, due in 1, 3 and 10 days (FSRS and classic), a learning step, and a two-sided card. */
function deck(): SessionItem[] {
	return [
		...sessionItems(card({ startLine: 1, segments: [NEW] })),
		...sessionItems(card({ startLine: 2, segments: [fsrs("2026-01-08T09:00:00Z")] })),
		...sessionItems(card({ startLine: 3, segments: [fsrs("2026-01-11T09:00:00Z")] })),
		...sessionItems(card({ startLine: 4, segments: [classic("2026-01-13", { interval: 10 })] })),
		...sessionItems(card({ startLine: 5, segments: [classic("2026-01-20", { interval: 20 })] })),
		...sessionItems(card({ startLine: 6, segments: [learning("2026-01-12T09:00:00Z")] })),
		...sessionItems(card({ startLine: 7, segments: [classic("2026-01-12"), classic("2026-01-11")] })),
	];
}

describe("review ahead", () => {
	it("takes the reviews due within N days, earliest due first, one sibling per card, no new or learning cards", () => {
		const s = ReviewSession.start(deck(), { now: NOW, settings, custom: { kind: "ahead", days: 3 } });
		expect(lines(s)).toEqual(["2.0", "3.0", "7.1", "4.0"]);
		expect(s.reschedules).toBe(true);
		const one = ReviewSession.start(deck(), { now: NOW, settings, custom: { kind: "ahead", days: 1 } });
		expect(lines(one)).toEqual(["2.0", "3.0", "7.1"]);
		const all = ReviewSession.start(deck(), { now: NOW, settings: { ...settings, burySiblings: false }, custom: { kind: "ahead", days: 10 } });
		expect(lines(all)).toEqual(["2.0", "3.0", "7.1", "7.0", "4.0", "5.0"]);
	});

	it("ignores the daily review limit, as Anki's filtered decks do", () => {
		const limited = { ...settings, reviewsPerDay: 0 };
		expect(lines(ReviewSession.start(deck(), { now: NOW, settings: limited }))).toEqual(["1.0"]);
		expect(lines(ReviewSession.start(deck(), { now: NOW, settings: limited, custom: { kind: "ahead", days: 3 } }))).toHaveLength(4);
	});

	it("answers are real reviews: an early FSRS answer is rescheduled from the days actually elapsed", () => {
		const items = sessionItems(
			card({ startLine: 3, segments: [fsrs("2026-01-20T09:00:00Z", { lastReview: "2026-01-05T09:00:00.000Z", interval: 15, stability: 15 })] }),
		);
		const early = ReviewSession.start(items, { now: NOW, settings, custom: { kind: "ahead", days: 10 } }).answer(Rating.Good, NOW);
		const onTime = ReviewSession.start(items, { now: new Date("2026-01-20T12:00:00Z"), settings }).answer(Rating.Good, new Date("2026-01-20T12:00:00Z"));
		const a = early?.record.schedule;
		const b = onTime?.record.schedule;
		expect(a?.type).toBe("fsrs");
		expect(b?.type).toBe("fsrs");
		if (a?.type !== "fsrs" || b?.type !== "fsrs") return;
		expect(a.lastReview).toBe(NOW.toISOString());
		// Five days after the last review instead of fifteen: the memory grows less.
		expect(a.stability).toBeGreaterThan(15);
		expect(a.stability).toBeLessThan(b.stability);
	});

	it("an early SM-2 answer follows Anki's early-review rule", () => {
		const sm2 = { ...settings, algorithm: "sm2" as const, loadBalance: false };
		// Interval 10, due in 3 days: 7 days elapsed. Good: max(7 × 2.5, 10) = 17.5.
		const items = sessionItems(card({ startLine: 4, segments: [classic("2026-01-13", { interval: 10, ease: 250 })] }));
		const answered = ReviewSession.start(items, { now: NOW, settings: sm2, custom: { kind: "ahead", days: 3 } }).answer(Rating.Good, NOW);
		expect(answered?.record.schedule).toEqual({ type: "classic", due: "2026-01-28", interval: 17.5, ease: 250 });
	});

	it("Again puts the card into relearning today, as in a normal review", () => {
		const s = ReviewSession.start(deck(), { now: NOW, settings, custom: { kind: "ahead", days: 1 } });
		const answered = s.answer(Rating.Again, NOW);
		expect(answered?.session.current(NOW)?.item.card.startLine).toBe(3);
		expect(answered?.session.entries().some((e) => e.kind === "learning" && e.item.card.startLine === 2)).toBe(true);
	});
});

describe("cram", () => {
	it("takes every sibling, new and not due ones too, and changes no schedule", () => {
		const s = ReviewSession.start(deck(), { now: NOW, settings, custom: { kind: "cram" } });
		expect(lines(s)).toEqual(["1.0", "2.0", "3.0", "4.0", "5.0", "6.0", "7.0", "7.1"]);
		expect(s.reschedules).toBe(false);
		const answered = s.answer(Rating.Good, NOW);
		expect(answered?.record.schedule).toBeNull();
		expect(answered?.record.previous).toEqual({ kind: "absent" });
	});

	it("Again brings the card back in a minute, Hard in ten, Good and Easy end it; siblings are not buried", () => {
		let s = ReviewSession.start(sessionItems(card({ startLine: 7, segments: [classic("2026-01-12"), NEW] })), {
			now: NOW,
			settings,
			custom: { kind: "cram" },
		});
		s = s.answer(Rating.Again, NOW)?.session ?? s;
		expect(lines(s)).toEqual(["7.0", "7.1"]);
		expect(s.current(NOW)?.item.sibling).toBe(1);
		s = s.answer(Rating.Hard, NOW)?.session ?? s;
		expect(s.entries().map((e) => e.dueAt - NOW.getTime())).toEqual([MIN, 10 * MIN]);
		s = s.answer(Rating.Good, at(MIN))?.session ?? s;
		s = s.answer(Rating.Easy, at(10 * MIN))?.session ?? s;
		expect(s.finished).toBe(true);
		expect(s.summary().answered).toBe(4);
	});

	it("undo returns to the session before the answer", () => {
		const s = ReviewSession.start(deck(), { now: NOW, settings, custom: { kind: "cram" } });
		const answered = s.answer(Rating.Again, NOW);
		const undone = answered?.session.undo();
		expect(undone?.restore.schedule).toBeNull();
		expect(undone && lines(undone.session)).toEqual(lines(s));
	});

	it("shuffles with the session's seed unless the order is deterministic", () => {
		const many = Array.from({ length: 30 }, (_, i) => sessionItems(card({ startLine: i, segments: [NEW] }))).flat();
		const shuffled = { ...settings, deterministicOrder: false };
		const a = lines(ReviewSession.start(many, { now: NOW, settings: shuffled, custom: { kind: "cram" }, seed: "x" }));
		const b = lines(ReviewSession.start(many, { now: NOW, settings: shuffled, custom: { kind: "cram" }, seed: "x" }));
		expect(a).toEqual(b);
		expect(a).not.toEqual([...a].sort((p, q) => Number(p.split(".")[0]) - Number(q.split(".")[0])));
		expect([...a].sort()).toEqual(lines(ReviewSession.start(many, { now: NOW, settings, custom: { kind: "cram" } })).sort());
	});
});

describe("forgotten cards", () => {
	const review = (card: string, rating: Rating, time: string): ReviewEntry => ({
		kind: "review",
		time: Date.parse(time),
		card,
		deck: "",
		rating,
		state: 2,
		elapsedDays: 3,
		scheduledDays: 0,
		durationMs: 1000,
	});

	it("finds the cards answered Again on the last N local days, today included, reviews and cram answers alike", () => {
		const cram: CramEntry = { kind: "cram", time: Date.parse("2026-01-10T08:00:00Z"), card: "c", deck: "", rating: Rating.Again, durationMs: 1 };
		const log = {
			reviews: [
				review("a", Rating.Again, "2026-01-08T10:00:00Z"),
				review("b", Rating.Again, "2026-01-07T10:00:00Z"),
				review("d", Rating.Good, "2026-01-10T10:00:00Z"),
				review("e", Rating.Again, "2026-01-10T13:00:00Z"), // after now
			],
			cram: [cram],
		};
		expect([...forgottenCardIds(log, NOW, 3, 4)].sort()).toEqual(["a", "c"]);
		expect([...forgottenCardIds(log, NOW, 4, 4)].sort()).toEqual(["a", "b", "c"]);
		expect([...forgottenCardIds(log, NOW, 1, 4)]).toEqual(["c"]);
	});

	it("reviews only those siblings, without changing their schedules (as Anki's forgotten-cards deck)", () => {
		const items = deck();
		const forgotten = new Set([cardId("a.md", "Q::A", 1)]);
		const s = ReviewSession.start(items, { now: NOW, settings, custom: { kind: "forgotten", days: 2 }, forgotten });
		expect(lines(s)).toEqual(["7.1"]);
		expect(s.answer(Rating.Good, NOW)?.record.schedule).toBeNull();
		expect(reschedules({ kind: "forgotten", days: 2 })).toBe(false);
	});
});

describe("extra new cards today", () => {
	const news = (deck: string, n: number) =>
		Array.from({ length: n }, (_, i) => sessionItems(card({ startLine: i, segments: [NEW] }), { file: `${deck}.md`, deck })).flat();

	it("raise the deck's new-card limit, and its sub-decks', counting what was already done today", () => {
		const items = [...news("space", 5), ...news("space/docker", 5), ...news("misc", 5)];
		const limited = { ...settings, newPerDay: 2 };
		const count = (s: ReviewSession, file: string) => s.entries().filter((e) => e.item.file === file).length;
		const plain = ReviewSession.start(items, { now: NOW, settings: limited });
		expect([count(plain, "space.md"), count(plain, "space/docker.md"), count(plain, "misc.md")]).toEqual([2, 2, 2]);
		const raised = ReviewSession.start(items, {
			now: NOW,
			settings: limited,
			extraNew: { space: 2 },
			doneToday: { "space/docker": { new: 1, reviews: 0 } },
		});
		expect([count(raised, "space.md"), count(raised, "space/docker.md"), count(raised, "misc.md")]).toEqual([4, 3, 2]);
	});
});
