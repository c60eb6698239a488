import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import { classicFromFsrs, fsrsFromClassic, memoryStateFromSm2 } from "../../src/schedule/convert";
import { previewFsrs, scheduleFsrs, validSteps } from "../../src/schedule/fsrs";
import { Rating, type ClassicSchedule, type FsrsSchedule } from "../../src/model/schedule";
import { inTimeZone, local, TIME_ZONES } from "../helpers/tz";

const noFuzz = { ...DEFAULT_SETTINGS, fuzz: false };
const START = new Date("2026-01-01T09:00:00Z");
const MIN = 60_000;
const DAY = 86_400_000;

describe("memoryStateFromSm2 reference values", () => {
	it.each([
		[2.5, 10, 0.9, 10, 6.914],
		[2.5, 10, 0.8, 3.016, 9.393],
		[1.3, 20, 0.9, 20, 10],
	])("ease %f, interval %f, retention %f → S %f, D %f", (ease, interval, retention, s, d) => {
		const state = memoryStateFromSm2(ease, interval, retention);
		expect(state.stability).toBeCloseTo(s, 3);
		expect(state.difficulty).toBeCloseTo(d, 3);
	});
});

for (const tz of TIME_ZONES) {
	describe(`scheduleFsrs worked values in ${tz}`, () => {
		it("a new card's four answers (short-term on)", () => {
			inTimeZone(tz, () => {
				const p = previewFsrs(null, START, noFuzz, "k");
				expect(Date.parse(p[Rating.Again].due) - START.getTime()).toBe(1 * MIN);
				expect(Date.parse(p[Rating.Hard].due) - START.getTime()).toBe(6 * MIN);
				expect(Date.parse(p[Rating.Good].due) - START.getTime()).toBe(10 * MIN);
				expect(p[Rating.Easy].due).toBe("2026-01-09T09:00:00.000Z");
				expect(p[Rating.Easy].interval).toBe(8);
				expect(p[Rating.Good].state).toBe(1);
				expect(p[Rating.Easy].state).toBe(2);
				for (const r of [1, 2, 3, 4] as Rating[]) {
					expect(scheduleFsrs(null, r, START, noFuzz, "k")).toEqual(p[r]);
				}
			});
		});

		it("Good three times on schedule", () => {
			inTimeZone(tz, () => {
				const first = scheduleFsrs(null, Rating.Good, START, noFuzz, "k");
				expect(first.due).toBe("2026-01-01T09:10:00.000Z");
				const second = scheduleFsrs(first, Rating.Good, new Date(first.due), noFuzz, "k");
				expect(second.due).toBe("2026-01-03T09:10:00.000Z");
				expect(second.state).toBe(2);
				const third = scheduleFsrs(second, Rating.Good, new Date(second.due), noFuzz, "k");
				expect(third.due).toBe("2026-01-14T09:10:00.000Z");
				expect(third.reps).toBe(3);
				expect(third.lastReview).toBe("2026-01-03T09:10:00.000Z");
			});
		});

		it("short-term off: 1/2/3/8 days", () => {
			inTimeZone(tz, () => {
				const p = previewFsrs(null, START, noFuzz, "k", { shortTerm: false });
				expect([1, 2, 3, 4].map((r) => (Date.parse(p[r as Rating].due) - START.getTime()) / DAY)).toEqual([1, 2, 3, 8]);
			});
		});

		it("elapsed days are local days: 23:30 → 00:30 is one day only across the day boundary", () => {
			inTimeZone(tz, () => {
				const review = (prevAt: Date, at: Date, hour: number) => {
					const s = { ...noFuzz, nextDayStartsAt: hour };
					const graduated = scheduleFsrs(null, Rating.Easy, prevAt, s, "k");
					return scheduleFsrs(graduated, Rating.Good, at, s, "k");
				};
				const late = local(2026, 1, 10, 23, 30);
				const early = local(2026, 1, 11, 0, 30);
				// Days start at midnight: one day elapsed; at 4 a.m.: the same day (0 elapsed).
				const acrossMidnight = review(late, early, 0);
				const sameDay = review(late, early, 4);
				const oneDay = review(local(2026, 1, 10, 12), local(2026, 1, 11, 12), 4);
				const zeroDay = review(local(2026, 1, 10, 12), local(2026, 1, 10, 13), 4);
				expect(acrossMidnight.stability).toBe(oneDay.stability);
				expect(sameDay.stability).toBe(zeroDay.stability);
				expect(sameDay.stability).not.toBe(oneDay.stability);
				// 03:30 and 04:30 straddle the 4 a.m. boundary.
				const straddle = review(local(2026, 1, 11, 3, 30), local(2026, 1, 11, 4, 30), 4);
				expect(straddle.stability).toBe(oneDay.stability);
			});
		});

		it("a review interval of n days is due n local days later at the same local time", () => {
			inTimeZone(tz, () => {
				const at = local(2026, 1, 10, 23, 30);
				const s = scheduleFsrs(null, Rating.Easy, at, noFuzz, "k");
				expect(s.due).toBe(local(2026, 1, 18, 23, 30).toISOString());
				const night = local(2026, 1, 11, 1, 0); // belongs to local day 10 January
				expect(scheduleFsrs(null, Rating.Easy, night, noFuzz, "k").due).toBe(local(2026, 1, 19, 1, 0).toISOString());
			});
		});
	});
}

