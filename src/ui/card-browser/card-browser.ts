/**
 * The card browser: one row per sibling with its question, deck, state, due day, interval, ease
 * or difficulty, lapses, reviews, flag and note; a search box (src/browse/card-search.ts), sorting
 * by any column, a selection of many rows and actions on them. Rows are columns in typed arrays
 * (src/browse/card-rows.ts), kept sorted by the chosen column; a keystroke filters that order
 * and redraws the few rows in view (src/ui/card-browser/virtual-list.ts). The rows and what is
 * read for them in the background are in browser-data.ts, the cursor and the selection in
 * list-navigation.ts; this class lays out the browser, sorts, searches and draws.
 */
import { Notice, Platform } from "obsidian";
import { rowMapping, type CardRows } from "../../browse/card-rows";
import { parseCardSearch, searchesText, type CardSearch } from "../../browse/card-search";
import { sortedRows, type RowColumn } from "../../browse/row-sort";
import { compileSearch, filterRows } from "../../browse/search-eval";
import type { MergedLog } from "../../stats/merge";
import { DEFAULT_SETTINGS } from "../../settings/settings";
import type { BrowserActions, BrowserCardRef, PluginServices } from "../services";
import { BrowserActionBar } from "./action-bar";
import { BrowserData } from "./browser-data";
import { BrowserRows } from "./browser-row";
import { renderHeader, statusLine } from "./columns";
import { ListNavigation } from "./list-navigation";
import { openCardInTab } from "./open-card";
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

export class CardBrowser {
	private readonly data: BrowserData;
	private sorted: Int32Array = new Int32Array(0);
	private shown: Int32Array = new Int32Array(0);
	private buffer: Int32Array = new Int32Array(0);
	private sortColumn: RowColumn = "note";
	private descending = false;
	private search: CardSearch = { source: "", groups: [] };
	private readonly rowViews = new BrowserRows();
	private readonly nav: ListNavigation;
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
		this.data = new BrowserData(services, {
			rebuilt: (rows, previous) => {
				if (previous) this.remapSelection(previous, rows);
				this.sorted = sortedRows(rows, this.sortColumn, this.descending);
				this.buffer = new Int32Array(rows.length);
				this.applySearch();
			},
			progressed: () => this.refresh(),
			textsRead: (rows) => {
				// Sorting by question needs every question; the other columns did not change.
				if (this.sortColumn === "question") this.sorted = sortedRows(rows, "question", this.descending);
				this.applySearch();
			},
			logRead: () => this.applySearch(),
		});
		this.nav = new ListNavigation(
			{
				shown: () => this.shown,
				list: () => this.list,
				redraw: () => {
					this.list?.redraw();
					this.renderStatus();
				},
				showInfo: (row) => this.showInfo(row),
			},
			ROW_HEIGHT,
		);
	}

	private get rows(): CardRows | null {
		return this.data.rows;
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
				this.nav.moveCursor(0, false);
				this.list?.scroller.focus();
			}
		});
		this.actionBar = new BrowserActionBar(this.services.app, toolbar, this.actions(), {
			selected: () => this.selectedRefs(),
			selectAll: () => this.nav.selectAll(),
			showInfo: () => this.showInfo(this.nav.cursorRow()),
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
				this.rowViews.update(el, rows, row, this.nav.selection.has(row), position === this.nav.cursor);
			},
		});
		this.list = list;
		list.scroller.addEventListener("keydown", (event) => this.nav.onKeyDown(event));
		list.scroller.addEventListener("click", (event) => this.nav.onListClick(event));
		list.scroller.addEventListener("dblclick", (event) => {
			const position = list.positionOf(event.target);
			if (position >= 0) this.showInfo(this.shown[position]);
		});
		this.renderHeader();
		this.data.rebuild();
		this.unsubscribe = this.services.indexer.onChange(() => this.scheduleRebuild(this.options.rebuildDelayMs ?? 250));
		void this.data.loadLog();
	}

	close(): void {
		this.data.stop();
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
	get textRead(): Promise<void> {
		return this.data.textRead;
	}

	/** The answer of a row, when its note's text was read ("" otherwise). */
	answerOf(rows: CardRows, row: number): string {
		return this.data.answerOf(rows, row);
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
			if (this.root) this.data.rebuild();
		}, delay);
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
		if (this.nav.cursor >= this.shown.length) this.nav.cursor = this.shown.length - 1;
		this.list?.setCount(this.shown.length);
		this.renderStatus();
	}

	private remapSelection(previous: CardRows, rows: CardRows): void {
		this.nav.selection.remap(rowMapping(previous, rows));
		this.nav.cursor = -1;
	}

	private renderHeader(): void {
		if (this.headerEl) renderHeader(this.headerEl, this.sortColumn, this.descending, (column) => this.sortBy(column));
	}

	private showInfo(row: number): void {
		if (row < 0 || !this.rows) return;
		this.options.showInfo?.(this.rows, row, this.data.log);
	}

	private selectedRefs(): BrowserCardRef[] {
		const rows = this.rows;
		if (!rows) return [];
		return this.nav.selection.selectedIn(this.shown).map((row) => ({
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
		const selected = this.nav.selection.size;
		status.setText(statusLine(this.shown.length, rows.length, selected, this.data.textProgress, searchesText(this.search)));
		this.actionBar?.update(selected);
	}
}
