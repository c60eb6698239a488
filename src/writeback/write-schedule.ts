/**
 * Writes a reviewed card's new schedule into its note's text (docs/format.md, "Writing back"), and undoes it.
 * Pure functions from text to text, meant to run inside one `Vault.process` call: the card is
 * found again in the current text, only the bytes of its scheduling comment change, and the
 * result is parsed again to prove that the card reads back with the new comment before it is
 * returned. Anything doubtful is refused with a conflict instead of written. The line edits
 * themselves (add, replace, move, remove a comment) are in `comment-edits.ts`.
 */
import { joinLines, splitLines } from "../cards/lines";
import { parseNote } from "../cards/parse";
import type { Card, ParsedNote, SiblingMarks } from "../model/card";
import type { Schedule } from "../model/schedule";
import type { CommentPlacement, ParserSettings } from "../settings/settings";
import { addComment, changed, MOVED, moveToCardLine, removeComment, replaceComment, unmove, unwritable } from "./comment-edits";
import { resolvePlacement, type LinePlacement } from "./container";
import { type CardTarget, type FoundCard, findCard, sourceKey } from "./find-card";
import { ScheduleFormatError, formatSegment } from "./format";
import type { NoteLines } from "./note-lines";
import { commentWithChange } from "./segments";
import { formatMarks } from "../cards/segment-marks";
import { refusal, type EditRefusal, type TextEdit } from "./text-edit";

export type { CardTarget } from "./find-card";
export { cardTarget } from "./find-card";

export interface WriteOptions {
	/** Vault path of the note (the parser uses it for the note name). */
	path: string;
	settings: ParserSettings;
	/** Where a card without a comment gets one; a card with a comment keeps its placement. */
	placement: CommentPlacement;
}

/** A written schedule: the note's whole new `text`, and what callers reuse of the write. */
export type WriteResult = TextEdit<{
	/**
	 * The card's comment before this edit, exactly as written, or null when it had none; for
	 * {@link restoreComment} only (after a move to the card's line it encodes the lines moved).
	 */
	previousComment: string | null;
	/** Where the card now is (0-based, `endLine` inclusive, comment included). */
	card: { startLine: number; endLine: number };
	/** The new text parsed (the parse that verified the write), for callers to reuse. */
	note: ParsedNote;
}>;

type Failure = EditRefusal;

/**
 * Writes `schedule` as sibling `target.sibling`'s segment of the card `target` describes.
 * The other siblings' segments stay exactly as written (unreadable ones too); siblings
 * without a segment get the "new" placeholder. An existing comment is replaced in place;
 * otherwise a new one goes on the next line with the card's container prefix, or at the end
 * of the card's last line with `placement: "same-line"` (never behind a closing code fence),
 * or — `"auto"` — at the end for a card in a list, a callout or an indented line, else next;
 * if the parser would not read the comment back there, the other placement is tried.
 * Never throws: a card that is gone, changed or ambiguous, or a schedule that cannot be
 * written, gives `ok: false` and leaves the note alone.
 */
export function writeSchedule(text: string, target: CardTarget, schedule: Schedule, options: WriteOptions): WriteResult {
	return writeSibling(text, target, { schedule }, options);
}

/**
 * What {@link writeSibling} changes in a sibling's segment: its schedule (`null` = new, the
 * placeholder) and/or its marks; what is absent is kept as written.
 */
export interface SiblingChange {
	schedule?: Schedule | null;
	marks?: SiblingMarks;
}

/**
 * Writes `change` into sibling `target.sibling`'s segment as {@link writeSchedule} writes a
 * schedule: the same placement, the same verifying parse, the same refusals. Marks are kept by a
 * schedule change and a schedule by a marks change (docs/format.md, "Suspended and flagged cards").
 */
export function writeSibling(text: string, target: CardTarget, change: SiblingChange, options: WriteOptions): WriteResult {
	let segment: string | undefined;
	try {
		segment = change.schedule === undefined ? undefined : formatSegment(change.schedule);
	} catch (error) {
		if (error instanceof ScheduleFormatError) return unwritable(`The new schedule cannot be written: ${error.message}`);
		throw error;
	}
	const found = locate(text, target, options);
	if (!found.ok) return found;
	const cards = found.note.cards;
	const card = found.card;
	const note = splitLines(text);
	const marks = change.marks === undefined ? undefined : formatMarks(change.marks);
	const comment = commentWithChange(card.comment?.raw ?? null, target.sibling, target.siblingCount, { schedule: segment, marks });
	const readsBack = (now: Card): boolean => segmentReadsBack(now, target.sibling, segment, change.marks);
	if (card.comment !== null) {
		const move = options.placement === "auto" ? moveToCardLine(note, card, comment) : null;
		if (move !== null) {
			// Moved to where the other plugin reads it; kept in place when that would not read back.
			const result = verified(cards, card, joinLines(move.note), comment, options, MOVED + move.before, readsBack);
			if (result.ok) return result;
		}
		const edited = replaceComment(note, card, comment);
		if ("ok" in edited) return edited;
		return verified(cards, card, joinLines(edited), comment, options, card.comment.raw, readsBack);
	}
	// A new comment: the chosen placement first; if the parser would not read it back there
	// (an unusual layout), the other placement, which the reader accepts as well (docs/format.md, "Scheduling comments").
	const chosen = resolvePlacement(options.placement, note.lines[card.startLine] ?? "");
	const other: LinePlacement = chosen === "same-line" ? "next-line" : "same-line";
	let result: WriteResult = unwritable("The card has no line to hold a comment; nothing was saved.");
	for (const placement of [chosen, other]) {
		const edited = addComment(note, card, comment, placement);
		if ("ok" in edited) return edited;
		result = verified(cards, card, joinLines(edited), comment, options, null, readsBack);
		if (result.ok) return result;
	}
	return result;
}

