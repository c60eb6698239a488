/** A scheduling comment whose last review lies after now is repaired on answer, never an error. */
import { describe, expect, it } from "vitest";
import { previewFsrs, scheduleFsrs } from "../../src/schedule/fsrs";
import { Rating, type FsrsSchedule } from "../../src/model/schedule";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";

const NOW = new Date("2026-03-10T10:00:00Z");
const FROM_THE_FUTURE: FsrsSchedule = {
	type: "fsrs",
	due: "2026-03-20T10:00:00Z",
	interval: 10,
	stability: 10,
	difficulty: 5,
	state: 2,
	reps: 3,
	lapses: 0,
	learningStep: 0,
	lastReview: "2026-03-13T10:00:00Z",
};

describe("an FSRS schedule reviewed 'after now'", () => {
	it("is answered as if its last review were now, and the new last review is now", () => {
		const next = scheduleFsrs(FROM_THE_FUTURE, Rating.Good, NOW, DEFAULT_SETTINGS, "card");
		expect(next.lastReview).toBe(NOW.toISOString());
		expect(Date.parse(next.due)).toBeGreaterThan(NOW.getTime());
		const same = scheduleFsrs({ ...FROM_THE_FUTURE, lastReview: NOW.toISOString() }, Rating.Good, NOW, DEFAULT_SETTINGS, "card");
		expect(next).toEqual(same);
	});

	it("previews all four answers", () => {
		const preview = previewFsrs(FROM_THE_FUTURE, NOW, DEFAULT_SETTINGS, "card");
		for (const rating of [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]) expect(preview[rating].type).toBe("fsrs");
	});
});
