/**
 * Scheduling comments `<!--SR:…-->` (cards.md §5): reading their segments, and finding them in
 * a line. A segment that cannot be read is kept as `unreadable` (with the reason) so the sibling
 * is reviewed as new and the check command can report it; nothing is ever read as NaN.
 */
import type { ClassicSchedule, FsrsSchedule } from "../schedule/types";
import { formatDay, isDay } from "../schedule/days";
import type { SegmentState } from "./types";

export const COMMENT_OPEN = "<!--SR:";
export const COMMENT_CLOSE = "-->";
/** The due date that means "new, never reviewed". */
export const NEW_PLACEHOLDER_DAY = "2000-01-01";

const MAX_INTERVAL = 100_000;
const MAX_EASE = 10_000;
const MAX_COUNT = 10_000_000;
const MAX_STABILITY = 1_000_000;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * Reads a scheduling comment, `<!--SR:` + segments + `-->` (surrounding spaces allowed).
 * Returns one state per segment in order, or null when `raw` is not a scheduling comment.
 * Classic segments: `!YYYY-MM-DD,interval,ease` (also `DD-MM-YYYY`, `ddd MMM DD YYYY`, and the old
 * form without `!`); FSRS: `!fsrs,DUE,interval,stability,difficulty,state,reps,lapses,step,LAST`.
 */
export function readSchedulingComment(raw: string): SegmentState[] | null {
	// A comment found in a line is exact: no trim (it copies) and no builtin calls to check it.
	const exact = isExactComment(raw);
	const text = exact ? raw : raw.trim();
	if (exact ? false : text === raw || !text.startsWith(COMMENT_OPEN) || !text.endsWith(COMMENT_CLOSE)) return null;
	if (text.length < COMMENT_OPEN.length + COMMENT_CLOSE.length) return null;
	// The body is read in place (offsets into `text`): no slicing per segment on the common path.
	let from = COMMENT_OPEN.length;
	let to = text.length - COMMENT_CLOSE.length;
	while (from < to && text.charCodeAt(from) <= 32 && isTrimmed(text.charCodeAt(from))) from++;
	while (to > from && text.charCodeAt(to - 1) <= 32 && isTrimmed(text.charCodeAt(to - 1))) to--;
	// Other whitespace at either end (e.g. U+00A0) is trimmed by the general reader only.
	if (from === to || text.charCodeAt(from) > 126 || text.charCodeAt(to - 1) > 126) return readBody(text.slice(COMMENT_OPEN.length, text.length - COMMENT_CLOSE.length).trim());
	const states: SegmentState[] = [];
	// Segments run from one "!" to the next; the old form has no leading "!".
	let start = text.charCodeAt(from) === 33 ? from + 1 : from;
	for (;;) {
		const bang = text.indexOf("!", start);
		const end = bang < 0 || bang > to ? to : bang;
		states.push(readSegmentAt(text, start, end));
		if (end === to) return states;
		start = end + 1;
	}
}

/** True when `raw` starts with `<!--SR:` and ends with `-->`, nothing around them. */
function isExactComment(raw: string): boolean {
	const n = raw.length;
	return (
		n >= 10 &&
		raw.charCodeAt(0) === 60 &&
		raw.charCodeAt(1) === 33 &&
		raw.charCodeAt(2) === 45 &&
		raw.charCodeAt(3) === 45 &&
		raw.charCodeAt(4) === 83 &&
		raw.charCodeAt(5) === 82 &&
		raw.charCodeAt(6) === 58 &&
		raw.charCodeAt(n - 3) === 45 &&
		raw.charCodeAt(n - 2) === 45 &&
		raw.charCodeAt(n - 1) === 62
	);
}

/** Space, tab and the line-breaking controls: the whitespace `trim` removes below 33. */
function isTrimmed(c: number): boolean {
	return c === 32 || (c >= 9 && c <= 13);
}

/** The general reader, on the comment's body without its delimiters. */
function readBody(body: string): SegmentState[] {
	if (body === "") return [];
	const states: SegmentState[] = [];
	let start = body.charCodeAt(0) === 33 ? 1 : 0;
	for (;;) {
		const bang = body.indexOf("!", start);
		const end = bang < 0 ? body.length : bang;
		const part = body.slice(start, end);
		states.push(readSegment(part.charCodeAt(0) <= 32 || part.charCodeAt(part.length - 1) <= 32 ? part.trim() : part));
		if (bang < 0) return states;
		start = bang + 1;
	}
}

