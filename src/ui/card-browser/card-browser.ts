/**
 * The card browser: one row per sibling with its question, deck, state, due day, interval, ease
 * or difficulty, lapses, reviews, flag and note; a search box (src/browse/card-search.ts), sorting
 * by any column, a selection of many rows and actions on them. Rows are columns in typed arrays
 * (src/browse/card-rows.ts), kept sorted by the chosen column; a keystroke filters that order
 * and redraws the few rows in view (src/ui/card-browser/virtual-list.ts).
 */
import { Notice, Platform } from "obsidian";
import { buildCardRows, rowMapping, type CardRows } from "../../browse/card-rows";
import { parseCardSearch, searchesText, type CardSearch } from "../../browse/card-search";
import { applyLogTallies } from "../../browse/row-log";
import { sortedRows, type RowColumn } from "../../browse/row-sort";
import { compileSearch, filterRows } from "../../browse/search-eval";
import { logTallies, type LogTally } from "../../stats/card-history";
import type { MergedLog } from "../../stats/merge";
import { DEFAULT_SETTINGS } from "../../settings/settings";
import type { BrowserActions, BrowserCardRef, PluginServices } from "../services";
import { BrowserActionBar } from "./action-bar";
import { BrowserRows } from "./browser-row";
import { renderHeader, statusLine } from "./columns";
import { openCardInTab } from "./open-card";
import { RowSelection } from "./selection";
import { NoteTextCache } from "./text-loader";
import { VirtualList } from "./virtual-list";

export interface CardBrowserOptions {
	/** Opens the card info of a row (the view opens a modal). */
	showInfo?(rows: CardRows, row: number, log: MergedLog | null): void;
	/** Lapses from which a card is a leech (the setting, when there is one). */
	leechLapses?(): number;
	/** Wait before rebuilding the rows after the index changed, ms. */
	rebuildDelayMs?: number;
}

/** Row height, px: fixed, so positions are computed; taller on phones for touch. */
const ROW_HEIGHT = Platform.isMobile ? 44 : 32;
const OVERSCAN = 8;
/** Background work between two yields to the interface, ms. */
const SLICE_MS = 12;
/** Least time between two refreshes of the rows in view while card text is being read, ms. */
const REFRESH_MS = 250;

function nextTask(): Promise<void> {
	return new Promise((resolve) => window.setTimeout(resolve, 0));
}

export class CardBrowser {
	private rows: CardRows | null = null;
	private sorted: Int32Array = new Int32Array(0);
	private shown: Int32Array = new Int32Array(0);
	private buffer: Int32Array = new Int32Array(0);
	private sortColumn: RowColumn = "note";
	private descending = false;
	private search: CardSearch = { source: "", groups: [] };
	private readonly selection = new RowSelection();
	private readonly rowViews = new BrowserRows();
	private cursor = -1;
	private log: MergedLog | null = null;
	private tallies: ReadonlyMap<string, LogTally> = new Map();
	private readonly texts: NoteTextCache;
	private textProgress: { done: number; total: number } | null = null;
	private generation = 0;
	private rebuildTimer: number | null = null;
	private unsubscribe: (() => void) | null = null;
	private root: HTMLElement | null = null;
	private input: HTMLInputElement | null = null;
	private errorEl: HTMLElement | null = null;
	private statusEl: HTMLElement | null = null;
	private headerEl: HTMLElement | null = null;
	private list: VirtualList | null = null;
	private actionBar: BrowserActionBar | null = null;

	constructor(
		private readonly containerEl: HTMLElement,
		private readonly services: PluginServices,
		private readonly options: CardBrowserOptions = {},
	) {
		this.texts = new NoteTextCache({ read: (path) => services.notes.read(path), settings: () => services.settings() });
	}

	/** Builds the browser, draws the first rows from the index, then reads the log and the card text. */
	open(): void {
		const root = this.containerEl.createDiv("sn-browser");
		this.root = root;
		const toolbar = root.createDiv("sn-browser-toolbar");
		const input = toolbar.createEl("input", {
			cls: "sn-browser-search",
			type: "search",
			placeholder: "Search: #deck is:due prop:ivl>30 text",
			attr: { "aria-label": "Search cards", spellcheck: "false" },
		});
		this.input = input;
		input.addEventListener("input", () => this.setSearch(input.value));
		input.addEventListener("keydown", (event) => {
			if (event.key === "ArrowDown" || event.key === "Enter") {
				event.preventDefault();
				this.moveCursor(0, false);
				this.list?.scroller.focus();
			}
		});
		this.actionBar = new BrowserActionBar(this.services.app, toolbar, this.actions(), {
			selected: () => this.selectedRefs(),
			selectAll: () => this.selectAll(),
			showInfo: () => this.showInfo(this.cursorRow()),
			done: () => this.scheduleRebuild(0),
		});
		this.errorEl = root.createDiv({ cls: "sn-browser-error", attr: { role: "alert" } });
		this.statusEl = root.createDiv({ cls: "sn-browser-status", attr: { role: "status" } });
		const table = root.createDiv({ cls: "sn-browser-table", attr: { role: "grid", "aria-label": "Cards", "aria-multiselectable": "true" } });
		this.headerEl = table.createDiv({ cls: "sn-browser-header", attr: { role: "row" } });
		const list = new VirtualList(table, {
			rowHeight: ROW_HEIGHT,
			overscan: OVERSCAN,
			createRow: () => this.rowViews.create(),
			updateRow: (el, position) => {
				const rows = this.rows;
				if (!rows) return;
				const row = this.shown[position];
				rows.fillSchedules(rows.file[row]);
				this.rowViews.update(el, rows, row, this.selection.has(row), position === this.cursor);
			},
		});
		this.list = list;
		list.scroller.addEventListener("keydown", (event) => this.onKeyDown(event));
		list.scroller.addEventListener("click", (event) => this.onListClick(event));
		list.scroller.addEventListener("dblclick", (event) => {
			const position = list.positionOf(event.target);
			if (position >= 0) this.showInfo(this.shown[position]);
		});
		this.renderHeader();
		this.rebuild();
		this.unsubscribe = this.services.indexer.onChange(() => this.scheduleRebuild(this.options.rebuildDelayMs ?? 250));
		void this.loadLog();
	}

