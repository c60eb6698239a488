/**
 * Scheduling comments `<!--SR:…-->` (docs/format.md, "Scheduling comments"): reading a whole comment into its segments.
 * A segment that cannot be read is kept as `unreadable` (with the reason) so the sibling is
 * reviewed as new and the check command can report it; nothing is ever read as NaN.
 *
 * The pieces live in their own modules (re-exported here, where they were first exported):
 * the comment's written form in `comment-format.ts`, the general segment reader in `segment.ts`,
 * the fast in-place readers in `segment-in-place.ts`, finding a comment in a line in
 * `comment-in-line.ts`.
 */
import type { SegmentState, SiblingMarks } from "../model/card";
import { Char } from "../model/char-codes";
import { COMMENT_CLOSE, COMMENT_OPEN } from "./comment-format";
import { classicAt, fsrsAt } from "./segment-in-place";
import { readSegment } from "./segment";
import { marksAt, marksStart } from "./segment-marks";

export { readSegment } from "./segment";

/**
 * Reads a scheduling comment, `<!--SR:` + segments + `-->` (surrounding spaces allowed), or
 * `<!--SR:` + segments without `-->` (an unterminated comment, as the parser finds one ending a line).
 * Returns one state per segment in order, or null when `raw` is not a scheduling comment.
 * Classic segments: `!YYYY-MM-DD,interval,ease` (also `DD-MM-YYYY`, `ddd MMM DD YYYY`, and the old
 * form without `!`); FSRS: `!fsrs,DUE,interval,stability,difficulty,state,reps,lapses,step,LAST`.
 */
export function readSchedulingComment(raw: string): SegmentState[] | null {
	// A comment found in a line is exact: no trim (it copies) and no builtin calls to check it.
	const exact = isExactComment(raw);
	if (!exact && raw.startsWith(COMMENT_OPEN) && raw.indexOf(COMMENT_CLOSE, COMMENT_OPEN.length) < 0) {
		// Unterminated (`<!--SR:!2023-09-02,4,270` ending its line): read as far as it goes.
		return readBody(raw.slice(COMMENT_OPEN.length).trim());
	}
	const text = exact ? raw : raw.trim();
	if (exact ? false : text === raw || !text.startsWith(COMMENT_OPEN) || !text.endsWith(COMMENT_CLOSE)) return null;
	if (text.length < COMMENT_OPEN.length + COMMENT_CLOSE.length) return null;
	// The body is read in place (offsets into `text`): no slicing per segment on the common path.
	let from = COMMENT_OPEN.length;
	let to = text.length - COMMENT_CLOSE.length;
	while (from < to && text.charCodeAt(from) <= Char.Space && isTrimmed(text.charCodeAt(from))) from++;
	while (to > from && text.charCodeAt(to - 1) <= Char.Space && isTrimmed(text.charCodeAt(to - 1))) to--;
	// Other whitespace at either end (e.g. U+00A0) is trimmed by the general reader only.
	if (from === to || text.charCodeAt(from) > Char.Tilde || text.charCodeAt(to - 1) > Char.Tilde)
		return readBody(text.slice(COMMENT_OPEN.length, text.length - COMMENT_CLOSE.length).trim());
	const states: SegmentState[] = [];
	// Segments run from one "!" to the next; the old form has no leading "!".
	let start = text.charCodeAt(from) === Char.Bang ? from + 1 : from;
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
		raw.charCodeAt(0) === Char.LessThan &&
		raw.charCodeAt(1) === Char.Bang &&
		raw.charCodeAt(2) === Char.Dash &&
		raw.charCodeAt(3) === Char.Dash &&
		raw.charCodeAt(4) === Char.UpperS &&
		raw.charCodeAt(5) === Char.UpperR &&
		raw.charCodeAt(6) === Char.Colon &&
		raw.charCodeAt(n - 3) === Char.Dash &&
		raw.charCodeAt(n - 2) === Char.Dash &&
		raw.charCodeAt(n - 1) === Char.GreaterThan
	);
}

/** Space, tab and the line-breaking controls: the whitespace `trim` removes below 33. */
function isTrimmed(c: number): boolean {
	return c === Char.Space || (c >= Char.Tab && c <= Char.CarriageReturn);
}

/** The general reader, on the comment's body without its delimiters. */
function readBody(body: string): SegmentState[] {
	if (body === "") return [];
	const states: SegmentState[] = [];
	let start = body.charCodeAt(0) === Char.Bang ? 1 : 0;
	for (;;) {
		const bang = body.indexOf("!", start);
		const end = bang < 0 ? body.length : bang;
		const raw = body.slice(start, end);
		const part = raw.charCodeAt(0) <= Char.Space || raw.charCodeAt(raw.length - 1) <= Char.Space ? raw.trim() : raw;
		const marks = marksAt(part, 0, part.length);
		states.push(withMarks(readSegment(marks ? part.slice(0, marksStart) : part), marks));
		if (bang < 0) return states;
		start = bang + 1;
	}
}

/** Segment `text[start..end)` with the marks that may end it (docs/format.md, "Suspended and flagged cards"). */
function readSegmentAt(text: string, start: number, end: number): SegmentState {
	const marks = marksAt(text, start, end);
	return marks ? withMarks(readScheduleAt(text, start, marksStart), marks) : readScheduleAt(text, start, end);
}

/** A state with `marks` attached (a copy: states may be shared). */
function withMarks(state: SegmentState, marks: SiblingMarks | undefined): SegmentState {
	if (marks === undefined || state.kind === "absent") return state;
	return { ...state, marks };
}

/** Segment `text[start..end)`: the common forms read in place, anything else by {@link readSegment}. */
function readScheduleAt(text: string, start: number, end: number): SegmentState {
	const fast = text.charCodeAt(start) === Char.LowerF ? fsrsAt(text, start, end) : classicAt(text, start, end);
	if (fast) return fast;
	const part = text.slice(start, end);
	return readSegment(part.charCodeAt(0) <= Char.Space || part.charCodeAt(part.length - 1) <= Char.Space ? part.trim() : part);
}
