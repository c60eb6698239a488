/**
 * Building a card's text and its `source` from its lines: container prefixes removed, the
 * scheduling comment and a trailing block id (` ^id`) left out, as docs/format.md, "Card kinds" and docs/cli.md say.
 */
import { Char } from "../model/char-codes";
import { stripContainer } from "./container";

/** A line that holds the card's scheduling comment: the text leaves out `start..end`. */
export interface Cut {
	line: number;
	start: number;
	end: number;
}

/** `line` (line `i`) without the part `cut` leaves out. */
function cutLine(line: string, i: number, cut: Cut | null): string {
	return cut !== null && cut.line === i ? line.slice(0, cut.start) + line.slice(cut.end) : line;
}

/** Lines `from..to` as card text: prefixes of `depth` callouts stripped, a comment cut, trimmed. */
export function textOf(lines: readonly string[], from: number, to: number, depth: number, cut: Cut | null): string {
	let text = "";
	for (let i = from; i <= to; i++) {
		let line = cutLine(lines[i], i, cut);
		if (depth > 0) line = stripContainer(line, depth);
		text = i === from ? line : `${text}\n${line}`;
	}
	return withoutBlockId(text).trim();
}

/**
 * A card's text as {@link textOf} builds it, and beside it the same text in which every character
 * that card markers never see (fenced code, math, comments) is a space; `mask` is null when the
 * lines hide nothing. Clozes search their deletions in the mask and take their text from `text`.
 */
export interface MaskedText {
	text: string;
	mask: string | null;
}

/**
 * Lines `from..to` as card text, like {@link textOf}, with their mask: `maskOf(i)` gives line
 * `i` with its hidden characters as spaces (the same length as the line), or null when it hides
 * nothing.
 */
export function maskedTextOf(
	lines: readonly string[],
	maskOf: (i: number) => string | null,
	from: number,
	to: number,
	depth: number,
	cut: Cut | null,
): MaskedText {
	let masked = false;
	for (let i = from; i <= to && !masked; i++) masked = maskOf(i) !== null;
	if (!masked) return { text: textOf(lines, from, to, depth, cut), mask: null };
	let text = "";
	let mask = "";
	for (let i = from; i <= to; i++) {
		let line = cutLine(lines[i], i, cut);
		let hidden = cutLine(maskOf(i) ?? lines[i], i, cut);
		if (depth > 0) {
			// The prefix is read from the line as written; the mask may have blanked it.
			const prefix = line.length - stripContainer(line, depth).length;
			line = line.slice(prefix);
			hidden = hidden.slice(prefix);
		}
		text = i === from ? line : `${text}\n${line}`;
		mask = i === from ? hidden : `${mask}\n${hidden}`;
	}
	const head = text.slice(0, withoutBlockId(text).length);
	const trimmed = head.trim();
	if (trimmed === "") return { text: "", mask: "" };
	const start = head.length - head.trimStart().length;
	return { text: trimmed, mask: mask.slice(start, start + trimmed.length) };
}

/** `text` without a trailing block id ` ^id` (letters, digits and `-`). */
export function withoutBlockId(text: string): string {
	// Most texts have no `^` at all: one native forward search settles it.
	if (text.indexOf("^") < 0) return text;
	const end = trimEndIndex(text);
	let caret = end - 1;
	while (caret > 0 && isIdChar(text.charCodeAt(caret))) caret--;
	if (caret <= 0 || caret === end - 1 || text.charCodeAt(caret) !== Char.Caret) return text;
	const before = text.charCodeAt(caret - 1);
	if (before !== Char.Space && before !== Char.Tab) return text;
	return text.slice(0, caret);
}

function isIdChar(c: number): boolean {
	return (c >= Char.Digit0 && c <= Char.Digit9) || (c >= Char.UpperA && c <= Char.UpperZ) || (c >= Char.LowerA && c <= Char.LowerZ) || c === Char.Dash;
}

function trimEndIndex(text: string): number {
	let end = text.length;
	while (end > 0 && text.charCodeAt(end - 1) <= Char.Space) end--;
	return end;
}

/**
 * The card's lines as in the file joined with "\n", with its scheduling comment removed: an
 * own-line comment drops its line, any other comment cuts its line at the comment (the spaces
 * before it too), so the source is the same before and after the writer adds a comment; what
 * follows the comment on its line (a block id) stays with the comment, as a card edit keeps it.
 */
export function sourceOf(lines: readonly string[], from: number, to: number, comment: { line: number; start: number; ownLine: boolean } | null): string {
	let source = "";
	let first = true;
	for (let i = from; i <= to; i++) {
		let line = lines[i];
		if (comment && comment.line === i) {
			if (comment.ownLine) continue;
			line = line.slice(0, comment.start).trimEnd();
		}
		source = first ? line : `${source}\n${line}`;
		first = false;
	}
	return source;
}
