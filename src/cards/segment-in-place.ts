/**
 * The fast segment readers: the forms this plugin writes, read in place from offsets into the
 * comment (no slice, split or regex per field), since every card's comment goes through here.
 * Anything they do not recognise returns null and is read by `readSegment` instead, which gives
 * the same state for every form both accept.
 */
import type { FsrsSchedule } from "../model/schedule";
import type { SegmentState } from "../model/card";
import { Char } from "../model/char-codes";
import { MAX_COUNT, MAX_DIFFICULTY, MAX_EASE, MAX_INTERVAL, MAX_STABILITY, MAX_STATE, NEW_PLACEHOLDER_DAY, daysInMonth } from "./comment-format";

/** The common classic segment `YYYY-MM-DD,interval,ease` in `text[start..end)`, or null for any other form. */
export function classicAt(text: string, start: number, end: number): SegmentState | null {
	if (end - start < 14 || text.charCodeAt(start + 10) !== Char.Comma || !isDateAt(text, start)) return null;
	const interval = decimalAt(text, start + 11, end, 6);
	if (!(interval <= MAX_INTERVAL) || decimalEnd === end) return null;
	const ease = decimalAt(text, decimalEnd + 1, end, 6);
	if (!(ease <= MAX_EASE) || decimalEnd !== end) return null;
	const due = text.slice(start, start + 10);
	if (due === NEW_PLACEHOLDER_DAY) return { kind: "ok", schedule: null };
	return { kind: "ok", schedule: { type: "classic", due, interval, ease } };
}

/** Ends of the 10 comma-separated fields of an FSRS segment (reused: one segment at a time). */
const fieldEnds = new Int32Array(10);

/** An FSRS segment in `text[start..end)` written as this plugin writes it, or null (read it slowly). */
export function fsrsAt(text: string, start: number, end: number): SegmentState | null {
	if (!text.startsWith("fsrs,", start)) return null;
	let count = 0;
	for (let i = text.indexOf(",", start); i >= 0 && i < end; i = text.indexOf(",", i + 1)) {
		if (count === 9) return null;
		fieldEnds[count++] = i;
	}
	if (count !== 9) return null;
	fieldEnds[9] = end;
	const dueEnd = fieldEnds[1];
	if (!isMomentAt(text, fieldEnds[0] + 1, dueEnd)) return null;
	const lastStart = fieldEnds[8] + 1;
	const dash = end - lastStart === 1 && text.charCodeAt(lastStart) === Char.Dash;
	if (!dash && end > lastStart && !isMomentAt(text, lastStart, end)) return null;
	const interval = decimalAt(text, fieldEnds[1] + 1, fieldEnds[2], 17);
	const stability = decimalAt(text, fieldEnds[2] + 1, fieldEnds[3], 17);
	const difficulty = decimalAt(text, fieldEnds[3] + 1, fieldEnds[4], 17);
	const state = decimalAt(text, fieldEnds[4] + 1, fieldEnds[5], 17);
	const reps = decimalAt(text, fieldEnds[5] + 1, fieldEnds[6], 17);
	const lapses = decimalAt(text, fieldEnds[6] + 1, fieldEnds[7], 17);
	const learningStep = decimalAt(text, fieldEnds[7] + 1, fieldEnds[8], 17);
	if (!(interval <= MAX_INTERVAL && stability <= MAX_STABILITY && difficulty <= MAX_DIFFICULTY)) return null;
	if (!(state <= MAX_STATE && reps <= MAX_COUNT && lapses <= MAX_COUNT && learningStep <= MAX_COUNT)) return null;
	if (!Number.isInteger(state) || !Number.isInteger(reps) || !Number.isInteger(lapses) || !Number.isInteger(learningStep)) return null;
	const schedule: FsrsSchedule = {
		type: "fsrs",
		due: text.slice(fieldEnds[0] + 1, dueEnd),
		interval,
		stability,
		difficulty,
		state: state as FsrsSchedule["state"],
		reps,
		lapses,
		learningStep,
		lastReview: dash || end === lastStart ? null : text.slice(lastStart, end),
	};
	return { kind: "ok", schedule };
}

