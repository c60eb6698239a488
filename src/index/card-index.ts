/**
 * The vault's card index, keyed by file. Adding, replacing or removing one file's cards costs
 * time proportional to that file: every per-file figure (deck combinations, status classes) is
 * computed when the file is set, and whole-vault figures (the deck tree, counts, queries) are
 * computed at query time in one pass over compact integer arrays, because they depend on the
 * clock anyway.
 *
 * A file is set from its parsed note, or from a `NoteSummary` made elsewhere (another thread):
 * the index keeps the summary's arrays and its comments' text, never an object per card.
 * The index never reads or writes files; the Obsidian glue and the command line feed it.
 */
import type { SegmentState } from "../model/card";
import { DeckRegistry } from "./deck-registry";
import { FileEntryBuilder } from "./entry-builder";
import type { FileEntry, IndexedFile } from "./file-entry";
import { summarizeNote, type NoteForIndex, type NoteSummary } from "./note-summary";
import { StatusClasses, type ResolvedStatuses, type StatusKeyer } from "./status-keys";

export type { IndexedCard, IndexedFile } from "./file-entry";
export type { NoteForIndex, NoteSummary } from "./note-summary";

export interface CardIndexOptions {
	/** Flashcard tags (with or without `#`): note tags under them are decks, not filter tags. */
	flashcardTags: readonly string[];
	/** The "next day starts at" local hour (0–23). */
	dayStartHour: number;
}

/**
 * Main-thread work per slice of the plugin's full build, in ms (docs/performance.md, "Inside
 * Obsidian"): a slice stops once it is spent, so a task lasts at most this plus one note; 8
 * leaves one note room, garbage collection included, within a 16 ms frame.
 */
export const INDEX_SLICE_MS = 8;

export class CardIndex {
	readonly decks = new DeckRegistry();
	private readonly entries: FileEntryBuilder;
	private readonly byPath = new Map<string, FileEntry>();
	private sorted: FileEntry[] | null = [];
	private cards = 0;
	private siblings = 0;
	private changes = 0;

	constructor(options: CardIndexOptions) {
		this.entries = new FileEntryBuilder(this.decks, options.flashcardTags, new StatusClasses(options.dayStartHour));
	}

	private get statuses(): StatusClasses {
		return this.entries.statuses;
	}

	/** Increases on every change; lets views know whether what they show is stale. */
	get version(): number {
		return this.changes;
	}
	get fileCount(): number {
		return this.byPath.size;
	}
	get cardCount(): number {
		return this.cards;
	}
	get siblingCount(): number {
		return this.siblings;
	}
	get dayStartHour(): number {
		return this.statuses.dayStartHour;
	}

	/** Gives status keys at the index's day start hour: summaries made elsewhere must use one like it. */
	get keyer(): StatusKeyer {
		return this.statuses;
	}

	/**
	 * Adds a file's cards, or replaces what the index held for that path. A note without cards
	 * is removed instead, so the index holds only files that have cards. A card's segments are
	 * taken from its comment as the parser reads it (a card without a comment keeps its own).
	 */
	setFile(path: string, note: NoteForIndex): void {
		if (note.cards.length === 0) this.removeFile(path);
		else this.setSummary(path, summarizeNote(note, this.statuses));
	}

	/**
	 * Like {@link setFile}, from a note's summary (e.g. made on another thread with a keyer of
	 * the same day start hour). The index takes the summary over: do not change it afterwards.
	 */
	setSummary(path: string, summary: NoteSummary): void {
		if (summary.data[0] === 0) {
			this.removeFile(path);
			return;
		}
		const previous = this.byPath.get(path);
		const file = this.entries.build(path, summary);
		this.forget(previous);
		this.cards += file.cardCount;
		this.siblings += file.classes.length;
		this.byPath.set(path, file);
		// Replaced at its place: the sorted file list stays valid, so a change costs O(file).
		if (previous && this.sorted) this.sorted[this.sortedIndexOf(path)] = file;
		else this.sorted = null;
		this.changes++;
	}

	/** Removes a file; returns false when the index did not hold it. */
	removeFile(path: string): boolean {
		const previous = this.byPath.get(path);
		if (!previous) return false;
		this.forget(previous);
		this.byPath.delete(path);
		this.sorted = null;
		this.changes++;
		return true;
	}

	/**
	 * Moves a file's cards to a new path (a rename). Whatever the index held at the new path is
	 * dropped, since that path now holds the moved file. Returns false when the old path was not held.
	 */
	renameFile(oldPath: string, newPath: string): boolean {
		if (oldPath === newPath) return this.byPath.has(oldPath);
		this.removeFile(newPath);
		const previous = this.byPath.get(oldPath);
		if (!previous) return false;
		this.byPath.delete(oldPath);
		this.byPath.set(newPath, previous.withPath(newPath));
		this.sorted = null;
		this.changes++;
		return true;
	}

	/** Empties the index (e.g. before a rebuild after the flashcard tags changed). */
	clear(): void {
		this.byPath.clear();
		this.sorted = [];
		this.cards = 0;
		this.siblings = 0;
		this.changes++;
	}

	/**
	 * Changes the "next day starts at" hour. Status classes hold due days, so every file's
	 * classes are recomputed: O(vault), for a settings change only.
	 */
	setDayStartHour(hour: number): void {
		if (hour === this.statuses.dayStartHour) return;
		this.entries.setStatuses(new StatusClasses(hour));
		for (const [path, file] of this.byPath) this.byPath.set(path, file.withClasses(this.entries.classesOf(file.readCards())));
		this.sorted = null;
		this.changes++;
	}

	has(path: string): boolean {
		return this.byPath.has(path);
	}

	getFile(path: string): IndexedFile | undefined {
		return this.byPath.get(path);
	}

	/** Every file, sorted by path (code-unit order), so results never depend on event order. */
	files(): readonly IndexedFile[] {
		if (!this.sorted) {
			this.sorted = [...this.byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
		}
		return this.sorted;
	}

	/** The status of every status class at `now` (look siblings up by `IndexedFile.classes`). */
	statusesAt(now: Date): ResolvedStatuses {
		return this.statuses.resolve(now);
	}

	/** The status of class `id` is the status of this segment (see StatusClasses). */
	classRepresentative(id: number): SegmentState {
		return this.statuses.representative(id);
	}

	/** Position of `path` in the sorted file list (which holds it). */
	private sortedIndexOf(path: string): number {
		const sorted = this.sorted ?? [];
		let low = 0;
		let high = sorted.length - 1;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (sorted[middle].path < path) low = middle + 1;
			else high = middle;
		}
		return low;
	}

	private forget(file: IndexedFile | undefined): void {
		if (!file) return;
		this.cards -= file.cardCount;
		this.siblings -= file.classes.length;
	}
}
