import { describe, expect, it } from "vitest";
import type { Card } from "../../src/model/card";
import { withoutNotesReviewedToday } from "../../src/review/review-start";
import type { SessionItem } from "../../src/review/session-item";
import type { NoteReviewEntry } from "../../src/stats/log-format";

const item = (file: string): SessionItem => ({ card: { startLine: 0 } as Card, sibling: 0, file, deck: "d" });
const reviewed = (note: string, time: Date): NoteReviewEntry => ({
	kind: "note",
	time: time.getTime(),
	note,
	deck: "review",
	rating: 3,
	state: 2,
	elapsedDays: 3,
	scheduledDays: 5,
});

describe("burying the cards of a note reviewed today", () => {
	const now = new Date(2026, 2, 10, 12);

	it("leaves out the cards of notes reviewed as a whole today, and only those", () => {
		const items = [item("a.md"), item("b.md"), item("a.md")];
		const log = [reviewed("a.md", new Date(2026, 2, 10, 9)), reviewed("b.md", new Date(2026, 2, 9, 9))];
		expect(withoutNotesReviewedToday(items, log, now, 4).map((i) => i.file)).toEqual(["b.md"]);
	});

	it("counts a review before the day starts as yesterday's", () => {
		expect(withoutNotesReviewedToday([item("a.md")], [reviewed("a.md", new Date(2026, 2, 10, 3))], now, 4)).toHaveLength(1);
	});
});
