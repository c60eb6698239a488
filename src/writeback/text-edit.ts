/**
 * The one result of every change of a note's text — an answer's comment, its undo, an edited
 * card — whether it is a pure text-to-text step or a write through a note store: the new text
 * with what the change learnt on the way, or a refusal that says why and changed nothing.
 */

/**
 * Why a change was refused: the card is `gone`, was `changed` since it was shown, is one of
 * `ambiguous` identical copies, its scheduling comment is no longer the one shown (`stale`: a
 * schedule written by another device or by hand), or the change would not read back as written
 * (`unwritable`); `unreadable` when the note itself could not be read or written.
 */
export type Conflict = "gone" | "changed" | "ambiguous" | "stale" | "unwritable" | "unreadable";

/** A refused change: nothing was written. `message` is for the user, in a full sentence. */
export interface EditRefusal {
	ok: false;
	conflict: Conflict;
	message: string;
}

/** A change of a note's text: `{ ok: true, text, ...facts }`, or an {@link EditRefusal}. */
export type TextEdit<Facts extends object = object> = ({ ok: true; text: string } & Facts) | EditRefusal;

/** A refusal of `conflict` with `message`. */
export function refusal(conflict: Conflict, message: string): EditRefusal {
	return { ok: false, conflict, message };
}
