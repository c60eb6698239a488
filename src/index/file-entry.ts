/**
 * One file in the index: its summary's integer array (read through views for counting) and its
 * comments, from which its cards are read back on demand. No object is kept per card or per
 * sibling, which keeps the index small and its full build cheap for the garbage collector.
 */
import type { CardKind, SegmentState } from "../model/card";
import { CARD_KINDS, SummaryLayout, summarySegments, type NoteSummary } from "./note-summary";

/**
 * A card as the index knows it: enough for the deck list, queries and the review queue. The
 * card's text is not kept; a review reads the note again and finds the card by `startLine`
 * among the freshly parsed cards.
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
	readonly cardCount: number;
	/** Deck combination id per card (see DeckRegistry). */
	readonly combinations: Int32Array;
	/** Index of each card's first sibling in `classes`; one extra entry closes the last card. */
	readonly siblingStart: Int32Array;
	/** Status class id per sibling, cards in order. */
	readonly classes: Int32Array;
	/** Distinct deck spelling ids of the file, in the order first seen. */
	readonly spellings: readonly number[];
	/** Card `i`, read back from the summary (a new object on every call). */
	readCard(i: number): IndexedCard;
	/** Every card, read back from the summary (new objects on every call: keep them while needed). */
	readCards(): IndexedCard[];
}

/** What an entry keeps of its note's summary: the numbers (ids already the index's) and the comments. */
export type StoredSummary = Pick<NoteSummary, "comments" | "data">;

/** The decks as written of a combination id (the index's deck registry). */
export interface WrittenDecks {
	writtenDecks(combination: number): readonly string[];
}

export class FileEntry implements IndexedFile {
	readonly combinations: Int32Array;
	readonly siblingStart: Int32Array;
	readonly classes: Int32Array;
	private readonly at: SummaryLayout;

	constructor(
		readonly path: string,
		readonly tags: readonly string[],
		readonly spellings: readonly number[],
		private readonly summary: StoredSummary,
		private readonly decks: WrittenDecks,
	) {
		const at = SummaryLayout.of(summary.data);
		this.at = at;
		// Views into the one array, so the deck tree and queries read plain typed arrays.
		this.combinations = summary.data.subarray(at.decks, at.decks + at.cards);
		this.siblingStart = summary.data.subarray(at.siblingStart, at.siblingStart + at.cards + 1);
		this.classes = summary.data.subarray(at.status, at.status + at.siblings);
	}

	get cardCount(): number {
		return this.at.cards;
	}

	readCard(i: number): IndexedCard {
		const { data } = this.summary;
		const at = this.at;
		return {
			kind: CARD_KINDS[data[at.kinds + i]],
			startLine: data[at.lines + 2 * i],
			endLine: data[at.lines + 2 * i + 1],
			decks: this.decks.writtenDecks(this.combinations[i]),
			segments: summarySegments(this.summary, i, at),
		};
	}

	readCards(): IndexedCard[] {
		const cards = new Array<IndexedCard>(this.cardCount);
		for (let i = 0; i < cards.length; i++) cards[i] = this.readCard(i);
		return cards;
	}

	/** The same file under another path (a rename). */
	withPath(path: string): FileEntry {
		return new FileEntry(path, this.tags, this.spellings, this.summary, this.decks);
	}

	/** The same file with other status classes (after the day start hour changed). */
	withClasses(classes: Int32Array): FileEntry {
		const data = this.summary.data.slice();
		data.set(classes, this.at.status);
		return new FileEntry(this.path, this.tags, this.spellings, { ...this.summary, data }, this.decks);
	}
}
