/**
 * The review log's line format: one JSON object per line, versioned by `v` (docs/cli.md, "The
 * review log"). Every line names its kind with `k`; a line without `k` is an answer (the first
 * format had only answers), so every log ever written stays readable.
 *
 * review   `{"v":1,"t":ISO,"card":ID,"deck":"space/docker","r":3,"s":2,"e":4,"i":12,"d":5300}`
 *          t time of the answer, r rating 1–4, s state before the answer (0 new, 1 learning,
 *          2 review, 3 relearning, as FSRS numbers them), e days since the previous review,
 *          i days until the next one as scheduled by this answer, d answer duration in ms;
 *          under FSRS also st stability and df difficulty after the answer, rt the card's
 *          retrievability when it was answered (absent for a new card).
 * cram     `{"v":1,"k":"cram","t":ISO,"card":ID,"deck":D,"r":3,"d":5300}` — an answer in a
 *          session that changes no schedule.
 * reset    `{"v":1,"k":"reset","t":ISO,"card":ID}` — the card was made new again.
 * due      `{"v":1,"k":"due","t":ISO,"card":ID,"due":"2026-02-01"}` — its due day was set by hand.
 * suspend  `{"v":1,"k":"suspend","t":ISO,"card":ID,"on":true}` — suspended (or, false, resumed).
 * note     `{"v":1,"k":"note","t":ISO,"note":PATH,"deck":D,"r":3,"s":2,"e":4,"i":12}` — a whole
 *          note was reviewed; FSRS adds st and df, SM-2 adds ease (×100).
 * rename   `{"v":1,"k":"rename","t":ISO,"from":"old.md","to":"new.md"}` — a note moved.
 * undo     `{"v":1,"k":"undo","t":ISO,"card":ID,"of":ISO}` — the entry of that card (or, for a
 *          note review, that note path) made at `of` was undone.
 *
 * `log-parse.ts` reads lines back.
 */
import type { Rating } from "../model/schedule";

export const LOG_VERSION = 1;

/** FSRS's card states: 0 new, 1 learning, 2 review, 3 relearning. */
export type ReviewState = 0 | 1 | 2 | 3;

/** FSRS's memory after an answer, and the recall probability the answer was given at. */
export interface FsrsMemory {
	stability: number;
	difficulty: number;
	/** Retrievability at the moment of the answer, before it; absent for a new card. */
	retrievability?: number;
}

/** One answer. Times are milliseconds since the epoch. */
export interface ReviewEntry {
	kind: "review";
	time: number;
	card: string;
	/** The card's first deck (tag path without `#`), or "" for a card without a deck. */
	deck: string;
	rating: Rating;
	/** State before the answer. */
	state: ReviewState;
	/** Days since the previous review (0 for a new card). */
	elapsedDays: number;
	/** Days to the next review, as this answer scheduled it (0 while in learning steps). */
	scheduledDays: number;
	/** Time spent on the answer, ms. */
	durationMs: number;
	/** FSRS only: the memory the answer left. */
	memory?: FsrsMemory;
}

/** An answer in a cram session: logged, but no schedule changed. */
export interface CramEntry {
	kind: "cram";
	time: number;
	card: string;
	deck: string;
	rating: Rating;
	durationMs: number;
}

/** The card was reset to new; its history stays in the log. */
export interface ResetEntry {
	kind: "reset";
	time: number;
	card: string;
}

/** The card's due day was set by hand (`YYYY-MM-DD`). */
export interface SetDueEntry {
	kind: "set-due";
	time: number;
	card: string;
	due: string;
}

/** The card was suspended (`suspended` true) or resumed. */
export interface SuspendEntry {
	kind: "suspend";
	time: number;
	card: string;
	suspended: boolean;
}

/** A whole note was reviewed (note review, docs/format.md). */
export interface NoteReviewEntry {
	kind: "note";
	time: number;
	/** The note's vault path. */
	note: string;
	deck: string;
	rating: Rating;
	state: ReviewState;
	elapsedDays: number;
	scheduledDays: number;
	/** SM-2 only: the ease after the answer, ×100. */
	ease?: number;
	/** FSRS only. */
	memory?: FsrsMemory;
}

/** A note moved from one path to another: card ids of the old path resolve to the new one. */
export interface RenameEntry {
	kind: "rename";
	time: number;
	from: string;
	to: string;
}

/** The entry of `card` (a card id, or a note path for a note review) made at `reviewTime` was undone; readers drop it. */
export interface UndoEntry {
	kind: "undo";
	time: number;
	card: string;
	reviewTime: number;
}

/** Entries about one card that are not answers (card management). */
export type CardActionEntry = ResetEntry | SetDueEntry | SuspendEntry;

export type LogEntry = ReviewEntry | CramEntry | CardActionEntry | NoteReviewEntry | RenameEntry | UndoEntry;

export type ParsedLine = { ok: true; entry: LogEntry } | { ok: false; reason: string };

/** The entry as one line of JSON, without the line ending. */
export function formatLogLine(entry: LogEntry): string {
	const head = { v: LOG_VERSION, t: new Date(entry.time).toISOString() };
	switch (entry.kind) {
		case "review":
			return JSON.stringify({
				...head,
				card: entry.card,
				deck: entry.deck,
				r: entry.rating,
				s: entry.state,
				e: round(entry.elapsedDays),
				i: round(entry.scheduledDays),
				d: Math.round(entry.durationMs),
				...memoryFields(entry.memory),
			});
		case "cram":
			return JSON.stringify({ ...head, k: "cram", card: entry.card, deck: entry.deck, r: entry.rating, d: Math.round(entry.durationMs) });
		case "reset":
			return JSON.stringify({ ...head, k: "reset", card: entry.card });
		case "set-due":
			return JSON.stringify({ ...head, k: "due", card: entry.card, due: entry.due });
		case "suspend":
			return JSON.stringify({ ...head, k: "suspend", card: entry.card, on: entry.suspended });
		case "note":
			return JSON.stringify({
				...head,
				k: "note",
				note: entry.note,
				deck: entry.deck,
				r: entry.rating,
				s: entry.state,
				e: round(entry.elapsedDays),
				i: round(entry.scheduledDays),
				...(entry.ease === undefined ? {} : { ease: round(entry.ease) }),
				...memoryFields(entry.memory),
			});
		case "rename":
			return JSON.stringify({ ...head, k: "rename", from: entry.from, to: entry.to });
		case "undo":
			return JSON.stringify({ ...head, k: "undo", card: entry.card, of: new Date(entry.reviewTime).toISOString() });
	}
}

function memoryFields(memory: FsrsMemory | undefined): Record<string, number> {
	if (memory === undefined) return {};
	const out: Record<string, number> = { st: round(memory.stability), df: round(memory.difficulty) };
	if (memory.retrievability !== undefined) out.rt = round(memory.retrievability);
	return out;
}

/** Day counts and memory figures keep 4 decimals, like the scheduling comments. */
function round(n: number): number {
	return Math.round(n * 10_000) / 10_000;
}
