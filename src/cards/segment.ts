/**
 * The general reader of one scheduling segment (docs/format.md, "Scheduling comments"): every accepted form, and the
 * reason when a segment cannot be read. The common forms are read faster in place by
 * `segment-in-place.ts`; this reader takes everything else, and gives the same states.
 */
import type { ClassicSchedule, FsrsSchedule } from "../model/schedule";
import { formatDay, isDay } from "../model/days";
import type { SegmentState } from "../model/card";
import { Char } from "../model/char-codes";
import { MAX_COUNT, MAX_DIFFICULTY, MAX_EASE, MAX_INTERVAL, MAX_STABILITY, MAX_STATE, NEW_PLACEHOLDER_DAY, daysInMonth } from "./comment-format";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

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
		[difficultyText, "difficulty", MAX_DIFFICULTY, false],
		[stateText, "state", MAX_STATE, true],
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

/** `digits` or `digits.digits` from offset `from` to the end (a hand loop: this runs per field). */
function isDecimal(text: string, from: number): boolean {
	let digits = 0;
	let dot = -1;
	for (let i = from; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c >= Char.Digit0 && c <= Char.Digit9) digits++;
		else if (c === Char.Dot && dot < 0 && digits > 0) dot = i;
		else return false;
	}
	return digits > 0 && dot !== text.length - 1;
}

const MOMENT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** An ISO 8601 moment with a real date and time of day (no Date.parse: it is lenient and slow). */
function isMoment(text: string): boolean {
	const m = MOMENT.exec(text);
	if (!m) return false;
	const month = Number(m[2]);
	const date = Number(m[3]);
	return (
		month >= 1 && month <= 12 && date >= 1 && date <= daysInMonth(Number(m[1]), month) && Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6] ?? 0) < 61
	);
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
