/**
 * Building a log line from an answer. The review flow (plugin and command line) calls
 * {@link reviewEntry} right after a grade is written back and appends the result to the log.
 */
import type { Card, SegmentState } from "../model/card";
import { addDays, daysBetween, isDay, localDay } from "../model/days";
import type { Rating, Schedule } from "../model/schedule";
import { retrievability } from "../schedule/fsrs";
import { cardId } from "./card-id";
import type { FsrsMemory, ReviewEntry, ReviewState, UndoEntry } from "./log-format";

/** What the review flow knows about one answer. */
export interface AnswerFacts {
	/** When the answer was given. */
	time: Date;
	/** Vault path of the note. */
	path: string;
	/** The card as parsed when it was shown (its `source` and `decks` are used). */
	card: Pick<Card, "source" | "decks">;
	/** Index of the answered sibling. */
	sibling: number;
	rating: Rating;
	/** The sibling's segment before the answer. */
	before: SegmentState;
	/** The schedule the answer produced. */
	after: Schedule;
	/** Time from showing the question to the answer, ms. */
	durationMs: number;
	/** The "next day starts at" hour (0–23). */
	dayStartHour: number;
}

/** The log entry for one answer. */
export function reviewEntry(facts: AnswerFacts): ReviewEntry {
	const schedule = facts.before.kind === "ok" ? facts.before.schedule : null;
	const elapsed = elapsedDays(schedule, facts.time, facts.dayStartHour);
	const memory = memoryAfter(schedule, facts.after, elapsed);
	return {
		kind: "review",
		time: facts.time.getTime(),
		card: cardId(facts.path, facts.card.source, facts.sibling),
		deck: facts.card.decks[0] ?? "",
		rating: facts.rating,
		state: reviewState(schedule),
		elapsedDays: elapsed,
		scheduledDays: Number.isFinite(facts.after.interval) ? Math.max(0, facts.after.interval) : 0,
		durationMs: Number.isFinite(facts.durationMs) ? Math.max(0, Math.round(facts.durationMs)) : 0,
		...(memory ? { memory } : {}),
	};
}

/**
 * FSRS's memory after the answer, and the retrievability the card had when it was answered (from
 * its FSRS stability before, over the whole days elapsed; none for a new or a classic card).
 */
function memoryAfter(before: Schedule | null, after: Schedule, elapsed: number): FsrsMemory | null {
	if (after.type !== "fsrs" || !(after.stability > 0) || !(after.difficulty > 0)) return null;
	const memory: FsrsMemory = { stability: after.stability, difficulty: after.difficulty };
	if (before?.type === "fsrs" && before.state !== 0 && before.stability > 0) memory.retrievability = retrievability(before.stability, elapsed);
	return memory;
}

/** The record that undoes `entry` (readers then drop it), made at `time`. */
export function undoEntry(entry: { card: string; time: number } | { note: string; time: number }, time: Date): UndoEntry {
	return { kind: "undo", time: time.getTime(), card: "card" in entry ? entry.card : entry.note, reviewTime: entry.time };
}

/**
 * The FSRS state a schedule stands for: none (new placeholder, absent or unreadable segment) → 0;
 * FSRS → its own state; classic → 2 (review), or 3 (relearning) while its interval is below a
 * day (after Again, SM-2 shows the card again the same day).
 */
export function reviewState(schedule: Schedule | null): ReviewState {
	if (schedule === null) return 0;
	if (schedule.type === "fsrs") return schedule.state;
	return schedule.interval < 1 ? 3 : 2;
}

/**
 * Whole local days from the previous review to `now`: FSRS from its last review moment; classic
 * from due − interval (the day it was last answered). 0 for a new card or an unreadable date.
 */
export function elapsedDays(schedule: Schedule | null, now: Date, dayStartHour: number): number {
	if (schedule === null) return 0;
	const today = localDay(now, dayStartHour);
	let last: string | null = null;
	if (schedule.type === "fsrs") {
		const moment = schedule.lastReview === null ? NaN : Date.parse(schedule.lastReview);
		if (!Number.isNaN(moment)) last = localDay(new Date(moment), dayStartHour);
	} else if (isDay(schedule.due) && Number.isFinite(schedule.interval)) {
		last = addDays(schedule.due, -Math.round(schedule.interval));
	}
	return last === null ? 0 : Math.max(0, daysBetween(last, today));
}
