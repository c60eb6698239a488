/**
 * The line edits behind a written schedule (docs/format.md, "Writing back"): a scheduling comment
 * replaced in place, added on or after the card's line, moved from a line of its own to the card's
 * line, or taken out again on undo. Each keeps every other byte of the note as it was. They live
 * apart from `write-schedule.ts`, which chooses among them and verifies the result, so that each
 * file stays small enough to read whole.
 */
import type { Card } from "../model/card";
import { closesOpaqueRegion, continuationPrefix, resolvePlacement, sameLineColumn, type LinePlacement } from "./container";
import { type NoteLines, insertLineAfter, removeLine, replaceLine } from "./note-lines";
import { refusal, type EditRefusal } from "./text-edit";

type Failure = EditRefusal;

/** Replaces exactly the comment's columns on its line. */
export function replaceComment(note: NoteLines, card: Card, comment: string): NoteLines | Failure {
	const location = card.comment;
	const line = location === null ? undefined : note.lines[location.line];
	if (location === null || line === undefined || line.slice(location.start, location.end) !== location.raw) {
		return unwritable("The card's scheduling comment is not where the parser reported it; nothing was saved.");
	}
	return replaceLine(note, location.line, line.slice(0, location.start) + comment + line.slice(location.end));
}

/** Places a new comment after the card's last line or at its end (docs/format.md, "Writing back"). */
export function addComment(note: NoteLines, card: Card, comment: string, placement: LinePlacement): NoteLines | Failure {
	const last = note.lines[card.endLine];
	const first = note.lines[card.startLine];
	if (last === undefined || first === undefined) return unwritable("The card's lines are out of range; nothing was saved.");
	if (placement === "same-line" && !card.endsInFence && !closesOpaqueRegion(last)) {
		const column = sameLineColumn(last);
		return replaceLine(note, card.endLine, `${last.slice(0, column)} ${comment}${last.slice(column)}`);
	}
	// The first line carries the card's container (list item, callout); continuing it keeps
	// the comment inside that container instead of breaking the list at column 0.
	return insertLineAfter(note, card.endLine, continuationPrefix(first) + comment);
}

/**
 * `previousComment` of a write that moved the comment from a line of its own to the card's line:
 * this mark, then the two lines as they were, with their endings, as JSON (a comment never holds
 * a line break, so the mark cannot start a real comment).
 */
export const MOVED = "\n";

interface MovedLines {
	first: string;
	firstEnding: string;
	line: string;
	ending: string;
}

/**
 * An old next-line comment of a single-line card in a list or a callout (`- Q::A`, then an
 * indented `<!--SR:…-->`), which the other plugin cannot read there, moved to the end of the
 * card's line with the new segment (docs/format.md, "Writing back"): the comment line goes.
 * Null when the card is not in that layout.
 */
export function moveToCardLine(note: NoteLines, card: Card, comment: string): { note: NoteLines; before: string } | null {
	const location = card.comment;
	if (location === null || !location.ownLine || (card.kind !== "singleline" && card.kind !== "singleline-reversed")) return null;
	if (location.line !== card.startLine + 1 || location.start === 0 || !location.raw.endsWith("-->")) return null;
	const first = note.lines[card.startLine];
	const line = note.lines[location.line];
	if (first === undefined || line === undefined || line.slice(location.end).trim() !== "") return null;
	// Lines that end differently (a note with mixed line endings) stay as they are: joined, a lone
	// "\r" could meet the "\n" of the line below as one CRLF break, and a line would be lost.
	if (note.endings[location.line] !== "" && note.endings[card.startLine] !== note.endings[location.line]) return null;
	if (resolvePlacement("auto", first) !== "same-line" || closesOpaqueRegion(first)) return null;
	const column = sameLineColumn(first);
	const moved: MovedLines = { first, firstEnding: note.endings[card.startLine], line, ending: note.endings[location.line] };
	const lines = note.lines.slice();
	const endings = note.endings.slice();
	lines.splice(card.startLine, 2, `${first.slice(0, column)} ${comment}${first.slice(column)}`);
	// The card's line keeps its ending, unless the comment line ended the file without one.
	endings.splice(card.startLine, 2, moved.ending === "" ? "" : moved.firstEnding);
	return { note: { bom: note.bom, lines, endings }, before: JSON.stringify(moved) };
}

/** Undoes {@link moveToCardLine}: the card's line and the comment line exactly as they were. */
export function unmove(note: NoteLines, card: Card, before: string): { note: NoteLines; comment: string } | Failure {
	let moved: MovedLines;
	try {
		moved = JSON.parse(before) as MovedLines;
	} catch {
		return unwritable("The comment to put back cannot be read; nothing was undone.");
	}
	const location = card.comment;
	const now = note.lines[card.startLine];
	if (location === null || location.ownLine || location.line !== card.startLine || now === undefined) {
		return changed("The card's scheduling comment was moved since the answer; nothing was undone.");
	}
	const start = now[location.start - 1] === " " ? location.start - 1 : location.start;
	if (now.slice(0, start) + now.slice(location.end) !== moved.first) return changed("The card's line was edited since the answer; nothing was undone.");
	const lines = note.lines.slice();
	const endings = note.endings.slice();
	lines.splice(card.startLine, 1, moved.first, moved.line);
	endings.splice(card.startLine, 1, moved.firstEnding, moved.ending);
	const at = moved.line.indexOf("<!--SR:");
	return { note: { bom: note.bom, lines, endings }, comment: moved.line.slice(at, moved.line.indexOf("-->", at) + 3) };
}

/** Removes a comment that a write added: its own line, or the comment and the space before it. */
export function removeComment(note: NoteLines, card: Card): NoteLines | Failure {
	const location = card.comment;
	const line = location === null ? undefined : note.lines[location.line];
	if (location === null || line === undefined || line.slice(location.start, location.end) !== location.raw) {
		return unwritable("The card's scheduling comment is not where the parser reported it; nothing was undone.");
	}
	if (location.ownLine) return removeLine(note, location.line);
	const start = line[location.start - 1] === " " ? location.start - 1 : location.start;
	return replaceLine(note, location.line, line.slice(0, start) + line.slice(location.end));
}

/** A refusal: the edit would not read back as written, or its comment is not where the parser said. */
export function unwritable(message: string): Failure {
	return refusal("unwritable", message);
}

/** A refusal: the card changed since the write that is being undone. */
export function changed(message: string): Failure {
	return refusal("changed", message);
}
