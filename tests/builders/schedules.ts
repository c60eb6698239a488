/**
 * Schedules as stored in a scheduling comment. Each builder gives a valid schedule from
 * documented defaults; a test passes whatever values it depends on as overrides.
 */
import type { ClassicSchedule, FsrsSchedule } from "../../src/model/schedule";

/**
 * An FSRS schedule. Defaults: a card in review (state 2), last reviewed 2025-12-01T09:00:00.000Z
 * and due 5 days later, 2025-12-06T09:00:00.000Z; interval 5, stability 5, difficulty 5, reps 3,
 * lapses 0, learningStep 0.
 */
export function fsrsSchedule(overrides: Partial<FsrsSchedule> = {}): FsrsSchedule {
	return {
		type: "fsrs",
		due: "2025-12-06T09:00:00.000Z",
		interval: 5,
		stability: 5,
		difficulty: 5,
		state: 2,
		reps: 3,
		lapses: 0,
		learningStep: 0,
		lastReview: "2025-12-01T09:00:00.000Z",
		...overrides,
	};
}

/**
 * A classic (SM-2) schedule. Defaults: a new card answered Good on 2025-12-01: due 2025-12-04,
 * interval 3, ease 250.
 */
export function classicSchedule(overrides: Partial<ClassicSchedule> = {}): ClassicSchedule {
	return { type: "classic", due: "2025-12-04", interval: 3, ease: 250, ...overrides };
}

/**
 * One FSRS review the write-back tests spell out digit by digit: every value stated, so the
 * segment they expect (`!fsrs,2026-01-09T09:00:00.000Z,8,8.2956,3.2828,2,1,0,0,2026-01-01T09:00:00.000Z`)
 * reads straight off it.
 */
export const REVIEWED_FSRS: FsrsSchedule = fsrsSchedule({
	due: "2026-01-09T09:00:00.000Z",
	interval: 8,
	stability: 8.2956,
	difficulty: 3.2828,
	state: 2,
	reps: 1,
	lapses: 0,
	learningStep: 0,
	lastReview: "2026-01-01T09:00:00.000Z",
});
