import { describe, expect, it } from "vitest";
import { calibration } from "../../src/stats/calibration";
import type { ReviewEntry } from "../../src/stats/log-format";

const answer = (elapsedDays: number, rating: 1 | 2 | 3 | 4, rt: number | undefined, deck = "lang/de"): ReviewEntry => ({
	kind: "review",
	time: 0,
	card: "0123456789ab-0123456789ab",
	deck,
	rating,
	state: 2,
	elapsedDays,
	scheduledDays: 0,
	durationMs: 0,
	...(rt === undefined ? {} : { memory: { stability: 3, difficulty: 5, retrievability: rt } }),
});

describe("calibration: predicted and actual recall by interval", () => {
	it("groups answers after a day or more by interval, mean prediction beside share of passes", () => {
		const out = calibration([answer(1, 3, 0.9), answer(1, 1, 0.7), answer(5, 2, 0.85), answer(400, 4, 0.6), answer(0, 1, 0.99), answer(3, 3, undefined)]);
		expect(out.map((b) => [b.label, b.reviews, Math.round(b.predicted * 100), Math.round(b.actual * 100)])).toEqual([
			["1 d", 2, 80, 50],
			["4–7 d", 1, 85, 100],
			["366+ d", 1, 60, 100],
		]);
	});

	it("narrows to a deck and its sub-decks", () => {
		const reviews = [answer(2, 3, 0.9, "lang/de"), answer(2, 1, 0.9, "lang/de/verbs"), answer(2, 3, 0.9, "math")];
		expect(calibration(reviews, "lang/de")[0].reviews).toBe(2);
		expect(calibration(reviews, "math")[0].reviews).toBe(1);
		expect(calibration(reviews, "none")).toEqual([]);
	});
});
