/**
 * Turns note summaries into the index's file entries: deck lists become deck combination ids,
 * status keys become status class ids (both interned for the whole index), written in place into
 * the summary's integer array, and the note's other tags are normalised and shared.
 */
import type { SegmentState } from "../model/card";
import { normaliseTag, tagMatchesAny } from "../decks/tags";
import type { DeckRegistry } from "./deck-registry";
import { FileEntry, type IndexedCard } from "./file-entry";
import { SummaryLayout, summarySegments, type NoteSummary } from "./note-summary";
import type { StatusClasses } from "./status-keys";

/** A summary table and the index's id of each of its entries (-1 until first used). */
interface TableIds {
	table: readonly unknown[] | null;
	ids: number[];
}

export class FileEntryBuilder {
	private readonly tagStrings = new Map<string, string>();
	private readonly lastDecks: TableIds = { table: null, ids: [] };
	private readonly lastStatus: TableIds = { table: null, ids: [] };

	constructor(
		private readonly registry: DeckRegistry,
		private readonly flashcardTags: readonly string[],
		private currentStatuses: StatusClasses,
	) {}

	get statuses(): StatusClasses {
		return this.currentStatuses;
	}

	/** New status classes (another day start hour): the status keys seen so far mean nothing to them. */
	setStatuses(statuses: StatusClasses): void {
		this.currentStatuses = statuses;
		this.lastStatus.table = null;
	}

	/** The entry of a note's summary; rewrites the summary's deck lists and status keys in place. */
	build(path: string, summary: NoteSummary): FileEntry {
		const data = summary.data;
		const at = SummaryLayout.of(data);
		// Deck lists and status keys are few per note (or shared by a batch of notes): map each
		// once, on first use, then rewrite the note's numbers in place with the index's ids.
		const combinationOf = idsOf(this.lastDecks, summary.deckLists);
		// The note's distinct deck spellings: a set, since a note may name thousands of decks.
		const spellings = new Set<number>();
		let previous = -1;
		for (let i = at.decks; i < at.decks + at.cards; i++) {
			const list = data[i];
			let id = combinationOf[list];
			if (id < 0) id = combinationOf[list] = this.registry.combinationOf(summary.deckLists[list]);
			data[i] = id;
			if (id === previous) continue;
			previous = id;
			for (const spelling of this.registry.combinations[id].spellings) spellings.add(spelling);
		}
		if (summary.dayStartHour === this.currentStatuses.dayStartHour) {
			const classOf = idsOf(this.lastStatus, summary.statusKeys);
			for (let s = at.status; s < at.length; s++) {
				const k = data[s];
				let id = classOf[k];
				if (id < 0) id = classOf[k] = this.currentStatuses.classOfKey(summary.statusKeys[k], () => segmentOfSibling(summary, at, s - at.status));
				data[s] = id;
			}
		} else {
			// Keys of another day start hour: class every sibling by its own segment.
			for (let i = 0, s = at.status; i < at.cards; i++)
				for (const segment of summarySegments(summary, i, at)) data[s++] = this.currentStatuses.classOf(detachedSegment(segment));
		}
		// Keep the numbers and the comments only: the summary's tags and decks may be slices of the note's text.
		return new FileEntry(path, this.otherTags(summary.tags), [...spellings], { comments: summary.comments, data }, this.registry);
	}

	/** The status class of every sibling of `cards`, in order. */
	classesOf(cards: readonly IndexedCard[]): Int32Array {
		let total = 0;
		for (const card of cards) total += card.segments.length;
		const classes = new Int32Array(total);
		let at = 0;
		for (const card of cards) for (const segment of card.segments) classes[at++] = this.currentStatuses.classOf(detachedSegment(segment));
		return classes;
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
}

/**
 * The index's ids for `table`, -1 until first used. A batch of notes shares its tables, so the
 * ids are kept while the same table comes back (a table only grows).
 */
function idsOf(last: TableIds, table: readonly unknown[]): number[] {
	if (last.table !== table) {
		last.table = table;
		last.ids = [];
	}
	while (last.ids.length < table.length) last.ids.push(-1);
	return last.ids;
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
	// Marks (docs/format.md, "Suspended and flagged cards") hold no strings: kept as they are.
	if (segment.marks) return { ...detachedSegment({ ...segment, marks: undefined }), marks: segment.marks } as SegmentState;
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
