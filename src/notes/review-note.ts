/**
 * Rating a note and undoing it, for the plugin and the command line alike: the new schedule is
 * computed from the note's text inside one read-modify-write of the note store (so a change made
 * meanwhile is never overwritten), only the schedule keys' lines change, and the review log gets a
 * `note` entry (an undo gets an `undo` entry naming the note's path).
 */
import type { Rating } from "../model/schedule";
import type { NoteStore } from "../review/ports";
import type { SpacedNotesSettings } from "../settings/settings";
import type { LogEntry, NoteReviewEntry } from "../stats/log-format";
import { restoreKeys, type KeysBefore } from "./frontmatter";
import { readNoteSchedule, writeNoteSchedule } from "./note-schedule";
import { logDeckName } from "./note-queue";
import { rateNote, ratingAllowed, type RateContext } from "./rate-note";

export interface NoteReviewDeps {
	notes: NoteStore;
	settings(): SpacedNotesSettings;
	now(): Date;
	/** Appends to the review log; absent = not logged. */
	appendLog?(entry: LogEntry): Promise<void>;
}

/** A done note review: enough to undo it. */
export interface DoneNoteReview {
	entry: NoteReviewEntry;
	before: KeysBefore;
}

/** The note's text with `rating` applied, and what the review log records. Pure. */
export function rateNoteText(
	text: string,
	rating: Rating,
	now: Date,
	settings: SpacedNotesSettings,
	ctx: RateContext & { deck: string },
): { text: string; before: KeysBefore; entry: NoteReviewEntry } {
	const rated = rateNote(readNoteSchedule(text), rating, now, settings, ctx);
	const written = writeNoteSchedule(text, rated.classic, rated.fsrs);
	const entry: NoteReviewEntry = {
		kind: "note",
		time: now.getTime(),
		note: ctx.path,
		deck: logDeckName(ctx.deck),
		rating,
		state: rated.state,
		elapsedDays: rated.elapsedDays,
		scheduledDays: rated.scheduledDays,
		...(rated.ease === undefined ? {} : { ease: rated.ease }),
		...(rated.memory === undefined ? {} : { memory: rated.memory }),
	};
	return { text: written.text, before: written.before, entry };
}

/**
 * Rates the note at `ctx.path`. Rejects with a message for the user when the rating is not
 * allowed (Again under SM-2) or the note cannot be read or written; the note is then unchanged.
 */
export async function reviewNote(deps: NoteReviewDeps, rating: Rating, ctx: RateContext & { deck: string }): Promise<DoneNoteReview> {
	const settings = deps.settings();
	if (!ratingAllowed(rating, settings)) throw new Error("Again is only for notes reviewed with FSRS; under SM-2 a note is rated Easy, Good or Hard.");
	const now = deps.now();
	let done: DoneNoteReview | null = null;
	await deps.notes.process(ctx.path, (text) => {
		const rated = rateNoteText(text, rating, now, settings, ctx);
		done = { entry: rated.entry, before: rated.before };
		return rated.text;
	});
	if (done === null) throw new Error(`${ctx.path} could not be read.`);
	const result: DoneNoteReview = done;
	await deps.appendLog?.(result.entry);
	return result;
}

/** Puts the note's schedule keys back as they were before `done`, and logs the undo. */
export async function undoNoteReview(deps: NoteReviewDeps, done: DoneNoteReview): Promise<void> {
	await deps.notes.process(done.entry.note, (text) => restoreKeys(text, done.before));
	await deps.appendLog?.({ kind: "undo", time: deps.now().getTime(), card: done.entry.note, reviewTime: done.entry.time });
}
