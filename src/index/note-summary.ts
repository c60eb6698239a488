/**
 * A note's cards reduced to what the index keeps, as plain data: one integer array and a few
 * strings. A summary is cheap to keep (no object per card or per sibling) and cheap to send to
 * another thread (structured clone), so notes can be parsed off the main thread and indexed on it.
 *
 * Schedules are kept as the text of the cards' comments: the parser reads a card's segments from
 * its comment, so reading that text again gives the same segments (see {@link summarySegments}).
 */
import { readSchedulingComment } from "../cards/comment";
import type { Card, CardKind, SegmentState } from "../model/card";
import type { StatusKeyer } from "./status-keys";

/** Card kinds by their code in a summary. */
export const CARD_KINDS: readonly CardKind[] = ["singleline", "singleline-reversed", "multiline", "multiline-reversed", "cloze"];

/** What the index needs from a parsed note (a `ParsedNote` fits). */
export interface NoteForIndex {
	/** The note's tags as written, with `#` (frontmatter and body). */
	tags: readonly string[];
	cards: readonly Card[];
}

export interface NoteSummary {
	/** The day start hour the status keys were made with. */
	dayStartHour: number;
	/** The note's tags as written. */
	tags: readonly string[];
	/** The distinct deck lists of the note's cards, as written. */
	deckLists: readonly (readonly string[])[];
	/** The distinct status keys of the note's siblings (see `statusKeyOf`). */
	statusKeys: readonly string[];
	/** The cards' scheduling comments, one after another, exactly as written. */
	comments: string;
	/** Every number of the note, laid out as {@link SummaryLayout} says. */
	data: Int32Array;
}

/**
 * Where each part of `NoteSummary.data` starts, for `n` cards and `m` siblings: `[n, m]`, then
 * per card its kind code, its first and last line (pairs), its comment's start and end in
 * `comments` (pairs, -1 for none), its deck list, then the first sibling of each card (n + 1
 * entries) and each sibling's status key. The index rewrites deck lists and status keys in place
 * into its own combination and class ids.
 */
export class SummaryLayout {
	readonly cards: number;
	readonly siblings: number;
	readonly kinds = 2;
	readonly lines: number;
	readonly comments: number;
	readonly decks: number;
	readonly siblingStart: number;
	readonly status: number;
	readonly length: number;

	constructor(cards: number, siblings: number) {
		this.cards = cards;
		this.siblings = siblings;
		this.lines = this.kinds + cards;
		this.comments = this.lines + 2 * cards;
		this.decks = this.comments + 2 * cards;
		this.siblingStart = this.decks + cards;
		this.status = this.siblingStart + cards + 1;
		this.length = this.status + siblings;
	}

	static of(data: Int32Array): SummaryLayout {
		return new SummaryLayout(data[0], data[1]);
	}
}

/**
 * Deck lists and status keys shared by the summaries of several notes, so that a batch of
 * summaries sent to another thread carries each of them once (structured clone keeps shared
 * objects shared within one message). Start a new one for every batch: it only grows.
 */
export class SummaryTables {
	readonly deckLists: (readonly string[])[] = [];
	readonly statusKeys: string[] = [];
	private readonly keyIds = new Map<string, number>();

	keyId(key: string): number {
		let id = this.keyIds.get(key);
		if (id === undefined) {
			id = this.statusKeys.push(key) - 1;
			this.keyIds.set(key, id);
		}
		return id;
	}
}

/**
 * Summarises a note. `keyer` gives each sibling's status key at the index's day start hour
 * (keys hold due days): one `statusKeyer` per index or thread, so its memo is shared.
 * With `tables`, the summary's deck lists and status keys are those shared tables.
 */
export function summarizeNote(note: NoteForIndex, keyer: StatusKeyer, tables?: SummaryTables): NoteSummary {
	const cards = note.cards;
	const n = cards.length;
	let m = 0;
	for (let i = 0; i < n; i++) m += cards[i].siblings.length;
	const at = new SummaryLayout(n, m);
	const data = new Int32Array(at.length);
	data[0] = n;
	data[1] = m;
	const deckLists: (readonly string[])[] = tables ? tables.deckLists : [];
	const statusKeys: string[] = tables ? tables.statusKeys : [];
	let comments = "";
	let sibling = 0;
	for (let i = 0; i < n; i++) {
		const card = cards[i];
		data[at.kinds + i] = CARD_KINDS.indexOf(card.kind);
		data[at.lines + 2 * i] = card.startLine;
		data[at.lines + 2 * i + 1] = card.endLine;
		data[at.decks + i] = listIndex(deckLists, card.decks);
		data[at.siblingStart + i] = sibling;
		for (const { segment } of card.siblings) {
			const key = keyer.keyOf(segment);
			let k = tables ? tables.keyId(key) : statusKeys.indexOf(key);
			if (k < 0) k = statusKeys.push(key) - 1;
			data[at.status + sibling++] = k;
		}
		const comment = card.comment;
		if (comment) {
			data[at.comments + 2 * i] = comments.length;
			comments += comment.raw;
			data[at.comments + 2 * i + 1] = comments.length;
		} else {
			// A card without a comment: its siblings are new, as the parser reads them.
			data[at.comments + 2 * i] = data[at.comments + 2 * i + 1] = -1;
		}
	}
	data[at.siblingStart + n] = sibling;
	// A flat copy: the summary keeps no slice of the note's text alive.
	return { dayStartHour: keyer.dayStartHour, tags: note.tags, deckLists, statusKeys, comments: flat(comments), data };
}

/** The segments of card `i` of a summary, one per sibling. */
export function summarySegments(summary: Pick<NoteSummary, "comments" | "data">, i: number, at = SummaryLayout.of(summary.data)): readonly SegmentState[] {
	const data = summary.data;
	const siblings = data[at.siblingStart + i + 1] - data[at.siblingStart + i];
	const start = data[at.comments + 2 * i];
	// Read as the parser reads a card's comment: segment k is sibling k's, missing ones are new.
	const states = start < 0 ? null : readSchedulingComment(summary.comments.slice(start, data[at.comments + 2 * i + 1]));
	const segments = new Array<SegmentState>(siblings);
	for (let s = 0; s < siblings; s++) segments[s] = states?.[s] ?? ABSENT;
	return segments;
}

const ABSENT: SegmentState = { kind: "absent" };

/** The entry of `lists` equal to `decks` (added when new); notes and batches have a few lists at most. */
function listIndex(lists: (readonly string[])[], decks: readonly string[]): number {
	for (let i = 0; i < lists.length; i++) {
		const list = lists[i];
		if (list === decks) return i;
		if (list.length === decks.length && list.every((deck, d) => deck === decks[d])) return i;
	}
	return lists.push(decks) - 1;
}

/** A copy with its own storage (V8 shares a slice's parent from 13 characters on). */
function flat(text: string): string {
	return text.length < 13 ? text : ` ${text}`.slice(1);
}
