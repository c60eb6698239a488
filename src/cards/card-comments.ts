/**
 * Where a card's scheduling comment is (docs/format.md, "Scheduling comments"): alone on lines after the card's text, or
 * at the end of its last text line. A second comment for the same card is reported, not used.
 */
import type { CommentLocation, NoteProblem } from "../model/card";
import type { Cut } from "./card-text";
import { ownLineComment, trailingComment, type FoundComment } from "./comment-in-line";
import { containerOf } from "./container";
import { LineKind } from "./regions";

/** What {@link endComment} found for a card's lines. */
export interface CommentFinding {
	comment: CommentLocation | null;
	/** Where the last text line is cut (it ends with a scheduling comment). */
	cut: Cut | null;
	/** Last line of card text (before own-line comments). */
	lastText: number;
}

/** A found comment with its line, built in `CommentLocation`'s field order (it becomes the card's). */
export function located(found: FoundComment, line: number, ownLine: boolean): CommentLocation {
	return { line, start: found.start, end: found.end, raw: found.raw, ownLine };
}

/**
 * The scheduling comment of a multi-line or cloze card whose text lines are `from..to`: the
 * first of the comments alone on the last lines, or else one ending the last text line.
 * Every further comment is reported in `problems`, naming the card by `cardLine`, its first line
 * (a multi-line card's comments are searched in its answer, which starts below the question).
 */
export function endComment(
	lines: readonly string[],
	kind: Uint8Array,
	from: number,
	to: number,
	problems: NoteProblem[],
	cardLine: number = from,
): CommentFinding {
	let cut: Cut | null = null;
	let comment: CommentLocation | null = null;
	let lastText = to;
	while (lastText >= from) {
		const own = ownCommentOn(lines, kind, lastText);
		if (!own) break;
		if (comment) reportDuplicate(problems, lastText, cardLine);
		else comment = located(own, lastText, true);
		lastText--;
	}
	if (lastText >= from && kind[lastText] === LineKind.Text) {
		const trailing = trailingComment(lines[lastText]);
		if (trailing) {
			cut = { line: lastText, at: trailing.start };
			if (comment) reportDuplicate(problems, lastText, cardLine);
			else comment = located(trailing, lastText, false);
		}
	}
	return { comment, cut, lastText };
}

/** The scheduling comment alone on text line `i` (container prefix and spaces aside), if any. */
export function ownCommentOn(lines: readonly string[], kind: Uint8Array, i: number): FoundComment | null {
	if (kind[i] !== LineKind.Text) return null;
	const line = lines[i];
	return ownLineComment(line, containerOf(line).contentStart);
}

/** Reports the extra scheduling comment on `line` of the card that starts on `cardLine`. */
export function reportDuplicate(problems: NoteProblem[], line: number, cardLine: number): void {
	problems.push({
		code: "duplicate-comment",
		line,
		message: `The card at line ${cardLine + 1} has more than one scheduling comment; only the one where the card's comment belongs is used.`,
	});
}
