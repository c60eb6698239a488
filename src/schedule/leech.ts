/**
 * Leeches (docs/scheduling.md, "Leeches"): a sibling that lapsed `leechThreshold` times. FSRS
 * siblings count their lapses in the comment; classic (SM-2) ones have no count there, so the
 * caller gives the count from the review log (`stats/lapses.ts`), or none (0) when it has no log.
 */
import type { SegmentState } from "../model/card";

/** The sibling's lapses: the FSRS count, else `fromLog` (SM-2: answered Again on a review). */
export function lapsesOf(segment: SegmentState, fromLog = 0): number {
	if (segment.kind === "ok" && segment.schedule?.type === "fsrs") return segment.schedule.lapses;
	return segment.kind === "ok" && segment.schedule?.type === "classic" ? fromLog : 0;
}

/** Whether `lapses` make a leech at `threshold` (a threshold below 1 makes none). */
export function isLeechLapses(lapses: number, threshold: number): boolean {
	return threshold >= 1 && lapses >= threshold;
}

/** Whether an answer that took the lapses from `before` to `after` just made the sibling a leech. */
export function becameLeech(before: number, after: number, threshold: number): boolean {
	return !isLeechLapses(before, threshold) && isLeechLapses(after, threshold);
}
