/**
 * Formatting of scheduling comments (docs/format.md, "Scheduling comments"): one segment per sibling,
 * concatenated inside `<!--SR:` … `-->`, exactly as the Spaced Repetition plugin writes them.
 *
 * Formatting never produces `NaN`, `Infinity`, exponent notation or a malformed date: a
 * schedule that cannot be written faithfully makes it throw {@link ScheduleFormatError},
 * so the caller can refuse the write instead of corrupting the note.
 */
import type { ClassicSchedule, FsrsSchedule, Schedule } from "../model/schedule";

/** Segment of a sibling that was never reviewed ("new"), as the other plugin writes it. */
export const NEW_SEGMENT = "!2000-01-01,1,250";

/** Opening and closing of a scheduling comment. */
export const COMMENT_OPEN = "<!--SR:";
export const COMMENT_CLOSE = "-->";

/** Decimals kept in FSRS numbers (docs/scheduling.md: at most 4). */
const FSRS_DECIMALS = 4;

/** Thrown when a schedule holds a value that cannot be written (NaN, negative, bad date …). */
export class ScheduleFormatError extends Error {
	/** Name of the schedule field at fault, e.g. `interval`. */
	readonly field: string;

	constructor(field: string, message: string) {
		super(message);
		this.name = "ScheduleFormatError";
		this.field = field;
	}
}

/**
 * Formats one sibling's segment.
 * - `null` → the "new" placeholder `!2000-01-01,1,250`;
 * - classic → `!YYYY-MM-DD,interval,ease` (interval as its shortest exact decimal, ease rounded
 *   to an integer);
 * - FSRS → `!fsrs,DUE,interval,stability,difficulty,state,reps,lapses,learningStep,LAST` with
 *   numbers rounded to at most 4 decimals without trailing zeros and LAST `-` when null.
 * @throws ScheduleFormatError when a value is not finite, negative, or a date is malformed.
 */
export function formatSegment(schedule: Schedule | null): string {
	if (schedule === null) return NEW_SEGMENT;
	if (schedule.type === "classic") return formatClassic(schedule);
	return formatFsrs(schedule);
}

/**
 * Wraps formatted segments into a scheduling comment. Segments are concatenated directly,
 * e.g. `<!--SR:!2025-05-06,1,170!2025-05-07,2,150-->`.
 */
export function formatComment(segments: readonly string[]): string {
	return COMMENT_OPEN + segments.join("") + COMMENT_CLOSE;
}

function formatClassic(schedule: ClassicSchedule): string {
	if (!isCalendarDay(schedule.due)) {
		throw new ScheduleFormatError("due", `Due date "${String(schedule.due)}" is not a YYYY-MM-DD day.`);
	}
	const interval = nonNegative("interval", schedule.interval);
	const ease = Math.round(nonNegative("ease", schedule.ease));
	return `!${schedule.due},${plainDecimal(interval)},${ease}`;
}

function formatFsrs(schedule: FsrsSchedule): string {
	if (!isIsoMoment(schedule.due)) {
		throw new ScheduleFormatError("due", `Due moment "${String(schedule.due)}" is not an ISO 8601 timestamp.`);
	}
	if (schedule.lastReview !== null && !isIsoMoment(schedule.lastReview)) {
		throw new ScheduleFormatError("lastReview", `Last review "${String(schedule.lastReview)}" is not an ISO 8601 timestamp.`);
	}
	if (![0, 1, 2, 3].includes(schedule.state)) {
		throw new ScheduleFormatError("state", `FSRS state ${String(schedule.state)} is not 0, 1, 2 or 3.`);
	}
	const fields = [
		"fsrs",
		schedule.due,
		rounded("interval", schedule.interval),
		rounded("stability", schedule.stability),
		rounded("difficulty", schedule.difficulty),
		String(schedule.state),
		count("reps", schedule.reps),
		count("lapses", schedule.lapses),
		count("learningStep", schedule.learningStep),
		schedule.lastReview ?? "-",
	];
	return "!" + fields.join(",");
}

function nonNegative(field: string, value: number): number {
	if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
		throw new ScheduleFormatError(field, `${field} ${String(value)} is not a finite number ≥ 0.`);
	}
	return value === 0 ? 0 : value; // folds -0 into 0
}

/** A non-negative number with at most 4 decimals, trailing zeros dropped. */
function rounded(field: string, value: number): string {
	const checked = nonNegative(field, value);
	const factor = 10 ** FSRS_DECIMALS;
	return plainDecimal(Math.round(checked * factor) / factor);
}

/** A non-negative integer count. */
function count(field: string, value: number): string {
	const checked = nonNegative(field, value);
	if (!Number.isInteger(checked)) {
		throw new ScheduleFormatError(field, `${field} ${String(value)} is not a whole number.`);
	}
	return plainDecimal(checked);
}

/**
 * The shortest decimal that reads back as exactly `value`, without exponent notation
 * (JavaScript writes 1e-7 and 1e21 in exponent form, which no reader of the comment expects).
 */
export function plainDecimal(value: number): string {
	const text = String(value);
	const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
	if (match === null) return text;
	const [, sign, lead, rest = "", exponentText] = match;
	const digits = lead + rest;
	const point = 1 + Number(exponentText); // position of the decimal point within `digits`
	if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
	if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length);
	return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** `YYYY-MM-DD` naming a real calendar day. */
function isCalendarDay(value: unknown): value is string {
	if (typeof value !== "string") return false;
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (match === null) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An ISO 8601 date-time with a zone (`Z` or `±hh:mm`) that names a real moment. */
function isIsoMoment(value: unknown): value is string {
	if (typeof value !== "string") return false;
	const pattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;
	if (!pattern.test(value)) return false;
	return isCalendarDay(value.slice(0, 10)) && Number.isFinite(Date.parse(value));
}
