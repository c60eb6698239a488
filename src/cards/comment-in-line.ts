/**
 * Finding a scheduling comment in a line (docs/format.md, "Scheduling comments"): at the end of a card's last line, or
 * alone on a line of its own. Reading what it says is `readSchedulingComment`'s job.
 */
import { Char } from "../model/char-codes";
import { COMMENT_CLOSE, COMMENT_OPEN } from "./comment-format";

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
	while (end > 0 && (line.charCodeAt(end - 1) === Char.Space || line.charCodeAt(end - 1) === Char.Tab)) end--;
	if (end < 10 || line.charCodeAt(end - 1) !== Char.GreaterThan || line.charCodeAt(end - 2) !== Char.Dash || line.charCodeAt(end - 3) !== Char.Dash)
		return null;
	for (let start = end - 10; start >= 0; start--) {
		if (line.charCodeAt(start) !== Char.LessThan || !line.startsWith(COMMENT_OPEN, start)) continue;
		// The comment must run from its opening to the end: no "-->" inside.
		const close = line.indexOf(COMMENT_CLOSE, start + COMMENT_OPEN.length);
		return close === end - 3 ? { start, end, raw: line.slice(start, end) } : null;
	}
	return null;
}

/** The scheduling comment when it is alone on `line` after offset `contentStart` (spaces aside). */
export function ownLineComment(line: string, contentStart: number): FoundComment | null {
	let p = contentStart;
	while (line.charCodeAt(p) === Char.Space || line.charCodeAt(p) === Char.Tab) p++;
	if (line.charCodeAt(p) !== Char.LessThan || !line.startsWith(COMMENT_OPEN, p)) return null;
	const close = line.indexOf(COMMENT_CLOSE, p + COMMENT_OPEN.length);
	if (close < 0) return null;
	const end = close + COMMENT_CLOSE.length;
	for (let i = end; i < line.length; i++) {
		const c = line.charCodeAt(i);
		if (c !== Char.Space && c !== Char.Tab) return null;
	}
	return { start: p, end, raw: line.slice(p, end) };
}
