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
	const parts = body.split("!");
	// `!a!b` splits into ["", "a", "b"]; the old form `a` has no leading "!".
	if (parts[0].trim() === "") parts.shift();
	return parts.map((part) => readSegment(part.trim()));
}

/** Reads one segment (without its leading `!`). */
export function readSegment(segment: string): SegmentState {
	const fields = segment.split(",").map((f) => f.trim());
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
	if (text.startsWith("-") && /^-\d+(\.\d+)?$/.test(text)) return `${name} ${text} is negative`;
	if (!/^\d+(\.\d+)?$/.test(text)) return `${name} "${text}" is not a number`;
	const value = Number(text);
	if (!Number.isFinite(value) || value > max) return `${name} ${text} is out of range (0–${max})`;
	return value;
}

function isMoment(text: string): boolean {
	return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text) && !Number.isNaN(Date.parse(text));
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
	const start = line.lastIndexOf(COMMENT_OPEN);
	if (start < 0) return null;
	const close = line.indexOf(COMMENT_CLOSE, start + COMMENT_OPEN.length);
	if (close < 0) return null;
	const end = close + COMMENT_CLOSE.length;
	for (let i = end; i < line.length; i++) {
		const c = line.charCodeAt(i);
		if (c !== 32 && c !== 9) return null;
	}
	return { start, end, raw: line.slice(start, end) };
}

/** The scheduling comment when it is alone on `line` after offset `contentStart` (spaces aside). */
export function ownLineComment(line: string, contentStart: number): FoundComment | null {
	let p = contentStart;
	while (line.charCodeAt(p) === 32 || line.charCodeAt(p) === 9) p++;
	if (!line.startsWith(COMMENT_OPEN, p)) return null;
	const found = trailingComment(line);
	return found && found.start === p ? found : null;
}
