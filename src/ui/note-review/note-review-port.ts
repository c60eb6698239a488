/** What the note review view needs from the plugin (the glue in src/obsidian implements it). */
import type { NoteQueue } from "../../notes/note-queue";

export interface NoteReviewPort {
	/** The queue now. */
	queue(): NoteQueue;
	/** Calls `listener` after the queue changed; returns a function that unsubscribes. */
	onChange(listener: () => void): () => void;
	/** Opens the note (remembering its deck for "open the next note"). */
	open(path: string, deck: string): void;
	/** The note shown in the editor, to mark it in the list. */
	activePath(): string | null;
}
