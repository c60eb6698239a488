import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import { addDays } from "../../src/model/days";
import { fuzzWindow, previewSm2, scheduleSm2, SM2_MAXIMUM_INTERVAL } from "../../src/schedule/sm2";
import { Rating, type ClassicSchedule } from "../../src/model/schedule";
import { classicSchedule } from "../builders";

const TODAY = "2026-03-10";
const settings = { ...DEFAULT_SETTINGS };
const triple = (s: ClassicSchedule): [string, number, number] => [s.due, s.interval, s.ease];

describe("scheduleSm2 reference values (empty histogram)", () => {
	it("new card", () => {
		expect(triple(scheduleSm2(null, Rating.Good, TODAY, settings))).toEqual([addDays(TODAY, 3), 3, 250]);
		expect(triple(scheduleSm2(null, Rating.Easy, TODAY, settings))).toEqual([addDays(TODAY, 4), 4, 270]);
		expect(triple(scheduleSm2(null, Rating.Hard, TODAY, settings))).toEqual([addDays(TODAY, 1), 1, 230]);
		expect(triple(scheduleSm2(null, Rating.Again, TODAY, settings))).toEqual([TODAY, 0, 230]);
	});

	it("interval 4, ease 250, on time", () => {
		const prev = classicSchedule({ due: TODAY, interval: 4, ease: 250 });
		expect(triple(scheduleSm2(prev, Rating.Good, TODAY, settings))).toEqual([addDays(TODAY, 10), 10, 250]);
		expect(triple(scheduleSm2(prev, Rating.Easy, TODAY, settings))).toEqual([addDays(TODAY, 14), 14, 270]);
		expect(triple(scheduleSm2(prev, Rating.Hard, TODAY, settings))).toEqual([addDays(TODAY, 2), 2, 230]);
	});

	it("interval 100, ease 270", () => {
		const prev = classicSchedule({ due: TODAY, interval: 100, ease: 270 });
		expect(scheduleSm2(prev, Rating.Good, TODAY, settings).interval).toBe(270);
		expect(scheduleSm2(prev, Rating.Easy, TODAY, settings).interval).toBe(377);
		expect(scheduleSm2(prev, Rating.Easy, TODAY, settings).ease).toBe(290);
		expect(scheduleSm2(prev, Rating.Hard, TODAY, settings).interval).toBe(50);
		expect(scheduleSm2(prev, Rating.Hard, TODAY, settings).ease).toBe(250);
	});

	it("preview gives the four outcomes", () => {
		const preview = previewSm2(classicSchedule({ due: TODAY, interval: 4, ease: 250 }), TODAY, settings);
		expect([1, 2, 3, 4].map((r) => preview[r as Rating].interval)).toEqual([0, 2, 10, 14]);
	});
});

describe("scheduleSm2 overdue bonus", () => {
	it("adds d, d/2, d/4 for Easy, Good, Hard", () => {
		// Interval 4 due 4 days ago: Good (4 + 2)·2.5 = 15; Easy (4+4)·2.7·1.3 = 28.08 → 28; Hard (4+1)·0.5 = 2.5 → 3 (rounded by balancing).
		const prev = classicSchedule({ due: addDays(TODAY, -4), interval: 4, ease: 250 });
		expect(scheduleSm2(prev, Rating.Good, TODAY, settings).interval).toBe(15);
		expect(scheduleSm2(prev, Rating.Easy, TODAY, settings).interval).toBe(28);
		expect(scheduleSm2(prev, Rating.Hard, TODAY, settings).interval).toBe(3);
	});

	it("gives no bonus (and no penalty) when reviewed early", () => {
		const prev = classicSchedule({ due: addDays(TODAY, 3), interval: 4, ease: 250 });
		expect(scheduleSm2(prev, Rating.Good, TODAY, settings).interval).toBe(10);
	});

	it("keeps fractional intervals without load balancing", () => {
		const off = { ...settings, loadBalance: false };
		const s = scheduleSm2(null, Rating.Good, TODAY, off);
		expect(s.interval).toBe(2.5);
		expect(s.due).toBe(addDays(TODAY, 3));
		expect(scheduleSm2(classicSchedule({ due: TODAY, interval: 3, ease: 250 }), Rating.Easy, TODAY, off).interval).toBe(10.5);
	});

	it("treats a stored interval of 0 (after Again) as 1 and floors ease at 130", () => {
		expect(triple(scheduleSm2(classicSchedule({ due: TODAY, interval: 0, ease: 130 }), Rating.Hard, TODAY, settings))).toEqual([addDays(TODAY, 1), 1, 130]);
		expect(scheduleSm2(classicSchedule({ due: TODAY, interval: 0, ease: 140 }), Rating.Again, TODAY, settings).ease).toBe(130);
		expect(scheduleSm2(classicSchedule({ due: TODAY, interval: 0, ease: 250 }), Rating.Good, TODAY, settings).interval).toBe(3);
	});

	it("caps at the maximum interval", () => {
		expect(scheduleSm2(classicSchedule({ due: TODAY, interval: 30000, ease: 250 }), Rating.Good, TODAY, settings).interval).toBe(SM2_MAXIMUM_INTERVAL);
		expect(scheduleSm2(classicSchedule({ due: TODAY, interval: 300, ease: 250 }), Rating.Good, TODAY, { ...settings, maximumInterval: 365 }).interval).toBe(
			365,
		);
	});
});