/** Segment `text[start..end)`: the common forms read in place, anything else by {@link readSegment}. */
function readSegmentAt(text: string, start: number, end: number): SegmentState {
	const fast = text.charCodeAt(start) === 102 ? fsrsAt(text, start, end) : classicAt(text, start, end);
	if (fast) return fast;
	const part = text.slice(start, end);
	return readSegment(part.charCodeAt(0) <= 32 || part.charCodeAt(part.length - 1) <= 32 ? part.trim() : part);
}

/** Reads one segment (without its leading `!`). */
export function readSegment(segment: string): SegmentState {
	const fast = CLASSIC_FAST.exec(segment);
	if (fast) {
		// The common form, read without splitting (parsing speed matters for big vaults).
		const [, y, m, d, intervalText, easeText] = fast;
		const year = Number(y);
		const month = Number(m);
		const date = Number(d);
		const interval = Number(intervalText);
		const ease = Number(easeText);
		if (month >= 1 && month <= 12 && date >= 1 && date <= daysInMonth(year, month) && interval <= MAX_INTERVAL && ease <= MAX_EASE) {
			const due = `${y}-${m}-${d}`;
			if (due === NEW_PLACEHOLDER_DAY) return { kind: "ok", schedule: null };
			return { kind: "ok", schedule: { type: "classic", due, interval, ease } };
		}
	}
	const fields = segment.split(",");
	for (let i = 0; i < fields.length; i++) fields[i] = fields[i].trim();
	if (fields[0].toLowerCase() === "fsrs") return readFsrs(segment, fields);
	if (fields.length !== 3) return unreadable(segment, `expected date,interval,ease but found ${fields.length} fields`);
	const due = readDate(fields[0]);
	if (!due) return unreadable(segment, `"${fields[0]}" is not a date`);
	const interval = readNumber(fields[1], "interval", MAX_INTERVAL);
	if (typeof interval === "string") return unreadable(segment, interval);
	const ease = readNumber(fields[2], "ease", MAX_EASE);
	if (typeof ease === "string") return unreadable(segment, ease);
	if (due === NEW_PLACEHOLDER_DAY) return { kind: "ok", schedule: null };
	const schedule: ClassicSchedule = { type: "classic", due, interval, ease };
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
	while (q < end && isDigit(text.charCodeAt(q))) value = value * 10 + text.charCodeAt(q++) - 48;
	if (q === p || q - p > maxDigits) return NaN;
	if (q < end && text.charCodeAt(q) === 46) {
		const dot = ++q;
		while (q < end && isDigit(text.charCodeAt(q))) value = value * 10 + text.charCodeAt(q++) - 48;
		if (q === dot || q - dot > maxDigits) return NaN;
		// All digits as an exact integer (15 digits at most) divided by an exact power of ten is
		// one correctly rounded division, so it equals Number()'s reading; longer: let Number read it.
		value = q - p - 1 <= 15 ? value / POWERS_OF_TEN[q - dot] : Number(text.slice(p, q));
	}
	if (q < end && text.charCodeAt(q) !== 44) return NaN;
	decimalEnd = q;
	return value;
}

const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17];

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

/** `n` digits at `p` as a number, or -1. */
function digitsAt(text: string, p: number, n: number): number {
	let value = 0;
	for (let i = p; i < p + n; i++) {
		const c = text.charCodeAt(i);
		if (!isDigit(c)) return -1;
		value = value * 10 + c - 48;
	}
	return value;
}

/** `YYYY-MM-DD` with a real date at `p` (the text may go on after it). */
function isDateAt(text: string, p: number): boolean {
	const year = digitsAt(text, p, 4);
	const month = digitsAt(text, p + 5, 2);
	const date = digitsAt(text, p + 8, 2);
	return year >= 0 && text.charCodeAt(p + 4) === 45 && text.charCodeAt(p + 7) === 45 && month >= 1 && month <= 12 && date >= 1 && date <= daysInMonth(year, month);
}

