/**
 * Finding scheduling comments in a line (docs/format.md, "Scheduling comments"): anywhere in a
 * card's text, as the Spaced Repetition plugin finds them, or alone on a line of its own. Reading
 * what a comment says is `readSchedulingComment`'s job.
 */
import { Char } from "../model/char-codes";
import { COMMENT_CLOSE, COMMENT_OPEN } from "./comment-format";
import { isBlankText } from "./container";
import { scanInline, SpanKind } from "./inline";

/** Where a scheduling comment sits in a line. */
export interface FoundComment {
	start: number;
	end: number;
	raw: string;
	/**
	 * False for a comment without `-->`: `<!--SR:!…` up to the end of its line (whitespace
	 * aside), read as the Spaced Repetition plugin reads it, as far as it goes.
	 */
	closed: boolean;
	/** False for an unterminated comment whose body does not start with `!`: it is reported, never read. */
	readable: boolean;
}

/**
 * Where the scheduling comment that is alone on `line` after offset `contentStart` starts
 * (whitespace aside, a no-break space included), or -1. A block id may follow it
 * (`<!--SR:…--> ^abc123`, as the Spaced Repetition plugin writes it in its callout form). An
 * unterminated one counts when it is readable (see {@link commentAt}).
 */
export function ownLineCommentStart(line: string, contentStart: number): number {
	let p = contentStart;
	while (isWhitespace(line.charCodeAt(p))) p++;
	if (line.charCodeAt(p) !== Char.LessThan || !line.startsWith(COMMENT_OPEN, p)) return -1;
	const close = line.indexOf(COMMENT_CLOSE, p + COMMENT_OPEN.length);
	if (close >= 0) return isBlankText(line, close + COMMENT_CLOSE.length) || isBlockIdAt(line, close + COMMENT_CLOSE.length) ? p : -1;
	// Unterminated: it runs to the end of the line, and is readable when its body starts with `!`.
	let body = p + COMMENT_OPEN.length;
	while (isWhitespace(line.charCodeAt(body))) body++;
	return line.charCodeAt(body) === Char.Bang ? p : -1;
}

/**
 * The scheduling comment that starts at `at` (where `visible` holds `<!--SR:`): up to the next
 * `-->`, or, without one, up to the end of the line (whitespace aside); such a comment is
 * readable only when its body starts with `!`, as every segment does.
 */
export function commentAt(line: string, visible: string, at: number): FoundComment {
	const close = visible.indexOf(COMMENT_CLOSE, at + COMMENT_OPEN.length);
	if (close >= 0) return { start: at, end: close + COMMENT_CLOSE.length, raw: line.slice(at, close + COMMENT_CLOSE.length), closed: true, readable: true };
	let body = at + COMMENT_OPEN.length;
	while (isWhitespace(line.charCodeAt(body))) body++;
	let end = line.length;
	while (end > body && isWhitespace(line.charCodeAt(end - 1))) end--;
	return { start: at, end, raw: line.slice(at, end), closed: false, readable: line.charCodeAt(body) === Char.Bang };
}

/**
 * The first scheduling comment of a text line that starts at or after `from`: `<!--SR:` up to
 * the next `-->` (or an unterminated one, see {@link commentAt}), outside inline code; null when
 * there is none. `visible` is the line with its other comments blanked out (a scheduling comment
 * inside one is not read); offsets are the same in both. Call again from the previous `end`.
 */
export function commentFrom(line: string, visible: string, from: number): FoundComment | null {
	let at = visible.indexOf(COMMENT_OPEN, from);
	if (at < 0) return null;
	const tick = visible.indexOf("`");
	// Only a code span that starts before the comment can hold it.
	const code = tick >= 0 && tick < at ? scanInline(visible, 0, false).spans : NO_SPANS;
	let span = 0;
	while (at >= 0) {
		while (span < code.length && code[span + 1] <= at) span += 3;
		if (span < code.length && code[span] <= at && code[span + 2] === SpanKind.Code) {
			at = visible.indexOf(COMMENT_OPEN, code[span + 1]);
			continue;
		}
		return commentAt(line, visible, at);
	}
	return null;
}

const NO_SPANS: readonly number[] = [];

/** True when `line` holds only whitespace before `start` (after offset `from`) and after `end`. */
export function isAloneOnLine(line: string, from: number, start: number, end: number): boolean {
	for (let i = from; i < start; i++) if (!isWhitespace(line.charCodeAt(i))) return false;
	return isBlankText(line, end);
}

/** True when `line` from `from` on is whitespace, then a block id ` ^id` (letters, digits, `-`), then whitespace. */
function isBlockIdAt(line: string, from: number): boolean {
	let p = from;
	while (isWhitespace(line.charCodeAt(p))) p++;
	if (p === from || line.charCodeAt(p) !== Char.Caret) return false;
	let q = p + 1;
	while (isIdChar(line.charCodeAt(q))) q++;
	return q > p + 1 && isBlankText(line, q);
}

function isIdChar(c: number): boolean {
	return (c >= Char.Digit0 && c <= Char.Digit9) || (c >= Char.UpperA && c <= Char.UpperZ) || (c >= Char.LowerA && c <= Char.LowerZ) || c === Char.Dash;
}

/** Space, tab, and the other whitespace `isBlankText` accepts (a no-break space among them). */
function isWhitespace(c: number): boolean {
	return c === Char.Space || c === Char.Tab || c === Char.NoBreakSpace || c === Char.ByteOrderMark || c === Char.VerticalTab || c === Char.FormFeed;
}
