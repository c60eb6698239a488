/**
 * Card management as changes of one sibling's segment (docs/format.md, "Suspended and flagged
 * cards"): suspend, unsuspend, flag, reset to new, forget, set a due day. Pure: what the sibling
 * becomes is computed from the sibling as read; `writeSibling` writes it with the usual checks.
 */
import { parseNote } from "../cards/parse";
import type { Card, ParsedNote, Sibling, SiblingMarks } from "../model/card";
import { dayStart, daysBetween, isDay, localDay } from "../model/days";
import type { Schedule } from "../model/schedule";
import type { SchedulingSettings } from "../settings/settings";
import { MAX_FLAG } from "../cards/segment-marks";
import { findCard } from "./find-card";
import { refusal, type TextEdit } from "./text-edit";
import { cardTarget, writeSibling, type CardTarget, type SiblingChange, type WriteOptions } from "./write-schedule";

export type CardAction =
	| { kind: "suspend" }
	| { kind: "unsuspend" }
	/** Flag 1–7; 0 removes the flag. */
	| { kind: "flag"; flag: number }
	/** Back to new; marks kept; the history stays in the review log. */
	| { kind: "reset" }
	/** Back to new and without marks: the card starts over (its history stays in the log). */
	| { kind: "forget" }
	/** Due on this local day (`YYYY-MM-DD`). */
	| { kind: "set-due"; due: string };

const NO_MARKS: SiblingMarks = { suspended: false, flag: 0 };

/** The sibling's marks, none when it has none. */
export function marksOf(sibling: Sibling): SiblingMarks {
	return sibling.marks ?? NO_MARKS;
}

/**
 * What `action` changes in `sibling` at `now`, or null when it changes nothing (suspending a
 * suspended sibling), or a message when it cannot be done (a bad flag or day).
 */
function siblingChange(action: CardAction, sibling: Sibling, now: Date, settings: SchedulingSettings): SiblingChange | null | string {
	const marks = marksOf(sibling);
	switch (action.kind) {
		case "suspend":
		case "unsuspend": {
			const suspended = action.kind === "suspend";
			return marks.suspended === suspended ? null : { marks: { ...marks, suspended } };
		}
		case "flag":
			if (!Number.isInteger(action.flag) || action.flag < 0 || action.flag > MAX_FLAG) return `A flag is a number from 1 to ${MAX_FLAG} (0 removes it).`;
			return marks.flag === action.flag ? null : { marks: { ...marks, flag: action.flag } };
		case "reset":
			return isNew(sibling) ? null : { schedule: null };
		case "forget":
			if (isNew(sibling) && !marks.suspended && marks.flag === 0) return null;
			return { schedule: null, marks: NO_MARKS };
		case "set-due":
			if (!isDay(action.due)) return `"${action.due}" is not a day written YYYY-MM-DD.`;
			return { schedule: scheduleDueOn(sibling, action.due, now, settings) };
	}
}

/** Whether the sibling is new in its note (no segment, the placeholder, or FSRS state 0). */
function isNew(sibling: Sibling): boolean {
	const segment = sibling.segment;
	if (segment.kind === "absent") return true;
	if (segment.kind !== "ok") return false;
	return segment.schedule === null || (segment.schedule.type === "fsrs" && segment.schedule.state === 0);
}

/**
 * The sibling's schedule moved to `day`: an FSRS schedule keeps its memory and becomes a review
 * due at the start of that day; anything else (classic, new, unreadable) becomes a classic
 * review, ease kept or the base ease, which FSRS converts at the next answer (docs/scheduling.md).
 * The interval is the days from today, at least 1.
 */
function scheduleDueOn(sibling: Sibling, day: string, now: Date, settings: SchedulingSettings): Schedule {
	const today = localDay(now, settings.nextDayStartsAt);
	const interval = Math.max(1, daysBetween(today, day));
	const segment = sibling.segment;
	const schedule = segment.kind === "ok" ? segment.schedule : null;
	if (schedule?.type === "fsrs" && schedule.state !== 0) {
		return { ...schedule, due: dayStart(day, settings.nextDayStartsAt).toISOString(), interval, state: 2, learningStep: 0 };
	}
	return { type: "classic", due: day, interval, ease: schedule?.type === "classic" ? schedule.ease : settings.baseEase };
}

/** An action applied to a note's text: the new text, the card's comment before and after, and its card before. */
export type CardActionEdit = TextEdit<{
	/** The card as it was read just before the action. */
	card: Card;
	/** Its comment before (what undo puts back) and after; equal when nothing changed. */
	previousComment: string | null;
	comment: string | null;
	/** What undo hands back to `restoreComment`: the comment before, or how a moved comment's lines were. */
	undoComment: string | null;
	/** The verifying parse of the new text; null when nothing changed. */
	note: ParsedNote | null;
}>;

/**
 * Applies `action` to sibling `target.sibling` of the card `target` names, computed from that
 * sibling as it is in `text` now (an action sets a state, so a card changed meanwhile is acted on
 * as it is). Only the bytes of the card's scheduling comment change. Never throws.
 */
export function applyCardAction(
	text: string,
	target: CardTarget,
	action: CardAction,
	options: WriteOptions,
	now: Date,
	settings: SchedulingSettings,
): CardActionEdit {
	const parsed = parseNote(text, { path: options.path, settings: options.settings });
	const found = findCard(parsed.cards, { ...target, comment: undefined });
	if (!found.ok) return found;
	const card = found.card;
	const sibling = card.siblings[target.sibling];
	if (sibling === undefined || card.siblings.length !== target.siblingCount)
		return refusal("changed", "The card's siblings changed since it was shown; nothing was changed.");
	const change = siblingChange(action, sibling, now, settings);
	if (typeof change === "string") return refusal("unwritable", change);
	const previousComment = card.comment?.raw ?? null;
	if (change === null) return { ok: true, text, card, previousComment, comment: previousComment, undoComment: previousComment, note: null };
	const written = writeSibling(text, { ...cardTarget(card, target.sibling) }, change, options);
	if (!written.ok) return written;
	const after = written.note.cards.find((c) => c.startLine === written.card.startLine);
	// With placement "auto" a next-line comment may have moved to the card's line: undo needs to know.
	return {
		ok: true,
		text: written.text,
		card,
		previousComment,
		comment: after?.comment?.raw ?? null,
		undoComment: written.previousComment,
		note: written.note,
	};
}