/** The common classic segment `YYYY-MM-DD,interval,ease` in `text[start..end)`, or null for any other form. */
function classicAt(text: string, start: number, end: number): SegmentState | null {
	if (end - start < 14 || text.charCodeAt(start + 10) !== 44 || !isDateAt(text, start)) return null;
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
function fsrsAt(text: string, start: number, end: number): SegmentState | null {
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
	const dash = end - lastStart === 1 && text.charCodeAt(lastStart) === 45;
	if (!dash && end > lastStart && !isMomentAt(text, lastStart, end)) return null;
	const interval = decimalAt(text, fieldEnds[1] + 1, fieldEnds[2], 17);
	const stability = decimalAt(text, fieldEnds[2] + 1, fieldEnds[3], 17);
	const difficulty = decimalAt(text, fieldEnds[3] + 1, fieldEnds[4], 17);
	const state = decimalAt(text, fieldEnds[4] + 1, fieldEnds[5], 17);
	const reps = decimalAt(text, fieldEnds[5] + 1, fieldEnds[6], 17);
	const lapses = decimalAt(text, fieldEnds[6] + 1, fieldEnds[7], 17);
	const learningStep = decimalAt(text, fieldEnds[7] + 1, fieldEnds[8], 17);
	if (!(interval <= MAX_INTERVAL && stability <= MAX_STABILITY && difficulty <= 11)) return null;
	if (!(state <= 3 && reps <= MAX_COUNT && lapses <= MAX_COUNT && learningStep <= MAX_COUNT)) return null;
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

/** {@link isMoment} on `text[p..end)`, without a regex or a slice. */
function isMomentAt(text: string, p: number, end: number): boolean {
	if (end - p < 17 || !isDateAt(text, p) || text.charCodeAt(p + 10) !== 84 || text.charCodeAt(p + 13) !== 58) return false;
	const hour = digitsAt(text, p + 11, 2);
	const minute = digitsAt(text, p + 14, 2);
	if (hour < 0 || hour >= 24 || minute < 0 || minute >= 60) return false;
	let q = p + 16;
	if (text.charCodeAt(q) === 58) {
		const second = digitsAt(text, q + 1, 2);
		if (second < 0 || second >= 61) return false;
		q += 3;
		if (text.charCodeAt(q) === 46) {
			const from = ++q;
			while (q < end && isDigit(text.charCodeAt(q))) q++;
			if (q === from || q - from > 9) return false;
		}
	}
	if (q === end - 1) return text.charCodeAt(q) === 90;
	const sign = text.charCodeAt(q);
	if (sign !== 43 && sign !== 45 || digitsAt(text, q + 1, 2) < 0) return false;
	q += 3;
	if (text.charCodeAt(q) === 58) q++;
	return q + 2 === end && digitsAt(text, q, 2) >= 0;
}

const CLASSIC_FAST = /^(\d{4})-(\d{2})-(\d{2}),(\d{1,6}(?:\.\d{1,6})?),(\d{1,6}(?:\.\d{1,6})?)$/;

function daysInMonth(year: number, month: number): number {
	if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function readFsrs(segment: string, fields: string[]): SegmentState {
	if (fields.length !== 10) return unreadable(segment, `an FSRS segment has 10 fields, found ${fields.length}`);
	const [, dueText, intervalText, stabilityText, difficultyText, stateText, repsText, lapsesText, stepText, lastText] = fields;
	if (!isMoment(dueText)) return unreadable(segment, `"${dueText}" is not an ISO 8601 time`);
	const lastReview = lastText === "-" || lastText === "" ? null : lastText;
	if (lastReview !== null && !isMoment(lastReview)) return unreadable(segment, `"${lastReview}" is not an ISO 8601 time`);
	const numbers: number[] = [];
	const specs: [string, string, number, boolean][] = [
		[intervalText, "interval", MAX_INTERVAL, false],
		[stabilityText, "stability", MAX_STABILITY, false],
		[difficultyText, "difficulty", 11, false],
		[stateText, "state", 3, true],
		[repsText, "reps", MAX_COUNT, true],
		[lapsesText, "lapses", MAX_COUNT, true],
		[stepText, "learning step", MAX_COUNT, true],
	];
	for (const [text, name, max, integer] of specs) {
		const value = readNumber(text, name, max);
		if (typeof value === "string") return unreadable(segment, value);
		if (integer && !Number.isInteger(value)) return unreadable(segment, `${name} must be a whole number`);
		numbers.push(value);
	}
	const [interval, stability, difficulty, state, reps, lapses, learningStep] = numbers;
	const schedule: FsrsSchedule = {
		type: "fsrs",
		due: dueText,
		interval,
		stability,
		difficulty,
		state: state as FsrsSchedule["state"],
		reps,
		lapses,
		learningStep,
		lastReview,
	};
	return { kind: "ok", schedule };
}

function unreadable(raw: string, reason: string): SegmentState {
	return { kind: "unreadable", raw, reason };
}

/** A non-negative decimal within `max`, or the reason it is not. */
function readNumber(text: string, name: string, max: number): number | string {
	if (!isDecimal(text, 0)) {
		return text.startsWith("-") && isDecimal(text, 1) ? `${name} ${text} is negative` : `${name} "${text}" is not a number`;
	}
	const value = Number(text);
	if (!Number.isFinite(value) || value > max) return `${name} ${text} is out of range (0–${max})`;
	return value;
}

const MOMENT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** An ISO 8601 moment with a real date and time of day (no Date.parse: it is lenient and slow). */
/** `digits` or `digits.digits` from offset `from` to the end (a hand loop: this runs per field). */
function isDecimal(text: string, from: number): boolean {
	let digits = 0;
	let dot = -1;
	for (let i = from; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c >= 48 && c <= 57) digits++;
		else if (c === 46 && dot < 0 && digits > 0) dot = i;
		else return false;
	}
	return digits > 0 && dot !== text.length - 1;
}

function isMoment(text: string): boolean {
	const m = MOMENT.exec(text);
	if (!m) return false;
	const month = Number(m[2]);
	const date = Number(m[3]);
	return month >= 1 && month <= 12 && date >= 1 && date <= daysInMonth(Number(m[1]), month) && Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6] ?? 0) < 61;
}