/** Whether sibling `sibling` of `card` reads back with the segment and the marks written (undefined: not changed). */
function segmentReadsBack(card: Card, sibling: number, segment: string | undefined, marks: SiblingMarks | undefined): boolean {
	const read = card.siblings[sibling];
	if (read === undefined) return false;
	if (marks !== undefined && formatMarks(read.marks) !== formatMarks(marks)) return false;
	if (segment === undefined) return true;
	const state = read.segment;
	if (state.kind !== "ok") return false;
	try {
		return formatSegment(state.schedule) === segment;
	} catch {
		return false;
	}
}

/**
 * Undoes {@link writeSchedule}: puts `previousComment` back in place of the card's current
 * comment, or — when the card had none — removes the comment line or ` <!--SR:…-->` suffix
 * that was added, so the note's bytes are exactly those before the write. `target` describes
 * the card as it is now (its source is unchanged by a write).
 */
export function restoreComment(text: string, target: CardTarget, previousComment: string | null, options: WriteOptions): WriteResult {
	const found = locate(text, target, options);
	if (!found.ok) return found;
	const cards = found.note.cards;
	const card = found.card;
	const current = card.comment;
	if (current === null) {
		if (previousComment === null) {
			return { ok: true, text, previousComment: null, card: { startLine: card.startLine, endLine: card.endLine }, note: found.note };
		}
		return changed("The card's scheduling comment was removed since the answer; nothing was undone.");
	}
	const note = splitLines(text);
	if (previousComment?.startsWith(MOVED)) {
		const restored = unmove(note, card, previousComment.slice(MOVED.length));
		if ("ok" in restored) return restored;
		return verified(cards, card, joinLines(restored.note), restored.comment, options, current.raw);
	}
	let edited: NoteLines | Failure;
	if (previousComment !== null) {
		edited = replaceComment(note, card, previousComment);
	} else {
		edited = removeComment(note, card);
	}
	if ("ok" in edited) return edited;
	return verified(cards, card, joinLines(edited), previousComment, options, current.raw);
}

/** Parses `text` and finds the target card in it; a note no longer read has no cards at all. */
function locate(text: string, target: CardTarget, options: WriteOptions): (FoundCard & { ok: true; note: ParsedNote }) | Failure {
	const parsed = parseNote(text, { path: options.path, settings: options.settings });
	if (!parsed.included) {
		return {
			ok: false,
			conflict: "gone",
			message: "The note is no longer read for flashcards (flashcard tag removed, or ignored); nothing was saved.",
		};
	}
	const found = findCard(parsed.cards, target);
	if (!found.ok) return found;
	// The comment as shown is part of the precondition: a schedule written meanwhile (another
	// device, an edit by hand) is never overwritten with an answer computed from the old one.
	if (target.comment !== undefined && (found.card.comment?.raw ?? null) !== target.comment) {
		return refusal("stale", "The card's schedule was changed in the note since it was shown; nothing was written.");
	}
	return { ...found, note: parsed };
}

/**
 * Parses the edited text again and accepts it only if every card still reads as before — the
 * same kind, sides, decks and siblings, source and comment — except the edited card's comment,
 * which must be exactly `comment`. A comment that would turn a card into another kind (a
 * multi-line card with an empty answer becoming a cloze) or close another card's `<!--` is
 * caught here, and the write tries the other placement or refuses.
 */
function verified(
	before: readonly Card[],
	card: Card,
	text: string,
	comment: string | null,
	options: WriteOptions,
	previousComment: string | null,
	accept: (now: Card) => boolean = () => true,
): WriteResult {
	const note = parseNote(text, { path: options.path, settings: options.settings });
	const after = note.cards;
	const index = before.indexOf(card);
	const same =
		after.length === before.length &&
		after.every((other, i) => {
			if (!readsTheSame(other, before[i])) return false;
			if (i === index) {
				return sourceKey(other.source) === sourceKey(card.source) && other.startLine === card.startLine && (other.comment?.raw ?? null) === comment;
			}
			if (other.source !== before[i].source) return false;
			return (other.comment?.raw ?? null) === (before[i].comment?.raw ?? null);
		});
	if (!same) {
		return unwritable("The scheduling comment would not be read back as this card's (the note's layout is unusual here); nothing was saved.");
	}
	const now = after[index];
	if (!accept(now)) return unwritable("The new schedule would not read back as written; nothing was saved.");
	return { ok: true, text, previousComment, card: { startLine: now.startLine, endLine: now.endLine }, note };
}

/** Whether two parses of a card show the same card: kind, sides, decks and each sibling's sides. */
function readsTheSame(a: Card, b: Card): boolean {
	if (a.kind !== b.kind || a.front !== b.front || a.back !== b.back || a.siblings.length !== b.siblings.length) return false;
	if (a.decks.length !== b.decks.length || a.decks.some((deck, i) => deck !== b.decks[i])) return false;
	return a.siblings.every((sibling, i) => sibling.question === b.siblings[i].question && sibling.answer === b.siblings[i].answer);
}
