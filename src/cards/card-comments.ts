/**
 * Where a card's scheduling comment is (docs/format.md, "Where a card's comment is read"): the
 * first one in the card's lines, as the Spaced Repetition plugin reads it: anywhere in a text
 * line (outside code and other comments), or alone on a line after the card's text. Every further
 * comment of the card is reported, not used.
 */
import type { CommentLocation, NoteProblem } from "../model/card";
import type { Cut } from "./card-text";
import { forEachComment, isAloneOnLine, ownLineComment, type FoundComment } from "./comment-in-line";
import { isScheduleCallout } from "./callout-titles";
import { containerOf } from "./container";
import { Mark } from "./line-marks";
import { LineKind } from "./regions";

/** The parts of a note the comments of its cards are searched in. */
export interface CommentNote {
	lines: readonly string[];
	/** Each line as card markers see it (other comments blanked out). */
	visible: readonly string[];
	/** Each line's `LineKind`. */
	kind: Uint8Array;
	/** Each line's marks (`Mark.Scheduling` where `<!--SR:` occurs). */
	marks: Uint8Array;
}

/** What {@link cardComment} found for a card's lines. */
export interface CommentFinding {
	comment: CommentLocation | null;
	/** Where the comment is cut out of the card's text (null without a comment). */
	cut: Cut | null;
	/** Last line of card text: the lines after it hold only scheduling comments. */
	lastText: number;
}

/** A found comment with its line, built in `CommentLocation`'s field order (it becomes the card's). */
function located(found: FoundComment, line: number, ownLine: boolean): CommentLocation {
	return { line, start: found.start, end: found.end, raw: found.raw, ownLine };
}

/**
 * The scheduling comment of a card whose lines are `from..to`: the first comment in its text
 * lines, in order, then in the lines at its end that hold only a comment. Every further comment
 * is reported in `problems`, naming the card by `cardLine`, its first line.
 */
export function cardComment(note: CommentNote, from: number, to: number, problems: NoteProblem[], cardLine: number = from): CommentFinding {
	const { lines, visible, kind, marks } = note;
	let lastText = to;
	while (lastText >= from && (ownCommentOn(note, lastText) !== null || (lastText < to && isScheduleCalloutOn(note, lastText) && ownCommentOn(note, lastText + 1) !== null))) {
		lastText--;
	}
	// The first whole comment, else the first unterminated one (the other plugin reads one
	// without `-->` only when the card has no whole one).
	const taken: { comment: CommentLocation | null; open: CommentLocation | null } = { comment: null, open: null };
	const take = (found: FoundComment, line: number, ownLine: boolean): void => {
		if (!found.readable) {
			unreadable.push(line);
		} else if (!found.closed) {
			if (taken.open === null) taken.open = located(found, line, ownLine);
			else unterminated.push(line);
		} else if (taken.comment) {
			reportDuplicate(problems, line, cardLine);
		} else {
			taken.comment = located(found, line, ownLine);
		}
	};
	const unterminated: number[] = [];
	const unreadable: number[] = [];
	for (let i = from; i <= lastText; i++) {
		if (kind[i] !== LineKind.Text || (marks[i] & Mark.Scheduling) === 0) continue;
		const line = lines[i];
		forEachComment(line, visible[i], (found) => take(found, i, isAloneOnLine(line, containerOf(line).contentStart, found.start, found.end)));
	}
	for (let i = lastText + 1; i <= to; i++) {
		const own = ownCommentOn(note, i);
		if (own) take(own, i, true);
	}
	const comment = taken.comment ?? taken.open;
	if (taken.open !== null) reportUnterminated(problems, taken.open.line, comment === taken.open);
	for (const line of unterminated) reportUnterminated(problems, line, false);
	for (const line of unreadable) {
		problems.push({ code: "unterminated-comment", line, message: "The scheduling comment here has no closing `-->` and holds no segment (`!…`); it is not read." });
	}
	return { comment, cut: comment === null ? null : { line: comment.line, start: comment.start, end: comment.end }, lastText };
}

/** The scheduling comment alone on text line `i` (container prefix and whitespace aside), if any. */
export function ownCommentOn(note: CommentNote, i: number): FoundComment | null {
	if (note.kind[i] !== LineKind.Text || (note.marks[i] & Mark.Scheduling) === 0) return null;
	const line = note.lines[i];
	return ownLineComment(line, containerOf(line).contentStart);
}

/**
 * Line `i` of the note is `> [!sr|card-metadata]`, the header of the callout that holds a
 * card's comment on its next line in the Spaced Repetition plugin 1.15 (docs/format.md,
 * "Where a card's comment is read").
 */
export function isScheduleCalloutOn(note: CommentNote, i: number): boolean {
	return note.kind[i] === LineKind.Text && isScheduleCallout(note.visible[i]);
}

/** Reports a scheduling comment without `-->` on `line`, read as the card's (`used`) or not. */
function reportUnterminated(problems: NoteProblem[], line: number, used: boolean): void {
	problems.push({
		code: "unterminated-comment",
		line,
		message: used
			? "The scheduling comment here has no closing `-->`; it is read up to the end of the line, and the next answer writes it whole."
			: "The scheduling comment here has no closing `-->`; it is not used, the card has another one.",
	});
}

/**
 * Reports every scheduling comment on text lines outside `cards` (in line order, sharing no
 * line): no card reads it. Each marked line is looked at once.
 */
export function reportUnreadComments(note: CommentNote, cards: readonly { card: { startLine: number; endLine: number } }[], problems: NoteProblem[]): void {
	const { lines, visible, kind, marks } = note;
	let c = 0;
	for (let i = 0; i < lines.length; i++) {
		if ((marks[i] & Mark.Scheduling) === 0 || kind[i] !== LineKind.Text) continue;
		while (c < cards.length && cards[c].card.endLine < i) c++;
		if (c < cards.length && cards[c].card.startLine <= i) continue;
		let reported = false;
		forEachComment(lines[i], visible[i], () => {
			if (reported) return;
			reported = true;
			problems.push({ code: "unread-comment", line: i, message: "This scheduling comment belongs to no card (a card's comment goes on its lines or alone on the line after it); it is not read." });
		});
	}
}

/** Reports the extra scheduling comment on `line` of the card that starts on `cardLine`. */
function reportDuplicate(problems: NoteProblem[], line: number, cardLine: number): void {
	problems.push({
		code: "duplicate-comment",
		line,
		message: `The card at line ${cardLine + 1} has more than one scheduling comment; only the one where the card's comment belongs is used.`,
	});
}
