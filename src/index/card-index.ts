/**
 * The vault's card index, keyed by file. Adding, replacing or removing one file's cards costs
 * time proportional to that file: every per-file figure (deck combinations, status classes) is
 * computed when the file is set, and whole-vault figures (the deck tree, counts, queries) are
 * computed at query time in one pass over compact integer arrays, because they depend on the
 * clock anyway.
 *
 * The index never reads or writes files; the Obsidian glue and the command line feed it.
 */
import type { Card, CardKind, SegmentState } from "../cards/types";
import { normaliseTag, tagMatchesAny } from "../decks/tags";
import { DeckRegistry } from "./deck-registry";
import { StatusClasses, type ResolvedStatuses } from "./status-keys";

/** What the index needs from a parsed note (a `ParsedNote` fits). */
export interface NoteForIndex {
	/** The note's tags as written, with `#` (frontmatter and body). */
	tags: readonly string[];
	cards: readonly Card[];
}

/**
 * What the index keeps of a card: enough for the deck list, queries and the review queue.
 * The card's text is not kept (it would double the memory); a review reads the note again and
 * finds the card by `startLine` among the freshly parsed cards.
 */
export interface IndexedCard {
	readonly kind: CardKind;
	readonly startLine: number;
	readonly endLine: number;
	/** Decks as written on the card (shared strings). */
	readonly decks: readonly string[];
	/** Each sibling's segment, in sibling order. */
	readonly segments: readonly SegmentState[];
}

/** One file in the index. Treat as read-only. */
export interface IndexedFile {
	readonly path: string;
	/**
	 * The note's tags that are not flashcard tags, normalised (`#done-space`). Deck tags are
	 * not here: a card's own decks say which of them apply to it.
	 */
	readonly tags: readonly string[];
	readonly cards: readonly IndexedCard[];
	/** Deck combination id per card (see DeckRegistry). */
	readonly combinations: Int32Array;
	/** Index of each card's first sibling in `classes`; one extra entry closes the last card. */
	readonly siblingStart: Int32Array;
	/** Status class id per sibling, cards in order. */
	readonly classes: Int32Array;
	/** Distinct deck spelling ids of the file, in the order first seen. */
	readonly spellings: readonly number[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

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
	private readonly byPath = new Map<string, Mutable<IndexedFile>>();
	private readonly tagStrings = new Map<string, string>();
	private sorted: Mutable<IndexedFile>[] | null = [];
	private cards = 0;
	private siblings = 0;
	private changes = 0;

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

	/**
	 * Adds a file's cards, or replaces what the index held for that path. A note without cards
	 * is removed instead, so the index holds only files that have cards.
	 */
	setFile(path: string, note: NoteForIndex): void {
		if (note.cards.length === 0) {
			this.removeFile(path);
			return;
		}
		const previous = this.byPath.get(path);
		const file = this.buildEntry(path, note);
		this.forget(previous);
		this.cards += file.cards.length;
		this.siblings += file.classes.length;
		if (previous) {
			// Replaced in place: the sorted file list stays valid, so a change costs O(file).
			Object.assign(previous, file);
		} else {
			this.byPath.set(path, file);
			this.sorted = null;
		}
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
		this.byPath.set(newPath, { ...previous, path: newPath });
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
		for (const file of this.byPath.values()) file.classes = this.classesOf(file.cards);
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

	private buildEntry(path: string, note: NoteForIndex): Mutable<IndexedFile> {
		const count = note.cards.length;
		const combinations = new Int32Array(count);
		const siblingStart = new Int32Array(count + 1);
		const spellings: number[] = [];
		const cards: IndexedCard[] = new Array<IndexedCard>(count);
		let seen: Set<number> | null = null;
		let total = 0;
		let previous = -1;
		// One pass over the cards (plain loops: this runs for every card of the vault).
		for (let i = 0; i < count; i++) {
			const card = note.cards[i];
			const id = this.decks.combinationOf(card.decks);
			combinations[i] = id;
			// Neighbouring cards usually share their decks: their spellings are already listed.
			if (id !== previous) {
				for (const spelling of this.decks.combinations[id].spellings) {
					if (seen ? seen.has(spelling) : spellings.includes(spelling)) continue;
					spellings.push(spelling);
					seen?.add(spelling);
					// A note with many decks: a set keeps the check constant-time.
					if (!seen && spellings.length > 16) seen = new Set(spellings);
				}
				previous = id;
			}
			siblingStart[i] = total;
			total += card.siblings.length;
			cards[i] = this.compact(card, id);
		}
		siblingStart[count] = total;
		return {
			path,
			tags: this.otherTags(note.tags),
			cards,
			combinations,
			siblingStart,
			classes: this.classesOf(cards),
			spellings,
		};
	}

	private classesOf(cards: readonly IndexedCard[]): Int32Array {
		let total = 0;
		for (const card of cards) total += card.segments.length;
		const classes = new Int32Array(total);
		let at = 0;
		for (const card of cards) for (const segment of card.segments) classes[at++] = this.statuses.classOf(segment);
		return classes;
	}

	private compact(card: Card, combination: number): IndexedCard {
		const siblings = card.siblings;
		const segments: SegmentState[] = new Array<SegmentState>(siblings.length);
		for (let i = 0; i < siblings.length; i++) segments[i] = detachedSegment(siblings[i].segment);
		return {
			kind: card.kind,
			startLine: card.startLine,
			endLine: card.endLine,
			decks: this.decks.writtenDecks(combination),
			segments,
		};
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
		this.cards -= file.cards.length;
		this.siblings -= file.classes.length;
	}
}

/**
 * A copy of a segment whose strings do not point into the note's text. V8 keeps substrings as
 * slices of their parent string, so one kept ISO date would keep the whole note in memory.
 */
function detachedSegment(segment: SegmentState): SegmentState {
	if (segment.kind === "absent") return ABSENT;
	if (segment.kind === "unreadable") return { kind: "unreadable", raw: detach(segment.raw), reason: detach(segment.reason) };
	const schedule = segment.schedule;
	if (schedule === null) return PLACEHOLDER;
	// A classic schedule holds numbers and a 10-character day, which V8 copies when slicing (it
	// only shares storage from 13 characters on): the parser's object is kept, not copied.
	if (schedule.type === "classic") return schedule.due.length < 13 ? segment : { kind: "ok", schedule: { ...schedule, due: detach(schedule.due) } };
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