	close(): void {
		this.generation++;
		this.unsubscribe?.();
		this.unsubscribe = null;
		if (this.rebuildTimer !== null) window.clearTimeout(this.rebuildTimer);
		this.rebuildTimer = null;
		this.list?.destroy();
		this.list = null;
		this.root?.remove();
		this.root = null;
	}

	/** The rows as shown (tests and the card info). */
	get table(): CardRows | null {
		return this.rows;
	}

	/** Row numbers in the order shown. */
	get shownRows(): Int32Array {
		return this.shown;
	}

	/** Resolves when the card text of every note has been read (tests, the benchmark). */
	textRead: Promise<void> = Promise.resolve();

	/** The answer of a row, when its note's text was read ("" otherwise). */
	answerOf(rows: CardRows, row: number): string {
		return this.texts.sibling(rows.pathOf(row), rows.card[row], rows.sibling[row])?.answer ?? "";
	}

	/** Opens a card's note at the card (the action given, or the workspace's default). */
	async openCard(card: BrowserCardRef): Promise<void> {
		try {
			await this.actions().open(card);
		} catch (error) {
			new Notice(`Spaced Notes: the note could not be opened: ${String(error)}`);
		}
	}

	/** Puts `expression` in the search box and searches (the deck list's leech count opens the browser so). */
	showSearch(expression: string): void {
		if (this.input) this.input.value = expression;
		this.setSearch(expression);
	}

	/** Sets the search (as the box does) and filters the rows. */
	setSearch(expression: string): void {
		const parsed = parseCardSearch(expression);
		if (!parsed.ok) {
			// Keep showing the last good result: typing passes through unfinished words.
			this.errorEl?.setText(parsed.error);
			return;
		}
		this.errorEl?.setText("");
		this.search = parsed.search;
		this.applySearch();
	}

	/** Sorts by `column`; the same column again flips the direction. */
	sortBy(column: RowColumn, descending?: boolean): void {
		this.descending = descending ?? (column === this.sortColumn ? !this.descending : false);
		this.sortColumn = column;
		if (this.rows) this.sorted = sortedRows(this.rows, column, this.descending);
		this.renderHeader();
		this.applySearch();
	}

	private actions(): BrowserActions {
		return this.services.browserActions ?? { open: (card) => openCardInTab(this.services.app, card) };
	}

	/** Builds the rows from the index and draws them; the rest of their columns follow in the background. */
	private rebuild(): void {
		const generation = ++this.generation;
		const previous = this.rows;
		const rows = buildCardRows(this.services.indexer.index, this.services.now());
		this.rows = rows;
		const missing = this.texts.fill(rows);
		applyLogTallies(rows, this.tallies);
		if (previous) this.remapSelection(previous, rows);
		this.sorted = sortedRows(rows, this.sortColumn, this.descending);
		this.buffer = new Int32Array(rows.length);
		this.textProgress = missing.length === 0 ? null : { done: 0, total: missing.length };
		this.applySearch();
		this.textRead = this.fillInBackground(rows, missing, () => generation === this.generation);
	}

	/**
	 * After the first rows: the columns read from the cards' comments, then the text of the notes
	 * not read yet, in slices that leave the interface responsive. The rows in view and the search
	 * follow at most every {@link REFRESH_MS}, and once at the end.
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
				this.textProgress = { done, total: missing.length };
				if (performance.now() - refreshed > REFRESH_MS) {
					refreshed = performance.now();
					this.refresh();
				}
			},
			current,
		);
		if (!finished) return;
		this.textProgress = null;
		// Sorting by question needs every question; the other columns did not change.
		if (this.sortColumn === "question") this.sorted = sortedRows(rows, "question", this.descending);
		this.applySearch();
	}

	/** Text, marks, ids and log figures arrived: a search runs again (it may read them), else the rows in view are redrawn. */
	private refresh(): void {
		if (this.search.groups.length > 0) this.applySearch();
		else {
			this.list?.redraw();
			this.renderStatus();
		}
	}

