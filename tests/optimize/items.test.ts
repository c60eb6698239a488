import { describe, expect, it } from "vitest";
import { itemsFromLog } from "../../src/optimize/items";
import { cardId } from "../../src/stats/card-id";
import { formatLogLine, type CardActionEntry, type CramEntry, type LogEntry, type ReviewEntry, type ReviewState } from "../../src/stats/log-format";
import { mergeLogs } from "../../src/stats/merge";

const A = cardId("a.md", "Q::A", 0);
const B = cardId("b.md", "Q2::A2", 0);

/** A local moment on day `day` (of January 2026) at `hour`. */
function at(day: number, hour = 10, minute = 0): number {
	return new Date(2026, 0, day, hour, minute).getTime();
}

function answer(card: string, time: number, rating: number, state: ReviewState): ReviewEntry {
	return { kind: "review", time, card, deck: "d", rating: rating, state, elapsedDays: 0, scheduledDays: 0, durationMs: 1000 };
}

const reviewsOf = (items: { reviews: { rating: number; deltaT: number }[] }[]) => items.map((i) => i.reviews.map((r) => `${r.rating}@${r.deltaT}`).join(" "));

describe("items from the review log (as Anki converts its revlog for fsrs-rs)", () => {
	it("gives one item per later-day answer, with the history up to it, days counted in local days", () => {
		const log = [answer(A, at(1, 9), 3, 0), answer(A, at(3, 22), 3, 2), answer(A, at(10, 8), 1, 2), answer(A, at(12), 4, 3)];
		const out = itemsFromLog({ reviews: log, actions: [] }, 4);
		expect(reviewsOf(out.items)).toEqual(["3@0 3@2", "3@0 3@2 1@7", "3@0 3@2 1@7 4@2"]);
		expect(out).toMatchObject({ reviewsUsed: 4, cardsUsed: 1, cardsBeforeLog: 0 });
		expect(out.cardIds).toEqual([A, A, A]);
	});

	it("counts an answer before the day's start hour in the previous day", () => {
		const log = [answer(A, at(1, 22), 3, 0), answer(A, at(2, 3), 3, 2), answer(A, at(3, 5), 3, 2)];
		expect(reviewsOf(itemsFromLog({ reviews: log, actions: [] }, 4).items)).toEqual(["3@0 3@0 3@2"]);
	});

	it("keeps same-day answers in the history with 0 days but predicts none of them", () => {
		const log = [answer(A, at(1, 9), 1, 0), answer(A, at(1, 9, 10), 3, 1), answer(A, at(2), 3, 2), answer(A, at(2, 18), 2, 2), answer(A, at(5), 3, 2)];
		expect(reviewsOf(itemsFromLog({ reviews: log, actions: [] }, 4).items)).toEqual(["1@0 3@0 3@1", "1@0 3@0 3@1 2@0 3@3"]);
	});

	it("leaves cram answers out entirely and counts them", () => {
		const cram: CramEntry[] = [{ kind: "cram", time: at(2), card: A, deck: "d", rating: 1, durationMs: 1 }];
		const log = [answer(A, at(1), 3, 0), answer(A, at(4), 3, 2)];
		const out = itemsFromLog({ reviews: log, cram, actions: [] }, 4);
		expect(reviewsOf(out.items)).toEqual(["3@0 3@3"]);
		expect(out.cramAnswers).toBe(1);
	});

	it("starts over after a reset: the history before it is cut", () => {
		const actions: CardActionEntry[] = [{ kind: "reset", time: at(5), card: A }];
		const log = [answer(A, at(1), 3, 0), answer(A, at(3), 1, 2), answer(A, at(6), 4, 0), answer(A, at(9), 3, 2)];
		expect(reviewsOf(itemsFromLog({ reviews: log, actions }, 4).items)).toEqual(["4@0 3@3"]);
	});

	it("a card reset after its last answer gives nothing and is counted", () => {
		const actions: CardActionEntry[] = [{ kind: "reset", time: at(5), card: A }];
		const out = itemsFromLog({ reviews: [answer(A, at(1), 3, 0), answer(A, at(3), 3, 2)], actions }, 4);
		expect(out.items).toEqual([]);
		expect(out.cardsResetOnly).toBe(1);
	});

	it("ignores due days set by hand (they are no answers)", () => {
		const actions: CardActionEntry[] = [{ kind: "set-due", time: at(2), card: A, due: "2026-01-20" }];
		const log = [answer(A, at(1), 3, 0), answer(A, at(20), 3, 2)];
		expect(reviewsOf(itemsFromLog({ reviews: log, actions }, 4).items)).toEqual(["3@0 3@19"]);
	});

	it("counts, and does not use, cards reviewed before the log existed (first logged answer not a new card's)", () => {
		const log = [answer(B, at(1), 3, 2), answer(B, at(5), 3, 2), answer(B, at(9), 1, 2), answer(B, at(9, 12), 3, 3), answer(B, at(11), 3, 2)];
		const midLearning = [answer(A, at(1), 3, 1), answer(A, at(3), 3, 2)];
		const out = itemsFromLog({ reviews: [...log, ...midLearning], actions: [] }, 4);
		expect(out.items).toEqual([]);
		expect(out.cardsBeforeLog).toBe(2);
	});

	it("a card learnt and not yet seen on a later day is counted as too new", () => {
		const out = itemsFromLog({ reviews: [answer(A, at(1), 1, 0), answer(A, at(1, 11), 3, 1)], actions: [] }, 4);
		expect(out).toMatchObject({ items: [], cardsTooNew: 1 });
	});

	it("orders items of all cards by the time of their last answer", () => {
		const log = [answer(A, at(1), 3, 0), answer(B, at(2), 3, 0), answer(B, at(4), 3, 2), answer(A, at(6), 3, 2), answer(B, at(8), 3, 2)];
		expect(itemsFromLog({ reviews: log, actions: [] }, 4).cardIds).toEqual([B, A, B]);
	});

	it("follows renames and drops undone answers through the merged log", () => {
		const renamed = cardId("new/a.md", "Q::A", 0);
		const entries: LogEntry[] = [
			answer(A, at(1), 3, 0),
			answer(A, at(3), 1, 2),
			{ kind: "undo", time: at(3, 11), card: A, reviewTime: at(3) },
			{ kind: "rename", time: at(4), from: "a.md", to: "new/a.md" },
			answer(renamed, at(6), 3, 2),
		];
		const merged = mergeLogs([{ name: "d.jsonl", text: entries.map(formatLogLine).join("\n") }]);
		const out = itemsFromLog(merged, 4);
		expect(reviewsOf(out.items)).toEqual(["3@0 3@5"]);
		expect(out.cardIds).toEqual([renamed]);
	});

	it("takes only the answers the filter lets through", () => {
		const log = [
			answer(A, at(1), 3, 0),
			answer(A, at(3), 3, 2),
			{ ...answer(B, at(1), 3, 0), deck: "other" },
			{ ...answer(B, at(3), 3, 2), deck: "other" },
		];
		const out = itemsFromLog({ reviews: log, actions: [] }, 4, (r) => r.deck === "d");
		expect(out.cardIds).toEqual([A]);
	});
});
