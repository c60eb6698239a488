/**
 * The card browser's table: one row per sibling in the index, kept as columns (typed arrays and
 * string arrays) so that 100,000 rows are built, searched and sorted without an object per row.
 *
 * Everything the index knows is filled at once by {@link buildCardRows}: deck, status, due day,
 * interval, ease or difficulty, FSRS lapses. Two kinds of facts come later, from elsewhere:
 * - text, card id and marks, from a full parse of each note ({@link CardRows.setNoteTexts}); the
 *   index keeps no card text (docs/architecture.md, "The card browser");
 * - log tallies (reviews, classic lapses, last answer) once the ids are known (`applyLogTallies`).
 */
import type { SegmentState } from "../model/card";
import { addDays, daysBetween, localDay } from "../model/days";
import type { CardIndex, IndexedFile } from "../index/card-index";
import type { DeckRegistry } from "../index/deck-registry";
import { dueDay } from "../schedule/status";

/** Status codes as the index's status classes number them (src/index/status-keys.ts). */
export const ROW_DUE = 0;
export const ROW_NEW = 1;
export const ROW_LEARNING = 2;
export const ROW_LATER = 3;

/** What a full parse of a note gives each of its siblings (cards and siblings in note order). */
export interface SiblingText {
	question: string;
	answer: string;
	/** The sibling's card id (src/stats/card-id.ts). */
	id: string;
	marks?: { suspended: boolean; flag: number };
}

export class CardRows {
	/** Number of rows. */
	readonly length: number;
	/** The local day the rows were built on (due columns count from it). */
	readonly today: string;
	readonly files: readonly IndexedFile[];
	/** First row of each file; one extra entry closes the last file. */
	readonly fileStart: Int32Array;
	/** Per row: index into `files`, card index in the file, sibling index in the card. */
	readonly file: Int32Array;
	readonly card: Int32Array;
	readonly sibling: Int32Array;
	/** Card's first line (0-based), to open the card (a comment column: see {@link fillSchedules}). */
	readonly line: Int32Array;
	/** Deck combination id (the index's deck registry). */
	readonly combo: Int32Array;
	/** Status code ({@link ROW_DUE} …) and whether a review is overdue. */
	readonly status: Uint8Array;
	readonly overdue: Uint8Array;
	/** Days from today to the due day (negative: overdue); NaN when the sibling has none (new). */
	readonly due: Float64Array;
	/** Interval in days; NaN for a new sibling. */
	readonly interval: Float64Array;
	/** SM-2 ease as a factor (2.5); NaN for FSRS and new siblings. */
	readonly ease: Float64Array;
	/** FSRS difficulty (1–10); NaN for SM-2 and new siblings. */
	readonly difficulty: Float64Array;
	/** Lapses: FSRS's count from the comment, or (SM-2) the log's count of forgotten reviews. */
	readonly lapses: Int32Array;
	/** Answers logged for the card (at least FSRS's own count of reviews). */
	readonly reviews: Int32Array;
	/** Time of the last logged answer (ms since the epoch); NaN when none. */
	readonly lastAnswer: Float64Array;
	/** Flag 0–7 (0 = none) and suspended (1), from the sibling's marks. */
	readonly flag: Uint8Array;
	readonly suspended: Uint8Array;
	/** Question text (Markdown) as shown; "" until the note's text is read. */
	readonly question: string[];
	/** Lower-cased question and answer, what free text is searched in; "" until read. */
	readonly text: string[];
	/** Card id; "" until the note's text is read. */
	readonly id: string[];
	/** Per file: whether its text was read. */
	readonly textRead: Uint8Array;
	/** Per file: whether its comment columns were filled ({@link fillSchedules}). */
	readonly schedulesRead: Uint8Array;
	private readonly decks: DeckRegistry;