/** A classic due date in any accepted form, as `YYYY-MM-DD`, or null. */
function readDate(text: string): string | null {
	let day: string | null = null;
	const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
	const european = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(text);
	const spelled = /^[A-Za-z]{3},? ([A-Za-z]{3}) (\d{1,2}),? (\d{4})$/.exec(text);
	if (iso) day = formatDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
	else if (european) day = formatDay(Number(european[3]), Number(european[2]), Number(european[1]));
	else if (spelled) {
		const month = MONTHS.indexOf(spelled[1].toLowerCase());
		if (month >= 0) day = formatDay(Number(spelled[3]), month + 1, Number(spelled[2]));
	}
	return day && isDay(day) ? day : null;
}

/** Where a scheduling comment sits in a line. */
export interface FoundComment {
	start: number;
	end: number;
	raw: string;
}

/** The scheduling comment that ends `line` (only spaces after it), or null. */
export function trailingComment(line: string): FoundComment | null {
	// Hand-written backward scans: this runs on the last line of every card, and V8's lastIndexOf
	// is a slow runtime call.
	let end = line.length;
	while (end > 0 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
	if (end < 10 || line.charCodeAt(end - 1) !== 62 || line.charCodeAt(end - 2) !== 45 || line.charCodeAt(end - 3) !== 45) return null;
	for (let start = end - 10; start >= 0; start--) {
		if (line.charCodeAt(start) !== 60 || !line.startsWith(COMMENT_OPEN, start)) continue;
		// The comment must run from its opening to the end: no "-->" inside.
		const close = line.indexOf(COMMENT_CLOSE, start + COMMENT_OPEN.length);
		return close === end - 3 ? { start, end, raw: line.slice(start, end) } : null;
	}
	return null;
}

/** The scheduling comment when it is alone on `line` after offset `contentStart` (spaces aside). */
export function ownLineComment(line: string, contentStart: number): FoundComment | null {
	let p = contentStart;
	while (line.charCodeAt(p) === 32 || line.charCodeAt(p) === 9) p++;
	if (line.charCodeAt(p) !== 60 || !line.startsWith(COMMENT_OPEN, p)) return null;
	const close = line.indexOf(COMMENT_CLOSE, p + COMMENT_OPEN.length);
	if (close < 0) return null;
	const end = close + COMMENT_CLOSE.length;
	for (let i = end; i < line.length; i++) {
		const c = line.charCodeAt(i);
		if (c !== 32 && c !== 9) return null;
	}
	return { start: p, end, raw: line.slice(p, end) };
}
