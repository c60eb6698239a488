/**
 * Schedules as stored in a card's scheduling comment (docs/format.md, "Scheduling comments").
 * Dates are kept as strings exactly as read or to be written, so that a schedule
 * survives a round trip without any time-zone drift.
 */

/** SM-2 style schedule: `!YYYY-MM-DD,interval,ease`. */
export interface ClassicSchedule {
	type: "classic";
	/** Due day, `YYYY-MM-DD` (a local calendar day). */
	due: string;
	/** Interval in days (may be fractional, e.g. 2.5). */
	interval: number;
	/** Ease ×100, e.g. 250. */
	ease: number;
}

/** FSRS memory state: `!fsrs,DUE,interval,stability,difficulty,state,reps,lapses,learningStep,LAST`. */
export interface FsrsSchedule {
	type: "fsrs";
	/** Due moment, ISO 8601 (UTC, `Z`). */
	due: string;
	/** Scheduled interval in days. */
	interval: number;
	stability: number;
	difficulty: number;
	/** 0 new, 1 learning, 2 review, 3 relearning. */
	state: 0 | 1 | 2 | 3;
	reps: number;
	lapses: number;
	learningStep: number;
	/** Last review moment, ISO 8601, or null (`-`). */
	lastReview: string | null;
}

export type Schedule = ClassicSchedule | FsrsSchedule;

/** The four answers, numbered as ts-fsrs and the keyboard do. */
export enum Rating {
	Again = 1,
	Hard = 2,
	Good = 3,
	Easy = 4,
}
