/**
 * The card browser's rows and what arrives for them after they are first drawn: the columns
 * read from the cards' comments, the text of the notes (text-loader.ts) and the review log's
 * figures. Each rebuild from the index starts a new generation; work of an older one stops.
 * The browser is told what changed and redraws (card-browser.ts).
 */
import { Notice } from "obsidian";
import { buildCardRows, type CardRows } from "../../browse/card-rows";
import { applyLogTallies } from "../../browse/row-log";
import { logTallies, type LogTally } from "../../stats/card-history";
import type { MergedLog } from "../../stats/merge";
import type { PluginServices } from "../services";
import { NoteTextCache } from "./text-loader";

/** Background work between two yields to the interface, ms. */
const SLICE_MS = 12;
/** Least time between two refreshes of the rows in view while card text is being read, ms. */
const REFRESH_MS = 250;

function nextTask(): Promise<void> {
	return new Promise((resolve) => window.setTimeout(resolve, 0));
}

/** What the browser does when the data changed. */
export interface BrowserDataEvents {
	/** New rows replaced `previous` (null the first time): sort, search and draw them. */
	rebuilt(rows: CardRows, previous: CardRows | null): void;
	/** Text, marks, ids or log figures arrived for some rows (at most every {@link REFRESH_MS}). */
	progressed(): void;
	/** The text of every note is in `rows`. */
	textsRead(rows: CardRows): void;
	/** The review log was read and its figures are in the rows. */
	logRead(): void;
}

export class BrowserData {
	private current: CardRows | null = null;
	private reviewLog: MergedLog | null = null;
	private tallies: ReadonlyMap<string, LogTally> = new Map();
	private readonly texts: NoteTextCache;
	private progress: { done: number; total: number } | null = null;
	private generation = 0;
	/** Resolves when the card text of every note has been read (tests, the benchmark). */
	textRead: Promise<void> = Promise.resolve();

	constructor(
		private readonly services: PluginServices,
		private readonly events: BrowserDataEvents,
	) {
		this.texts = new NoteTextCache({ read: (path) => services.notes.read(path), settings: () => services.settings() });
	}

	/** The rows, once built. */
	get rows(): CardRows | null {
		return this.current;
	}

	/** The review log, once read. */
	get log(): MergedLog | null {
		return this.reviewLog;
	}

	/** How many notes' text has been read of how many; null when none is being read. */
	get textProgress(): { done: number; total: number } | null {
		return this.progress;
	}

	/** The answer of a row, when its note's text was read ("" otherwise). */
	answerOf(rows: CardRows, row: number): string {
		return this.texts.sibling(rows.pathOf(row), rows.card[row], rows.sibling[row])?.answer ?? "";
	}

	/** Builds the rows from the index; the rest of their columns follow in the background. */
	rebuild(): void {
		const generation = ++this.generation;
		const previous = this.current;
		const rows = buildCardRows(this.services.indexer.index, this.services.now());
		this.current = rows;
		const missing = this.texts.fill(rows);
		applyLogTallies(rows, this.tallies);
		this.progress = missing.length === 0 ? null : { done: 0, total: missing.length };
		this.events.rebuilt(rows, previous);
		this.textRead = this.fillInBackground(rows, missing, () => generation === this.generation);
	}

	/** Stops the work in the background (the browser closed). */
	stop(): void {
		this.generation++;
	}

	/** Reads the review log and puts its figures in the rows. */
	async loadLog(): Promise<void> {
		if (!this.services.readLog) return;
		try {
			this.reviewLog = await this.services.readLog();
		} catch (error) {
			new Notice(`Spaced Notes: the review history could not be read: ${String(error)}`);
			return;
		}
		this.tallies = logTallies(this.reviewLog);
		if (!this.current) return;
		applyLogTallies(this.current, this.tallies);
		this.events.logRead();
	}

	/**
	 * After the first rows: the columns read from the cards' comments, then the text of the notes
	 * not read yet, in slices that leave the interface responsive. The browser is told at most
	 * every {@link REFRESH_MS}, and once at the end.
	 */
	private async fillInBackground(rows: CardRows, missing: readonly number[], current: () => boolean): Promise<void> {
		// The rows just drawn are painted first.
		await nextTask();
		if (!current()) return;
		let sliceStart = performance.now();
		for (let f = 0; f < rows.files.length; f++) {
			rows.fillSchedules(f);
			if (performance.now() - sliceStart > SLICE_MS) {
				await nextTask();
				if (!current()) return;
				sliceStart = performance.now();
			}
		}
		if (missing.length === 0) return;
		let applied = 0;
		let refreshed = performance.now();
		const finished = await this.texts.read(
			rows,
			missing,
			(done) => {
				for (let i = applied; i < done; i++) applyLogTallies(rows, this.tallies, rows.fileStart[missing[i]], rows.fileStart[missing[i] + 1]);
				applied = done;
				this.progress = { done, total: missing.length };
				if (performance.now() - refreshed > REFRESH_MS) {
					refreshed = performance.now();
					this.events.progressed();
				}
			},
			current,
		);
		if (!finished) return;
		this.progress = null;
		this.events.textsRead(rows);
	}
}