	private scheduleRebuild(delay: number): void {
		if (this.rebuildTimer !== null) window.clearTimeout(this.rebuildTimer);
		this.rebuildTimer = window.setTimeout(() => {
			this.rebuildTimer = null;
			if (this.root) this.rebuild();
		}, delay);
	}

	private async loadLog(): Promise<void> {
		if (!this.services.readLog) return;
		try {
			this.log = await this.services.readLog();
		} catch (error) {
			new Notice(`Spaced Notes: the review history could not be read: ${String(error)}`);
			return;
		}
		this.tallies = logTallies(this.log);
		if (!this.rows) return;
		applyLogTallies(this.rows, this.tallies);
		this.applySearch();
	}

	private applySearch(): void {
		const rows = this.rows;
		if (!rows) return;
		const test = compileSearch(this.search, {
			rows,
			decks: this.services.indexer.index.decks,
			isBuried: (id) => this.services.isBuried?.(id) ?? false,
			leechLapses: this.options.leechLapses?.() ?? DEFAULT_SETTINGS.leechThreshold,
			dayStartHour: this.services.settings().nextDayStartsAt,
		});
		// Filters into a reused buffer, then keeps a copy sized to the result (no search: the sorted order itself).
		this.shown = this.search.groups.length === 0 ? this.sorted : filterRows(this.sorted, test, this.buffer).slice();
		if (this.cursor >= this.shown.length) this.cursor = this.shown.length - 1;
		this.list?.setCount(this.shown.length);
		this.renderStatus();
	}

	private remapSelection(previous: CardRows, rows: CardRows): void {
		this.selection.remap(rowMapping(previous, rows));
		this.cursor = -1;
	}

	private renderHeader(): void {
		if (this.headerEl) renderHeader(this.headerEl, this.sortColumn, this.descending, (column) => this.sortBy(column));
	}

	/** Clicks on rows (one listener for the list): select, Ctrl/Cmd toggle, Shift range, checkbox toggle. */
	private onListClick(event: MouseEvent): void {
		const position = this.list?.positionOf(event.target) ?? -1;
		if (position < 0) return;
		const onCheckbox = event.target instanceof HTMLInputElement;
		this.click(position, { range: event.shiftKey, toggle: onCheckbox || event.ctrlKey || event.metaKey });
	}

	private click(position: number, keys: { range: boolean; toggle: boolean }): void {
		this.selection.click(position, this.shown, keys);
		this.cursor = position;
		this.list?.redraw();
		this.renderStatus();
	}

	private selectAll(): void {
		this.selection.selectAll(this.shown);
		this.list?.redraw();
		this.renderStatus();
	}

	private moveCursor(position: number, extend: boolean): void {
		if (this.shown.length === 0) return;
		const next = Math.max(0, Math.min(this.shown.length - 1, position));
		this.click(next, { range: extend, toggle: false });
		this.list?.reveal(next);
	}

	private cursorRow(): number {
		if (this.cursor >= 0 && this.cursor < this.shown.length) return this.shown[this.cursor];
		return this.selection.selectedIn(this.shown)[0] ?? -1;
	}

	private onKeyDown(event: KeyboardEvent): void {
		const page = Math.max(1, Math.floor((this.list?.scroller.clientHeight || 600) / ROW_HEIGHT) - 1);
		if (event.key === "ArrowDown") this.moveCursor(this.cursor + 1, event.shiftKey);
		else if (event.key === "ArrowUp") this.moveCursor(this.cursor - 1, event.shiftKey);
		else if (event.key === "PageDown") this.moveCursor(this.cursor + page, event.shiftKey);
		else if (event.key === "PageUp") this.moveCursor(this.cursor - page, event.shiftKey);
		else if (event.key === "Home") this.moveCursor(0, event.shiftKey);
		else if (event.key === "End") this.moveCursor(this.shown.length - 1, event.shiftKey);
		else if (event.key === "Enter") this.showInfo(this.cursorRow());
		else if (event.key === "a" && (event.ctrlKey || event.metaKey)) this.selectAll();
		else if (event.key === "Escape") {
			this.selection.clear();
			this.list?.redraw();
			this.renderStatus();
		} else return;
		event.preventDefault();
	}

	private showInfo(row: number): void {
		if (row < 0 || !this.rows) return;
		this.options.showInfo?.(this.rows, row, this.log);
	}

	private selectedRefs(): BrowserCardRef[] {
		const rows = this.rows;
		if (!rows) return [];
		return this.selection.selectedIn(this.shown).map((row) => ({
			path: rows.pathOf(row),
			line: rows.lineOf(row),
			cardIndex: rows.card[row],
			sibling: rows.sibling[row],
			id: rows.id[row],
		}));
	}

	private renderStatus(): void {
		const status = this.statusEl;
		const rows = this.rows;
		if (!status || !rows) return;
		status.setText(statusLine(this.shown.length, rows.length, this.selection.size, this.textProgress, searchesText(this.search)));
		this.actionBar?.update(this.selection.size);
	}
}
