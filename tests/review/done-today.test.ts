import { describe, expect, it } from "vitest";
import { doneToday } from "../../src/review/done-today";
import type { ReviewEntry } from "../../src/stats/log-format";
import { Rating } from "../../src/model/schedule";

function entry(time: Date, deck: string, state: ReviewEntry["state"]): ReviewEntry {
	return { kind: "review", time: time.getTime(), card: "c", deck, rating: Rating.Good, state, elapsedDays: 0, scheduledDays: 1, durationMs: 1000 };
}

describe("doneToday", () => {
	const now = new Date(2026, 10, 26, 15, 0);

	it("counts today's new cards and reviews per deck, case-insensitively, skipping learning steps", () => {
		const log = [
			entry(new Date(2026, 10, 25, 22, 0), "space", 0), // yesterday
			entry(new Date(2026, 10, 26, 3, 30), "space", 0), // before 4 a.m.: still yesterday
			entry(new Date(2026, 10, 26, 9, 0), "Space", 0),
			entry(new Date(2026, 10, 26, 9, 1), "space", 1),
			entry(new Date(2026, 10, 26, 9, 2), "space/docker", 2),
			entry(new Date(2026, 10, 26, 9, 3), "space", 2),
			entry(new Date(2026, 10, 26, 9, 4), "space", 3),
		];
		expect(doneToday(log, now, 4)).toEqual({ space: { new: 1, reviews: 1 }, "space/docker": { new: 0, reviews: 1 } });
	});

	it("takes the day boundary from the setting", () => {
		const log = [entry(new Date(2026, 10, 26, 3, 30), "space", 0)];
		expect(doneToday(log, now, 0)).toEqual({ space: { new: 1, reviews: 0 } });
		expect(doneToday(log, now, 4)).toEqual({});
	});
});
