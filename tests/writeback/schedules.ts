/** Schedule builders shared by the write-back tests: a reviewed FSRS card and a classic one. */
import type { ClassicSchedule, FsrsSchedule } from "../../src/model/schedule";

export const fsrs = (over: Partial<FsrsSchedule> = {}): FsrsSchedule => ({
	type: "fsrs",
	due: "2026-01-09T09:00:00.000Z",
	interval: 8,
	stability: 8.2956,
	difficulty: 3.2828,
	state: 2,
	reps: 1,
	lapses: 0,
	learningStep: 0,
	lastReview: "2026-01-01T09:00:00.000Z",
	...over,
});
export const classic = (over: Partial<ClassicSchedule> = {}): ClassicSchedule => ({
	type: "classic",
	due: "2025-05-06",
	interval: 1,
	ease: 170,
	...over,
});

