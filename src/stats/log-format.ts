/**
 * The review log's line format: one JSON object per line, versioned by `v`.
 *
 * review  `{"v":1,"t":ISO,"card":ID,"deck":"space/docker","r":3,"s":2,"e":4,"i":12,"d":5300}`
 *         t time of the answer, r rating 1–4, s state before the answer (0 new, 1 learning,
 *         2 review, 3 relearning, as FSRS numbers them), e days since the previous review,
 *         i days until the next one as scheduled by this answer, d answer duration in ms.
 * rename  `{"v":1,"k":"rename","t":ISO,"from":"old.md","to":"new.md"}` — a note moved.
 * undo    `{"v":1,"k":"undo","t":ISO,"card":ID,"of":ISO}` — the answer given at `of` was undone.
 *
 * The parser never throws: a line it cannot read comes back as a reason, so readers can skip
 * it and report it.
 */
import type { Rating } from "../model/schedule";

const LOG_VERSION = 1;

/** FSRS's card states: 0 new, 1 learning, 2 review, 3 relearning. */
export type ReviewState = 0 | 1 | 2 | 3;

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
}

/** A note moved from one path to another: card ids of the old path resolve to the new one. */
export interface RenameEntry {
	kind: "rename";
	time: number;
	from: string;
	to: string;
}

/** The answer of `card` given at `reviewTime` was undone; readers drop it. */
export interface UndoEntry {
	kind: "undo";
	time: number;
	card: string;
	reviewTime: number;
}

export type LogEntry = ReviewEntry | RenameEntry | UndoEntry;

export type ParsedLine = { ok: true; entry: LogEntry } | { ok: false; reason: string };

/** The entry as one line of JSON, without the line ending. */
export function formatLogLine(entry: LogEntry): string {
	const t = new Date(entry.time).toISOString();
	switch (entry.kind) {
		case "review":
			return JSON.stringify({
				v: LOG_VERSION,
				t,
				card: entry.card,
				deck: entry.deck,
				r: entry.rating,
				s: entry.state,
				e: round(entry.elapsedDays),
				i: round(entry.scheduledDays),
				d: Math.round(entry.durationMs),
			});
		case "rename":
			return JSON.stringify({ v: LOG_VERSION, k: "rename", t, from: entry.from, to: entry.to });
		case "undo":
			return JSON.stringify({ v: LOG_VERSION, k: "undo", t, card: entry.card, of: new Date(entry.reviewTime).toISOString() });
	}
}

/** Reads one line (surrounding white space ignored). Never throws. */
export function parseLogLine(line: string): ParsedLine {
	let value: unknown;
	try {
		value = JSON.parse(line);
	} catch {
		return fail("not valid JSON");
	}
	if (typeof value !== "object" || value === null || Array.isArray(value)) return fail("not a JSON object");
	const o = value as Record<string, unknown>;
	if (typeof o.v !== "number") return fail("no format version");
	if (o.v > LOG_VERSION) return fail(`written by a newer version of the plugin (format ${o.v})`);
	if (o.v !== LOG_VERSION) return fail(`unknown format version ${String(o.v)}`);
	const time = readTime(o.t);
	if (time === null) return fail("bad time 't'");
	const kind = o.k ?? "review";
	if (kind === "rename") {
		if (!nonEmpty(o.from) || !nonEmpty(o.to)) return fail("rename without 'from' and 'to'");
		return { ok: true, entry: { kind: "rename", time, from: o.from, to: o.to } };
	}
	if (kind === "undo") {
		const reviewTime = readTime(o.of);
		if (!nonEmpty(o.card) || reviewTime === null) return fail("undo without 'card' and 'of'");
		return { ok: true, entry: { kind: "undo", time, card: o.card, reviewTime } };
	}
	if (kind !== "review") return fail(`unknown kind ${JSON.stringify(kind)}`);
	if (!nonEmpty(o.card)) return fail("no card id");
	if (typeof o.deck !== "string") return fail("no deck");
	if (!isIntIn(o.r, 1, 4)) return fail("rating 'r' is not 1–4");
	if (!isIntIn(o.s, 0, 3)) return fail("state 's' is not 0–3");
	if (!isNonNegative(o.e) || !isNonNegative(o.i) || !isNonNegative(o.d)) return fail("'e', 'i' and 'd' must be numbers ≥ 0");
	return {
		ok: true,
		entry: {
			kind: "review",
			time,
			card: o.card,
			deck: o.deck,
			rating: o.r as Rating,
			state: o.s as ReviewState,
			elapsedDays: o.e,
			scheduledDays: o.i,
			durationMs: o.d,
		},
	};
}

function fail(reason: string): ParsedLine {
	return { ok: false, reason };
}

function readTime(value: unknown): number | null {
	if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return null;
	const time = Date.parse(value);
	return Number.isNaN(time) ? null : time;
}

function nonEmpty(value: unknown): value is string {
	return typeof value === "string" && value.length > 0;
}

function isIntIn(value: unknown, min: number, max: number): boolean {
	return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}

function isNonNegative(value: unknown): value is number {
	return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

/** Day counts keep 4 decimals, like the scheduling comments. */
function round(n: number): number {
	return Math.round(n * 10_000) / 10_000;
}
