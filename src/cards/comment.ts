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
	const text = raw.trim();
	if (!text.startsWith(COMMENT_OPEN) || !text.endsWith(COMMENT_CLOSE)) return null;
	if (text.length < COMMENT_OPEN.length + COMMENT_CLOSE.length) return null;
	const body = text.slice(COMMENT_OPEN.length, text.length - COMMENT_CLOSE.length).trim();
	if (body === "") return [];
	const states: SegmentState[] = [];
	// Segments run from one "!" to the next; the old form has no leading "!".
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