	constructor(index: CardIndex, files: readonly IndexedFile[], today: string) {
		this.files = files;
		this.today = today;
		this.decks = index.decks;
		this.fileStart = new Int32Array(files.length + 1);
		let n = 0;
		for (let f = 0; f < files.length; f++) {
			this.fileStart[f] = n;
			n += files[f].classes.length;
		}
		this.fileStart[files.length] = n;
		this.length = n;
		this.file = new Int32Array(n);
		this.card = new Int32Array(n);
		this.sibling = new Int32Array(n);
		this.line = new Int32Array(n);
		this.combo = new Int32Array(n);
		this.status = new Uint8Array(n);
		this.overdue = new Uint8Array(n);
		this.due = new Float64Array(n).fill(NaN);
		this.interval = new Float64Array(n).fill(NaN);
		this.ease = new Float64Array(n).fill(NaN);
		this.difficulty = new Float64Array(n).fill(NaN);
		this.lapses = new Int32Array(n);
		this.reviews = new Int32Array(n);
		this.lastAnswer = new Float64Array(n).fill(NaN);
		this.flag = new Uint8Array(n);
		this.suspended = new Uint8Array(n);
		this.question = new Array<string>(n).fill("");
		this.text = new Array<string>(n).fill("");
		this.id = new Array<string>(n).fill("");
		this.textRead = new Uint8Array(files.length);
		this.schedulesRead = new Uint8Array(files.length);
	}

	/** The card's decks as written (shared array; may be empty). */
	decksOf(row: number): readonly string[] {
		return this.decks.writtenDecks(this.combo[row]);
	}

	/** The card's first deck, "" when it has none. */
	deckOf(row: number): string {
		return this.decksOf(row)[0] ?? "";
	}

	pathOf(row: number): string {
		return this.files[this.file[row]].path;
	}

	/** The card's first line (fills its file's comment columns when needed). */
	lineOf(row: number): number {
		this.fillSchedules(this.file[row]);
		return this.line[row];
	}

	/** The row of sibling `sibling` of card `card` in file number `file`. */
	rowOf(file: number, card: number, sibling: number): number {
		return this.fileStart[file] + this.files[file].siblingStart[card] + sibling;
	}

	/**
	 * Fills the text, ids and marks of file number `file` from a full parse of the note: one entry
	 * per card (in note order), one per sibling. A parse that no longer matches what the index
	 * holds (the note changed meanwhile) is ignored; the next index change brings a new table.
	 */
	setNoteTexts(file: number, cards: readonly (readonly SiblingText[])[]): boolean {
		const entry = this.files[file];
		if (cards.length !== entry.cardCount) return false;
		for (let c = 0; c < cards.length; c++) if (cards[c].length !== entry.siblingStart[c + 1] - entry.siblingStart[c]) return false;
		let row = this.fileStart[file];
		for (const siblings of cards) {
			for (const sibling of siblings) {
				this.question[row] = sibling.question;
				this.text[row] = `${sibling.question}\n${sibling.answer}`.toLowerCase();
				this.id[row] = sibling.id;
				this.flag[row] = sibling.marks ? Math.max(0, Math.min(7, sibling.marks.flag | 0)) : 0;
				this.suspended[row] = sibling.marks?.suspended ? 1 : 0;
				row++;
			}
		}
		this.textRead[file] = 1;
		return true;
	}

	/** Fills the columns read from file `f`'s comments (interval, ease, difficulty, lapses, line), once. */
	fillSchedules(f: number): void {
		if (this.schedulesRead[f] === 1) return;
		this.schedulesRead[f] = 1;
		const file = this.files[f];
		let row = this.fileStart[f];
		for (let c = 0; c < file.cardCount; c++) {
			const card = file.readCard(c);
			for (let s = 0; s < card.segments.length; s++, row++) {
				this.line[row] = card.startLine;
				fillSchedule(this, row, card.segments[s]);
			}
		}
	}

	/** Fills the comment columns of every file not filled yet (before a sort or search that reads them). */
	fillAllSchedules(): void {
		for (let f = 0; f < this.files.length; f++) this.fillSchedules(f);
	}