/** Where the last {@link decimalAt} stopped (a module variable: no tuple per number). */
let decimalEnd = 0;

/**
 * A decimal `digits[.digits]` at `p` with at most `maxDigits` digits on either side of the dot,
 * ending at `end` or before a `,`; its value (NaN when there is none). Sets `decimalEnd`.
 */
function decimalAt(text: string, p: number, end: number, maxDigits: number): number {
	let q = p;
	let value = 0;
	while (q < end && isDigit(text.charCodeAt(q))) value = value * 10 + text.charCodeAt(q++) - Char.Digit0;
	if (q === p || q - p > maxDigits) return NaN;
	if (q < end && text.charCodeAt(q) === Char.Dot) {
		const dot = ++q;
		while (q < end && isDigit(text.charCodeAt(q))) value = value * 10 + text.charCodeAt(q++) - Char.Digit0;
		if (q === dot || q - dot > maxDigits) return NaN;
		// All digits as an exact integer (15 digits at most) divided by an exact power of ten is
		// one correctly rounded division, so it equals Number()'s reading; longer: let Number read it.
		value = q - p - 1 <= 15 ? value / POWERS_OF_TEN[q - dot] : Number(text.slice(p, q));
	}
	if (q < end && text.charCodeAt(q) !== Char.Comma) return NaN;
	decimalEnd = q;
	return value;
}

const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17];

function isDigit(c: number): boolean {
	return c >= Char.Digit0 && c <= Char.Digit9;
}

/** `n` digits at `p` as a number, or -1. */
function digitsAt(text: string, p: number, n: number): number {
	let value = 0;
	for (let i = p; i < p + n; i++) {
		const c = text.charCodeAt(i);
		if (!isDigit(c)) return -1;
		value = value * 10 + c - Char.Digit0;
	}
	return value;
}

/** `YYYY-MM-DD` with a real date at `p` (the text may go on after it). */
function isDateAt(text: string, p: number): boolean {
	const year = digitsAt(text, p, 4);
	const month = digitsAt(text, p + 5, 2);
	const date = digitsAt(text, p + 8, 2);
	return (
		year >= 0 &&
		text.charCodeAt(p + 4) === Char.Dash &&
		text.charCodeAt(p + 7) === Char.Dash &&
		month >= 1 &&
		month <= 12 &&
		date >= 1 &&
		date <= daysInMonth(year, month)
	);
}

/** An ISO 8601 moment (as `readSegment` accepts it) in `text[p..end)`, without a regex or a slice. */
function isMomentAt(text: string, p: number, end: number): boolean {
	if (end - p < 17 || !isDateAt(text, p) || text.charCodeAt(p + 10) !== Char.UpperT || text.charCodeAt(p + 13) !== Char.Colon) return false;
	const hour = digitsAt(text, p + 11, 2);
	const minute = digitsAt(text, p + 14, 2);
	if (hour < 0 || hour >= 24 || minute < 0 || minute >= 60) return false;
	let q = p + 16;
	if (text.charCodeAt(q) === Char.Colon) {
		const second = digitsAt(text, q + 1, 2);
		if (second < 0 || second >= 61) return false;
		q += 3;
		if (text.charCodeAt(q) === Char.Dot) {
			const from = ++q;
			while (q < end && isDigit(text.charCodeAt(q))) q++;
			if (q === from || q - from > 9) return false;
		}
	}
	if (q === end - 1) return text.charCodeAt(q) === Char.UpperZ;
	const sign = text.charCodeAt(q);
	if ((sign !== Char.Plus && sign !== Char.Dash) || digitsAt(text, q + 1, 2) < 0) return false;
	q += 3;
	if (text.charCodeAt(q) === Char.Colon) q++;
	return q + 2 === end && digitsAt(text, q, 2) >= 0;
}
