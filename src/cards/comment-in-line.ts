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
 * The scheduling comment when it is alone on `line` after offset `contentStart` (whitespace
 * aside, a no-break space included), or null.
 */
export function ownLineComment(line: string, contentStart: number): FoundComment | null {
	let p = contentStart;
	while (isWhitespace(line.charCodeAt(p))) p++;
	if (line.charCodeAt(p) !== Char.LessThan || !line.startsWith(COMMENT_OPEN, p)) return null;
	const found = commentAt(line, line, p);
	return found !== null && found.readable && isBlankText(line, found.end) ? found : null;
}

/**
 * The scheduling comment that starts at `at` (where `visible` holds `<!--SR:`): up to the next
 * `-->`, or, without one, up to the end of the line (whitespace aside); such a comment is
 * readable only when its body starts with `!`, as every segment does.
 */
function commentAt(line: string, visible: string, at: number): FoundComment {
	const close = visible.indexOf(COMMENT_CLOSE, at + COMMENT_OPEN.length);
	if (close >= 0) return { start: at, end: close + COMMENT_CLOSE.length, raw: line.slice(at, close + COMMENT_CLOSE.length), closed: true, readable: true };
	let body = at + COMMENT_OPEN.length;
	while (isWhitespace(line.charCodeAt(body))) body++;
	let end = line.length;
	while (end > body && isWhitespace(line.charCodeAt(end - 1))) end--;
	return { start: at, end, raw: line.slice(at, end), closed: false, readable: line.charCodeAt(body) === Char.Bang };
}

/**
 * Calls `visit` with each scheduling comment of a text line, in order: `<!--SR:` up to the next
 * `-->` (or an unterminated one, see {@link commentAt}), outside inline code. `visible` is the line with its other comments blanked out (a
 * scheduling comment inside one is not read); offsets are the same in both.
 */
export function forEachComment(line: string, visible: string, visit: (found: FoundComment) => void): void {
	let at = visible.indexOf(COMMENT_OPEN);
	if (at < 0) return;
	const tick = visible.indexOf("`");
	let code: readonly number[] | null = null;
	let span = 0;
	while (at >= 0) {
		const found = commentAt(line, visible, at);
		const end = found.end;
		// Only a code span that starts before the comment can hold it.
		if (code === null && tick >= 0 && tick < at) code = scanInline(visible, 0, false).spans;
		if (code !== null) while (span < code.length && code[span + 1] <= at) span += 3;
		const inCode = code !== null && span < code.length && code[span] <= at && code[span + 2] === SpanKind.Code;
		if (!inCode) visit(found);
		at = visible.indexOf(COMMENT_OPEN, inCode && code !== null ? code[span + 1] : end);
	}
}

/** True when `line` holds only whitespace before `start` (after offset `from`) and after `end`. */
export function isAloneOnLine(line: string, from: number, start: number, end: number): boolean {
	for (let i = from; i < start; i++) if (!isWhitespace(line.charCodeAt(i))) return false;
	return isBlankText(line, end);
}

/** Space, tab, and the other whitespace `isBlankText` accepts (a no-break space among them). */
function isWhitespace(c: number): boolean {
	return c === Char.Space || c === Char.Tab || c === Char.NoBreakSpace || c === Char.ByteOrderMark || c === Char.VerticalTab || c === Char.FormFeed;
}
