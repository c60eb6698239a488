/**
 * Where a card's scheduling comment is (docs/format.md, "Where a card's comment is read"): the
 * first one in the card's lines, as the Spaced Repetition plugin reads it: anywhere in a text
 * line (outside code and other comments), or alone on a line after the card's text. Every further
 * comment of the card is reported, not used.
 */
import type { CommentLocation, NoteProblem } from "../model/card";
import type { Cut } from "./card-text";
import { commentAt, commentFrom, isAloneOnLine, ownLineCommentStart, type FoundComment } from "./comment-in-line";
import { isScheduleCallout } from "./callout-titles";
import { containerOf } from "./container";
import { Mark } from "./line-marks";
import { LineKind } from "./line-kinds";

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
	// The lines at the end that hold only a comment (or the callout header above one).
	let lastText = to;
	for (; lastText >= from; lastText--) {
		if (ownCommentStart(note, lastText) >= 0) continue;
		if (lastText === to || !isScheduleCalloutOn(note, lastText) || ownCommentStart(note, lastText + 1) < 0) break;
	}
	const picker = PICKER.start(problems, cardLine);
	for (let i = from; i <= lastText; i++) {
		if (kind[i] !== LineKind.Text || (marks[i] & Mark.Scheduling) === 0) continue;
		const line = lines[i];
		const shown = visible[i];
		for (let found = commentFrom(line, shown, 0); found !== null; found = found.end < line.length ? commentFrom(line, shown, found.end) : null) {
			picker.take(found, i, isAloneOnLine(line, containerOf(line).contentStart, found.start, found.end));
		}
	}
	for (let i = lastText + 1; i <= to; i++) {
		const start = ownCommentStart(note, i);
		if (start < 0) continue;
		// Alone on its line, or followed by a block id (then the line is not the comment's only).
		const found = commentAt(lines[i], lines[i], start);
		picker.take(found, i, isAloneOnLine(lines[i], start, start, found.end));
	}
	const comment = picker.finish();
	// The comment's location is the cut (its line, start and end).
	return { comment, cut: comment, lastText };
}

/**
 * Chooses a card's comment among those met in line order: the first whole one, else the first
 * unterminated one (the other plugin reads one without `-->` only when the card has no whole
 * one); reports the others. One instance, reused: parsing never runs two searches at once.
 */
class CommentPicker {
	private comment: CommentLocation | null = null;
	private open: CommentLocation | null = null;
	private problems: NoteProblem[] = [];
	private cardLine = 0;

	start(problems: NoteProblem[], cardLine: number): this {
		this.comment = null;
		this.open = null;
		this.problems = problems;
		this.cardLine = cardLine;
		return this;
	}

	take(found: FoundComment, line: number, ownLine: boolean): void {
		if (!found.readable) {
			this.problems.push({
				code: "unterminated-comment",
				line,
				message: "The scheduling comment here has no closing `-->` and holds no segment (`!…`); it is not read.",
			});
		} else if (!found.closed) {
			if (this.open === null) this.open = located(found, line, ownLine);
			else reportUnterminated(this.problems, line, false);
		} else if (this.comment !== null) {
			reportDuplicate(this.problems, line, this.cardLine);
		} else {
			this.comment = located(found, line, ownLine);
		}
	}

	/** The chosen comment; the unterminated one, when there is one, is reported now. */
	finish(): CommentLocation | null {
		const chosen = this.comment ?? this.open;
		if (this.open !== null) reportUnterminated(this.problems, this.open.line, chosen === this.open);
		this.problems = NO_PROBLEMS;
		return chosen;
	}
}

const NO_PROBLEMS: NoteProblem[] = [];
const PICKER = new CommentPicker();

/**
 * Where the scheduling comment alone on text line `i` starts (container prefix and whitespace
 * aside), or -1.
 */
function ownCommentStart(note: CommentNote, i: number): number {
	if (note.kind[i] !== LineKind.Text || (note.marks[i] & Mark.Scheduling) === 0) return -1;
	const line = note.lines[i];
	return ownLineCommentStart(line, containerOf(line).contentStart);
}

/** True when text line `i` holds only a scheduling comment. */
export function isOwnCommentLine(note: CommentNote, i: number): boolean {
	return ownCommentStart(note, i) >= 0;
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
		if (commentFrom(lines[i], visible[i], 0) !== null) {
			problems.push({
				code: "unread-comment",
				line: i,
				message: "This scheduling comment belongs to no card (a card's comment goes on its lines or alone on the line after it); it is not read.",
			});
		}
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