describe("load balancing", () => {
	it("uses the fuzz windows of the spec", () => {
		expect([7, 8, 21, 22, 59, 60, 180, 181, 280, 281, 1000].map(fuzzWindow)).toEqual([0, 1, 1, 1, 2, 3, 3, 4, 7, 7, 7]);
	});

	it("searches I, I−1, I+1 … and takes the first empty day", () => {
		const load = new Map<string, number>([
			[addDays(TODAY, 10), 5],
			[addDays(TODAY, 9), 2],
		]);
		const hist = (day: string) => load.get(day) ?? 0;
		// Good on interval 4 ease 250 → 10; window 1: 10 (5), 9 (2), 11 (empty) → 11.
		expect(scheduleSm2(classicSchedule({ due: TODAY, interval: 4, ease: 250 }), Rating.Good, TODAY, settings, hist).interval).toBe(11);
		load.set(addDays(TODAY, 11), 3);
		// All loaded: least loaded is 9.
		expect(scheduleSm2(classicSchedule({ due: TODAY, interval: 4, ease: 250 }), Rating.Good, TODAY, settings, hist).interval).toBe(9);
		load.set(addDays(TODAY, 11), 2);
		// Tie between 9 and 11: 9 comes first in search order.
		expect(scheduleSm2(classicSchedule({ due: TODAY, interval: 4, ease: 250 }), Rating.Good, TODAY, settings, hist).interval).toBe(9);
	});

	it("prefers I−1 over I+1 when both are empty", () => {
		const hist = (day: string) => (day === addDays(TODAY, 270) ? 1 : 0);
		expect(scheduleSm2(classicSchedule({ due: TODAY, interval: 100, ease: 270 }), Rating.Good, TODAY, settings, hist).interval).toBe(269);
	});

	it("never balances intervals of 7 days or less", () => {
		const hist = () => 9;
		expect(scheduleSm2(null, Rating.Good, TODAY, settings, hist).interval).toBe(3);
	});

	it("always stays within the window and keeps due = today + interval", () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 2000 }),
				fc.integer({ min: 130, max: 400 }),
				fc.constantFrom(Rating.Hard, Rating.Good, Rating.Easy),
				fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 64, maxLength: 64 }),
				(interval, ease, rating, loads) => {
					const hist = (day: string) => loads[Number(day.slice(-2)) + Number(day.slice(5, 7))] ?? 0;
					const free = scheduleSm2(classicSchedule({ due: TODAY, interval: interval, ease: ease }), rating, TODAY, settings);
					const balanced = scheduleSm2(classicSchedule({ due: TODAY, interval: interval, ease: ease }), rating, TODAY, settings, hist);
					const f = fuzzWindow(free.interval);
					expect(Math.abs(balanced.interval - free.interval)).toBeLessThanOrEqual(f);
					expect(balanced.due).toBe(addDays(TODAY, balanced.interval));
					expect(balanced.ease).toBe(free.ease);
				},
			),
		);
	});
});