describe("daylight saving", () => {
	it("keeps the local time of day across a DST change (New York, 8 March 2026)", () => {
		inTimeZone("America/New_York", () => {
			const at = local(2026, 3, 5, 12);
			const s = scheduleFsrs(null, Rating.Easy, at, noFuzz, "k");
			expect(s.due).toBe(local(2026, 3, 13, 12).toISOString());
			expect(s.interval).toBe(8);
			// A learning step keeps its exact duration, even across the change at 02:00.
			const night = local(2026, 3, 8, 1, 55);
			const step = scheduleFsrs(null, Rating.Good, night, noFuzz, "k");
			expect(Date.parse(step.due) - night.getTime()).toBe(10 * MIN);
		});
	});
});

describe("fuzz", () => {
	const fuzzed = { ...DEFAULT_SETTINGS, fuzz: true };
	const review: FsrsSchedule = {
		type: "fsrs",
		due: "2026-02-01T09:00:00.000Z",
		interval: 30,
		stability: 30,
		difficulty: 5,
		state: 2,
		reps: 5,
		lapses: 0,
		learningStep: 0,
		lastReview: "2026-01-02T09:00:00.000Z",
	};
	it("is seeded per card: the same review gives the same date", () => {
		const at = new Date("2026-02-01T10:00:00Z");
		const a = scheduleFsrs(review, Rating.Good, at, fuzzed, "card-a");
		expect(scheduleFsrs(review, Rating.Good, at, fuzzed, "card-a")).toEqual(a);
		expect(scheduleFsrs(review, Rating.Good, new Date(at.getTime() + 5 * MIN), fuzzed, "card-a").interval).toBe(a.interval);
		expect(previewFsrs(review, at, fuzzed, "card-a")[Rating.Good]).toEqual(a);
	});
	it("spreads different cards over several days", () => {
		const at = new Date("2026-02-01T10:00:00Z");
		const intervals = new Set<number>();
		for (let i = 0; i < 40; i++) intervals.add(scheduleFsrs(review, Rating.Good, at, fuzzed, `card-${i}`).interval);
		expect(intervals.size).toBeGreaterThan(1);
	});
});

describe("classic segments in FSRS mode", () => {
	const classic: ClassicSchedule = { type: "classic", due: "2026-03-10", interval: 10, ease: 250 };
	it("convert to a review state with the fsrs-rs memory state", () => {
		inTimeZone("Asia/Shanghai", () => {
			const f = fsrsFromClassic(classic, 4);
			expect(f?.state).toBe(2);
			expect(f?.stability).toBeCloseTo(10, 6);
			expect(f?.difficulty).toBeCloseTo(6.914, 3);
			expect(f?.lastReview).toBe(local(2026, 2, 28, 4).toISOString());
			expect(f?.due).toBe(local(2026, 3, 10, 4).toISOString());
		});
	});
	it("are scheduled from that state, 10 elapsed days on the due day", () => {
		const at = local(2026, 3, 10, 12);
		const next = scheduleFsrs(classic, Rating.Good, at, noFuzz, "k");
		const viaFsrs = scheduleFsrs(fsrsFromClassic(classic, 4), Rating.Good, at, noFuzz, "k");
		expect(next).toEqual(viaFsrs);
		expect(next.state).toBe(2);
		expect(next.interval).toBeGreaterThan(10);
		expect(scheduleFsrs(classic, Rating.Again, at, noFuzz, "k").state).toBe(3);
	});
	it("an FSRS schedule converts back to the same ease", () => {
		const f = fsrsFromClassic(classic, 4) as FsrsSchedule;
		expect(classicFromFsrs(f, 4)).toEqual(classic);
		expect(classicFromFsrs({ ...f, state: 0 }, 4)).toBeNull();
		expect(classicFromFsrs({ ...f, difficulty: 1, stability: 0.5 }, 4)?.ease).toBe(350);
		expect(classicFromFsrs({ ...f, difficulty: 10, stability: 300 }, 4)?.ease).toBe(130);
	});
});

describe("robustness", () => {
	it("treats unusable stored values as a new card and drops unreadable steps", () => {
		const broken: FsrsSchedule = {
			type: "fsrs",
			due: "nonsense",
			interval: 3,
			stability: -1,
			difficulty: 50,
			state: 2,
			reps: 3,
			lapses: 0,
			learningStep: 0,
			lastReview: null,
		};
		expect(scheduleFsrs(broken, Rating.Good, START, noFuzz, "k")).toEqual(scheduleFsrs(null, Rating.Good, START, noFuzz, "k"));
		expect(validSteps(["1m", "x", "10 m", "1.5h", "2d"])).toEqual(["1m", "1.5h", "2d"]);
	});
	it("never produces NaN", () => {
		const s = scheduleFsrs(null, Rating.Easy, START, { ...noFuzz, desiredRetention: Number.NaN, maximumInterval: Number.NaN }, "k");
		for (const v of [s.interval, s.stability, s.difficulty, Date.parse(s.due)]) expect(Number.isFinite(v)).toBe(true);
	});
});
