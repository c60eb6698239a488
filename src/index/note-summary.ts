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
	readonly deckListIds = new IdTable(this.deckLists, deckListKey, sameDecks);
	readonly keyIds = new IdTable(
		this.statusKeys,
		(key) => key,
		(a, b) => a === b,
	);

	keyId(key: string): number {
		return this.keyIds.idOf(key);
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
	// One note's own tables unless shared ones are given (a batch for another thread).
	const shared = tables ?? new SummaryTables();
	const { deckLists, statusKeys, deckListIds, keyIds } = shared;
	let comments = "";
	let sibling = 0;
	for (let i = 0; i < n; i++) {
		const card = cards[i];
		data[at.kinds + i] = CARD_KINDS.indexOf(card.kind);
		data[at.lines + 2 * i] = card.startLine;
		data[at.lines + 2 * i + 1] = card.endLine;
		data[at.decks + i] = deckListIds.idOf(card.decks);
		data[at.siblingStart + i] = sibling;
		for (const { segment } of card.siblings) {
			data[at.status + sibling++] = keyIds.idOf(keyer.keyOf(segment));
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

/**
 * Ids of the entries of a growing list, each entry once: a scan while the list is short (a note
 * has a few deck lists and status keys), a map once it is long, so a note with thousands of
 * distinct decks or due days stays linear.
 */
class IdTable<T> {
	private ids: Map<string, number> | null = null;

	constructor(
		private readonly entries: T[],
		private readonly keyOf: (entry: T) => string,
		private readonly equal: (a: T, b: T) => boolean,
	) {}

	idOf(entry: T): number {
		const entries = this.entries;
		if (this.ids === null) {
			for (let i = 0; i < entries.length; i++) if (this.equal(entries[i], entry)) return i;
			if (entries.length < SHORT_TABLE) return entries.push(entry) - 1;
			this.ids = new Map(entries.map((e, i) => [this.keyOf(e), i]));
		}
		const key = this.keyOf(entry);
		let id = this.ids.get(key);
		if (id === undefined) {
			id = entries.push(entry) - 1;
			this.ids.set(key, id);
		}
		return id;
	}
}

/** Entries scanned before an {@link IdTable} switches to a map. */
const SHORT_TABLE = 16;

function deckListKey(decks: readonly string[]): string {
	return decks.length === 1 ? decks[0] : decks.join("\u0000");
}

function sameDecks(a: readonly string[], b: readonly string[]): boolean {
	return a === b || (a.length === b.length && a.every((deck, d) => deck === b[d]));
}

/** A copy with its own storage (V8 shares a slice's parent from 13 characters on). */
function flat(text: string): string {
	return text.length < 13 ? text : ` ${text}`.slice(1);
}
