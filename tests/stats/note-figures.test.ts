import { describe, expect, it } from "vitest";
import { computeStats } from "../../src/stats/summary";
import type { NoteReviewEntry, ReviewEntry } from "../../src/stats/log-format";
import { local } from "../helpers/tz";

const NOW = local(2026, 3, 10, 12);
const note = (y: number, m: number, d: number, deck = "review"): NoteReviewEntry => ({
	kind: "note",
	time: local(y, m, d, 9).getTime(),
	note: "n.md",
	deck,
	rating: 3,
	state: 2,
	elapsedDays: 3,
	scheduledDays: 5,
});

describe("note reviews in the statistics", () => {
	it("are counted apart from card answers, by today, past year and all time, within the decks", () => {
		const answers: ReviewEntry[] = [];
		const noteReviews = [note(2024, 1, 1), note(2026, 1, 5), note(2026, 3, 10), note(2026, 3, 10, "reading")];
		const all = computeStats({ reviews: answers, cards: [], now: NOW, dayStartHour: 4, noteReviews });
		expect(all.notes).toEqual({ today: 2, pastYear: 3, allTime: 4 });
		expect(all.totals.reviews).toBe(0);
		expect(computeStats({ reviews: answers, cards: [], now: NOW, dayStartHour: 4, noteReviews, decks: ["#reading"] }).notes).toEqual({
			today: 1,
			pastYear: 1,
			allTime: 1,
		});
		expect(computeStats({ reviews: answers, cards: [], now: NOW, dayStartHour: 4 }).notes).toEqual({ today: 0, pastYear: 0, allTime: 0 });
	});
});
