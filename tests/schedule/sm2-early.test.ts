import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import { addDays } from "../../src/model/days";
import { previewSm2, scheduleSm2, scheduleSm2Early } from "../../src/schedule/sm2";
import { Rating, type ClassicSchedule } from "../../src/model/schedule";
import { classicSchedule } from "../builders";

const TODAY = "2026-03-10";
const settings = { ...DEFAULT_SETTINGS, loadBalance: false };
const triple = (s: ClassicSchedule): [string, number, number] => [s.due, s.interval, s.ease];

describe("scheduleSm2Early (review ahead, Anki's early-review intervals)", () => {
	// Interval 20, due in 10 days: 10 days waited.
	const prev = classicSchedule({ due: addDays(TODAY, 10), interval: 20, ease: 250 });

	it("Good: the days waited times the ease, never less than the interval it had", () => {
		expect(triple(scheduleSm2Early(prev, Rating.Good, TODAY, settings))).toEqual([addDays(TODAY, 25), 25, 250]);
		const soon = classicSchedule({ due: addDays(TODAY, 18), interval: 20, ease: 250 });
		expect(scheduleSm2Early(soon, Rating.Good, TODAY, settings).interval).toBe(20);
	});

	it("Easy: half the easy bonus, ease up by 20; Hard: at most half its usual factor, ease down by 20", () => {
		// max(10 × 2.5, 20) × (1.3 − 0.15) = 28.75, 28.749… in floating point → 28.7
		expect(triple(scheduleSm2Early(prev, Rating.Easy, TODAY, settings))).toEqual([addDays(TODAY, 28.7), 28.7, 270]);
		// max(1, 10 × 0.5, 20 × 0.25) = 5
		expect(triple(scheduleSm2Early(prev, Rating.Hard, TODAY, settings))).toEqual([addDays(TODAY, 5), 5, 230]);
	});

	it("Again, a new card, and a card already due are scheduled exactly as a normal review", () => {
		expect(scheduleSm2Early(prev, Rating.Again, TODAY, settings)).toEqual(scheduleSm2(prev, Rating.Again, TODAY, settings));
		expect(scheduleSm2Early(null, Rating.Good, TODAY, settings)).toEqual(scheduleSm2(null, Rating.Good, TODAY, settings));
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 500 }), fc.constantFrom(1, 2, 3, 4), (overdue, interval, rating) => {
				const due = classicSchedule({ due: addDays(TODAY, -overdue), interval, ease: 230 });
				expect(scheduleSm2Early(due, rating as Rating, TODAY, settings)).toEqual(scheduleSm2(due, rating as Rating, TODAY, settings));
			}),
		);
	});

	it("a passing early answer never moves the card before the day it was due, nor below its interval for Good and Easy", () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 300 }), fc.constantFrom(3, 4), (interval, earlyBy, rating) => {
				const ahead = classicSchedule({ due: addDays(TODAY, Math.min(earlyBy, interval)), interval, ease: 250 });
				const next = scheduleSm2Early(ahead, rating, TODAY, settings);
				expect(next.interval).toBeGreaterThanOrEqual(interval);
			}),
		);
	});

	it("the button previews use the same rule when asked for", () => {
		const preview = previewSm2(prev, TODAY, settings, undefined, true);
		expect(preview[Rating.Good].interval).toBe(25);
		expect(previewSm2(prev, TODAY, settings)[Rating.Good].interval).toBe(50);
	});
});
