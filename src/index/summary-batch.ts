/**
 * Many note summaries packed for another thread: the numbers of every note in one integer array
 * (transferred, not copied), one string per note (its comments), and tables of tag lists, deck
 * lists and status keys shared by the batch. Copying a batch between threads then costs a few
 * objects, not a dozen per note, and the receiving thread keeps views into the one array.
 */
import { SummaryTables, type NoteSummary } from "./note-summary";

export interface SummaryBatch {
	dayStartHour: number;
	/** Per note, the number the sender gave it (e.g. its place in a file list). */
	ids: Int32Array;
	/** Per note, where its numbers end in `data` (they start where the previous note's end). */
	ends: Int32Array;
	data: Int32Array;
	/** Per note, its comments. */
	comments: string[];
	/** Distinct tag lists of the batch, and per note its entry. */
	tagLists: (readonly string[])[];
	tagList: Int32Array;
	/** Shared by every note of the batch (see `SummaryTables`). */
	deckLists: readonly (readonly string[])[];
	statusKeys: readonly string[];
}

/** Collects the summaries of a batch; make them with {@link tables} so they share its tables. */
export class SummaryBatchBuilder {
	readonly tables = new SummaryTables();
	private readonly ids: number[] = [];
	private readonly summaries: NoteSummary[] = [];

	constructor(private readonly dayStartHour: number) {}

	get size(): number {
		return this.ids.length;
	}

	add(id: number, summary: NoteSummary): void {
		if (summary.deckLists !== this.tables.deckLists || summary.statusKeys !== this.tables.statusKeys || summary.dayStartHour !== this.dayStartHour) {
			throw new Error("a batch holds summaries made with its own tables and day start hour");
		}
		this.ids.push(id);
		this.summaries.push(summary);
	}

	build(): SummaryBatch {
		const count = this.summaries.length;
		const ends = new Int32Array(count);
		let length = 0;
		for (let i = 0; i < count; i++) ends[i] = length += this.summaries[i].data.length;
		const data = new Int32Array(length);
		const comments = new Array<string>(count);
		const tagLists: (readonly string[])[] = [];
		const tagIds = new Map<string, number>();
		const tagList = new Int32Array(count);
		for (let i = 0; i < count; i++) {
			const summary = this.summaries[i];
			data.set(summary.data, i === 0 ? 0 : ends[i - 1]);
			comments[i] = summary.comments;
			// Tag strings cannot hold a line break, so it separates them in the key.
			const key = summary.tags.join("\n");
			let id = tagIds.get(key);
			if (id === undefined) {
				id = tagLists.push(summary.tags) - 1;
				tagIds.set(key, id);
			}
			tagList[i] = id;
		}
		const { deckLists, statusKeys } = this.tables;
		return { dayStartHour: this.dayStartHour, ids: Int32Array.from(this.ids), ends, data, comments, tagLists, tagList, deckLists, statusKeys };
	}
}

/** The buffers of a batch that can be moved to the other thread instead of copied. */
export function batchTransferList(batch: SummaryBatch): ArrayBuffer[] {
	return [batch.ids.buffer, batch.ends.buffer, batch.data.buffer, batch.tagList.buffer] as ArrayBuffer[];
}

/** Calls `each` with every note of a batch: its id and its summary (numbers are views into the batch). */
export function forEachInBatch(batch: SummaryBatch, each: (id: number, summary: NoteSummary) => void): void {
	for (let i = 0; i < batch.ids.length; i++) {
		const start = i === 0 ? 0 : batch.ends[i - 1];
		each(batch.ids[i], {
			dayStartHour: batch.dayStartHour,
			tags: batch.tagLists[batch.tagList[i]],
			deckLists: batch.deckLists,
			statusKeys: batch.statusKeys,
			comments: batch.comments[i],
			data: batch.data.subarray(start, batch.ends[i]),
		});
	}
}
