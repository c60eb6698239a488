/**
 * What the review engine needs from its host, as ports that point inward: the plugin and the
 * command line each plug in their own notes, log, clock and messages (docs/architecture.md).
 */
import type { ParsedNote } from "../model/card";
import type { CardIndex } from "../index/card-index";
import type { SpacedNotesSettings } from "../settings/settings";
import type { CramEntry, LogEntry, ReviewEntry } from "../stats/log-format";
import type { MergedLog } from "../stats/merge";
import type { AnswerFacts } from "../stats/review-entry";

/**
 * The notes of a vault, as the review reads and writes them. In Obsidian: `Vault.cachedRead` and
 * `Vault.process`; on the command line: the file system with an atomic, checked rename.
 */
export interface NoteStore {
	/** The note's current text. Rejects when it does not exist or cannot be read. */
	read(path: string): Promise<string>;
	/**
	 * Replaces the note's text by `edit(current)` in one read-modify-write step; `edit` returns
	 * null to leave the note as it is. Resolves with the text now in the note. Rejects, with a
	 * message for the user, when the note cannot be read or written.
	 */
	process(path: string, edit: (text: string) => string | null): Promise<string>;
}

/** The review log: answers written, answers undone, and reading it back. */
export interface ReviewLog {
	recordAnswer(facts: AnswerFacts): Promise<ReviewEntry>;
	/** Logs the undo of an answer or a cram answer (its card and time). */
	recordUndo(answer: Pick<ReviewEntry, "card" | "time">, time?: Date): Promise<void>;
	/** Logs an answer that changed no schedule (custom study: cram, forgotten cards). */
	recordCram?(entry: CramEntry): Promise<void>;
	/** The merged log of every device; daily limits count today's answers from it. */
	readAll?(): Promise<MergedLog>;
	/** Appends any entry (card management: reset, due set, suspend; their undo). */
	append?(entry: LogEntry): Promise<void>;
}

/** Everything a review session needs from the plugin or the command line. */
export interface ReviewDeps {
	settings(): SpacedNotesSettings;
	index(): CardIndex;
	notes: NoteStore;
	now(): Date;
	/** Shows a short message (a `Notice` in Obsidian, a line on the terminal). */
	notify(message: string): void;
	log?: ReviewLog;
	/**
	 * The index as it is being built, when it may not be complete yet (the plugin at start-up or
	 * after a settings change): the review waits for it, showing how far it is.
	 */
	indexing?: {
		readonly progress: { done: number; total: number } | null;
		whenBuilt(): Promise<void>;
		onProgress(listener: () => void): () => void;
	};
	/** Told after each note the review wrote: its new text and the parse that verified it. */
	written?(path: string, text: string, note: ParsedNote): void;
}
