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
import type { SegmentState } from "../cards/types";
import { normaliseTag, tagMatchesAny } from "../decks/tags";
import { DeckRegistry } from "./deck-registry";
import { FileEntry, type IndexedCard, type IndexedFile } from "./file-entry";
import { summarizeNote, SummaryLayout, summarySegments, type NoteForIndex, type NoteSummary } from "./note-summary";
import { StatusClasses, type ResolvedStatuses, type StatusKeyer } from "./status-keys";

export type { IndexedCard, IndexedFile } from "./file-entry";
export type { NoteForIndex, NoteSummary } from "./note-summary";

export interface CardIndexOptions {
	/** Flashcard tags (with or without `#`): note tags under them are decks, not filter tags. */
	flashcardTags: readonly string[];
	/** The "next day starts at" local hour (0–23). */
	dayStartHour: number;
}

export class CardIndex {
	readonly decks = new DeckRegistry();
	private statuses: StatusClasses;
	private readonly flashcardTags: readonly string[];
	private readonly byPath = new Map<string, FileEntry>();
	private readonly tagStrings = new Map<string, string>();
	private sorted: FileEntry[] | null = [];
	private cards = 0;
	private siblings = 0;
	private changes = 0;
	/** The ids of the last deck-list and status-key tables seen, -1 until first used (see tableMap). */
	private readonly lastTables = { decks: { table: null as readonly unknown[] | null, ids: [] as number[] }, status: { table: null as readonly unknown[] | null, ids: [] as number[] } };

	constructor(options: CardIndexOptions) {
		this.flashcardTags = options.flashcardTags;
		this.statuses = new StatusClasses(options.dayStartHour);
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
		const file = this.entryOf(path, summary);
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
		this.statuses = new StatusClasses(hour);
		this.lastTables.status.table = null;
		for (const [path, file] of this.byPath) this.byPath.set(path, file.withClasses(this.classesOf(file.readCards())));
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

	private entryOf(path: string, summary: NoteSummary): FileEntry {
		const data = summary.data;
		const at = SummaryLayout.of(data);
		// Deck lists and status keys are few per note (or shared by a batch of notes): map each
		// once, on first use, then rewrite the note's numbers in place with the index's ids.
		const combinationOf = this.tableMap(summary.deckLists, "decks");
		const spellings: number[] = [];
		let previous = -1;
		for (let i = at.decks; i < at.decks + at.cards; i++) {
			const list = data[i];
			let id = combinationOf[list];
			if (id < 0) id = combinationOf[list] = this.decks.combinationOf(summary.deckLists[list]);
			data[i] = id;
			if (id === previous) continue;
			previous = id;
			for (const spelling of this.decks.combinations[id].spellings) if (!spellings.includes(spelling)) spellings.push(spelling);
		}
		if (summary.dayStartHour === this.statuses.dayStartHour) {
			const classOf = this.tableMap(summary.statusKeys, "status");
			for (let s = at.status; s < at.length; s++) {
				const k = data[s];
				let id = classOf[k];
				if (id < 0) id = classOf[k] = this.statuses.classOfKey(summary.statusKeys[k], () => segmentOfSibling(summary, at, s - at.status));
				data[s] = id;
			}
		} else {
			// Keys of another day start hour: class every sibling by its own segment.
			for (let i = 0, s = at.status; i < at.cards; i++) for (const segment of summarySegments(summary, i, at)) data[s++] = this.statuses.classOf(detachedSegment(segment));
		}
		// Keep the numbers and the comments only: the summary's tags and decks may be slices of the note's text.
		return new FileEntry(path, this.otherTags(summary.tags), spellings, { comments: summary.comments, data, explicit: summary.explicit }, this.decks);
	}

	/**
	 * The index's id of each entry of a summary's table, -1 until first used. A batch of notes
	 * shares its tables, so the mapping is kept while the same table comes back (a table only grows).
	 */
	private tableMap(table: readonly unknown[], kind: "decks" | "status"): number[] {
		const last = this.lastTables[kind];
		if (last.table !== table) {
			last.table = table;
			last.ids = [];
		}
		while (last.ids.length < table.length) last.ids.push(-1);
		return last.ids;
	}

	private classesOf(cards: readonly IndexedCard[]): Int32Array {
		let total = 0;
		for (const card of cards) total += card.segments.length;
		const classes = new Int32Array(total);
		let at = 0;
		for (const card of cards) for (const segment of card.segments) classes[at++] = this.statuses.classOf(detachedSegment(segment));
		return classes;
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

	/** Normalised, de-duplicated, shared strings of the tags that are not flashcard tags. */
	private otherTags(tags: readonly string[]): string[] {
		const result: string[] = [];
		for (const tag of tags) {
			if (tagMatchesAny(tag, this.flashcardTags)) continue;
			const normal = normaliseTag(tag);
			let shared = this.tagStrings.get(normal);
			if (shared === undefined) {
				shared = normal;
				this.tagStrings.set(normal, shared);
			}
			if (!result.includes(shared)) result.push(shared);
		}
		return result;
	}

	private forget(file: IndexedFile | undefined): void {
		if (!file) return;
		this.cards -= file.cardCount;
		this.siblings -= file.classes.length;
	}
}

/** The segment of sibling `sibling` of a summary, detached: the representative of a new class. */
function segmentOfSibling(summary: NoteSummary, at: SummaryLayout, sibling: number): SegmentState {
	const data = summary.data;
	let card = 0;
	while (data[at.siblingStart + card + 1] <= sibling) card++;
	return detachedSegment(summarySegments(summary, card, at)[sibling - data[at.siblingStart + card]]);
}

/**
 * A copy of a segment whose strings do not point into a longer text. V8 keeps substrings as
 * slices of their parent string, so a kept ISO date would keep its whole note (or comments) alive.
 */
function detachedSegment(segment: SegmentState): SegmentState {
	if (segment.kind === "absent") return ABSENT;
	if (segment.kind === "unreadable") return { kind: "unreadable", raw: detach(segment.raw), reason: detach(segment.reason) };
	const schedule = segment.schedule;
	if (schedule === null) return PLACEHOLDER;
	if (schedule.type === "classic") return { kind: "ok", schedule: { ...schedule, due: detach(schedule.due) } };
	return {
		kind: "ok",
		schedule: { ...schedule, due: detach(schedule.due), lastReview: schedule.lastReview === null ? null : detach(schedule.lastReview) },
	};
}

const ABSENT: SegmentState = { kind: "absent" };
const PLACEHOLDER: SegmentState = { kind: "ok", schedule: null };

/** A string with its own storage (short strings are copied by V8 anyway). */
function detach(text: string): string {
	// Concatenating forces a flat copy; slicing it drops the extra character.
	return text.length < 13 ? text : ` ${text}`.slice(1);
}
