/**
 * The written form of a scheduling comment `<!--SR:…-->` (docs/format.md, "Scheduling comments"): its delimiters, the
 * placeholder day of a new card, and the bounds shared by the two segment readers (a value past
 * one makes the segment unreadable: the card is reviewed as new and the problem is reported).
 */

export const COMMENT_OPEN = "<!--SR:";
export const COMMENT_CLOSE = "-->";

/** The due date that means "new, never reviewed". */
export const NEW_PLACEHOLDER_DAY = "2000-01-01";

export const MAX_INTERVAL = 100_000;
export const MAX_EASE = 10_000;
export const MAX_COUNT = 10_000_000;
export const MAX_STABILITY = 1_000_000;
/** The largest difficulty accepted (FSRS keeps it within 1–10). */
export const MAX_DIFFICULTY = 11;
/** FSRS card states: new, learning, review, relearning. */
export const MAX_STATE = 3;

/** Days in `month` (1–12) of `year`, in the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
	if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