	/** Whether every file's comment columns are filled. */
	get allSchedulesRead(): boolean {
		return this.schedulesRead.every((read) => read === 1);
	}

	/** Whether every file's text was read. */
	get allTextRead(): boolean {
		return this.textRead.every((read) => read === 1);
	}
}

/**
 * Where each row of `previous` is in `next` (a table built after the index changed): the same
 * note, card number and sibling, or -1 when that note or card is gone. Keeps a selection.
 */
export function rowMapping(previous: CardRows, next: CardRows): (row: number) => number {
	const byPath = new Map(next.files.map((file, f) => [file.path, f]));
	return (row) => {
		const f = byPath.get(previous.pathOf(row));
		if (f === undefined) return -1;
		const file = next.files[f];
		const card = previous.card[row];
		const sibling = previous.sibling[row];
		if (card >= file.cardCount || sibling >= file.siblingStart[card + 1] - file.siblingStart[card]) return -1;
		return next.rowOf(f, card, sibling);
	};
}

/** The due local day of a row as `YYYY-MM-DD`, or "" when it has none. */
export function dueDayOf(rows: CardRows, row: number): string {
	const days = rows.due[row];
	if (Number.isNaN(days)) return "";
	return addDays(rows.today, days);
}

/**
 * One row per sibling of the index at `now`, files in path order, cards and siblings in note
 * order. Only the index's arrays are read here (status and due day from its status classes,
 * resolved once per class), so the first rows appear at once; the columns that need each card's
 * comment read (interval, ease, difficulty, lapses, line) are filled per file by
 * {@link CardRows.fillSchedules}, on demand or in the background.
 */
export function buildCardRows(index: CardIndex, now: Date): CardRows {
	const hour = index.dayStartHour;
	const today = localDay(now, hour);
	const rows = new CardRows(index, index.files(), today);
	const { status, overdue } = index.statusesAt(now);
	// Due offsets per status class: a class shares its due day (src/index/status-keys.ts).
	const classDue = new Float64Array(status.length).fill(NaN);
	for (let id = 0; id < classDue.length; id++) classDue[id] = dueOffset(index.classRepresentative(id), today, hour);
	const files = rows.files;
	for (let f = 0; f < files.length; f++) {
		const { siblingStart, classes, combinations, cardCount } = files[f];
		const base = rows.fileStart[f];
		for (let c = 0; c < cardCount; c++) {
			for (let s = siblingStart[c]; s < siblingStart[c + 1]; s++) {
				const row = base + s;
				const cls = classes[s];
				rows.file[row] = f;
				rows.card[row] = c;
				rows.sibling[row] = s - siblingStart[c];
				rows.combo[row] = combinations[c];
				rows.status[row] = status[cls];
				rows.overdue[row] = overdue[cls];
				rows.due[row] = classDue[cls];
			}
		}
	}
	return rows;
}

function dueOffset(segment: SegmentState, today: string, hour: number): number {
	if (segment.kind !== "ok" || segment.schedule === null) return NaN;
	if (segment.schedule.type === "fsrs" && segment.schedule.state === 0) return NaN;
	const day = dueDay(segment.schedule, hour);
	return day === null ? NaN : daysBetween(today, day);
}

function fillSchedule(rows: CardRows, row: number, segment: SegmentState): void {
	if (segment.kind !== "ok" || segment.schedule === null) return;
	const schedule = segment.schedule;
	if (schedule.type === "classic") {
		rows.interval[row] = schedule.interval;
		rows.ease[row] = schedule.ease / 100;
		return;
	}
	if (schedule.state === 0) return;
	rows.interval[row] = schedule.interval;
	rows.difficulty[row] = schedule.difficulty;
	// FSRS counts its own lapses; the log may know more answers than the comment's reps.
	rows.lapses[row] = schedule.lapses;
	rows.reviews[row] = Math.max(rows.reviews[row], schedule.reps);
}
