/**
 * The statistics tab: a deck picker at the top, then the past year as a heat map, streaks, the
 * forecast of due cards (30 or 90 days), true retention per deck, card counts by state and the
 * interval and difficulty distributions. It only draws: every figure comes from
 * `computeStats` over what the data provider returns. The sections are drawn by stats-sections.ts.
 */
import { ItemView, type App, type WorkspaceLeaf } from "obsidian";
import { toOptimizerCsv } from "../stats/csv";
import type { MergedLog } from "../stats/merge";
import type { StatsCard } from "../stats/stats-cards";
import { computeStats, knownDecks, type StatsReport } from "../stats/summary";
import { DEFAULT_CSV_PATH, ExportCsvModal } from "./export-csv-modal";
import { drawActivity, drawCalibration, drawCounts, drawDifficulty, drawForecast, drawIntervals, drawRetention, drawSummary } from "./stats-sections";

export const STATS_VIEW_TYPE = "spaced-notes-stats";

/** What the view reads; the plugin wires it to the review log store and the card index. */
export interface StatsDataProvider {
	/** The merged review log of all devices (`ReviewLogStore.readAll`). */
	loadLog(): Promise<MergedLog>;
	/** Every sibling of every current card (`statsCardsOfNote` per indexed note). */
	currentCards(): StatsCard[] | Promise<StatsCard[]>;
	/** The "next day starts at" hour. */
	dayStartHour(): number;
	/** The clock (tests pass a fixed one). */
	now?(): Date;
	/** Saves the optimizer CSV at a vault path and returns a message for the user; no button when absent. */
	exportCsv?(csv: string, path: string): Promise<string>;
	/** Calls `listener` when reviews or cards changed (an answer was saved); returns a function that unsubscribes. */
	onChange?(listener: () => void): () => void;
}

/** How long after the last change the view reads everything again (answers come in bursts). */
const REFRESH_DELAY_MS = 2000;
/** A chart is drawn anew when the view's width changed by more than this. */
const REDRAW_WIDTH_STEP = 40;

export class StatsView extends ItemView {
	private deck = "";
	private forecastDays: 30 | 90 = 30;
	private log: MergedLog | null = null;
	private cards: StatsCard[] = [];
	private failure: string | null = null;
	private refreshTimer: number | null = null;
	/** The width the charts were drawn for (SVG units = CSS pixels, so text keeps its size). */
	private chartWidth = 0;

	constructor(
		leaf: WorkspaceLeaf,
		private readonly provider: StatsDataProvider,
	) {
		super(leaf);
	}

	getViewType(): string {
		return STATS_VIEW_TYPE;
	}

	getDisplayText(): string {
		return "Review statistics";
	}

	override getIcon(): string {
		return "bar-chart-2";
	}

	override async onOpen(): Promise<void> {
		const unsubscribe = this.provider.onChange?.(() => this.scheduleRefresh());
		if (unsubscribe) this.register(unsubscribe);
		this.register(() => this.cancelRefresh());
		await this.reload();
	}

	override async onClose(): Promise<void> {
		this.contentEl.empty();
	}

	override onResize(): void {
		if (this.log !== null && Math.abs(this.widthForCharts() - this.chartWidth) > REDRAW_WIDTH_STEP) this.draw();
	}

	/** Reads the log and the cards again, then draws ("Loading…" on the first read, the old figures meanwhile after). */
	async reload(): Promise<void> {
		if (this.log === null) this.showMessage("Loading statistics…", "sn-stats-loading");
		try {
			this.log = await this.provider.loadLog();
			this.cards = await this.provider.currentCards();
			this.failure = null;
		} catch (error) {
			this.failure = `The statistics could not be read: ${error instanceof Error ? error.message : String(error)}`;
		}
		this.draw();
	}

	/** Reads again shortly after reviews were saved, so an open view follows the review. */
	private scheduleRefresh(): void {
		this.cancelRefresh();
		this.refreshTimer = window.setTimeout(() => {
			this.refreshTimer = null;
			void this.reload();
		}, REFRESH_DELAY_MS);
	}

	private cancelRefresh(): void {
		if (this.refreshTimer !== null) window.clearTimeout(this.refreshTimer);
		this.refreshTimer = null;
	}

	private showMessage(text: string, cls: string): void {
		this.contentEl.empty();
		this.contentEl.addClass("sn-stats");
		this.contentEl.createDiv({ cls: `sn-stats-message ${cls}`, text });
	}

	/** The charts' width in CSS pixels: the view's, or a phone's before it is laid out (tests, hidden tabs). */
	private widthForCharts(): number {
		const width = this.contentEl.clientWidth;
		return width > 0 ? Math.max(280, width - 32) : 400;
	}

	/** Draws from the data already read (deck or forecast range changed). */
	draw(): void {
		const root = this.contentEl;
		root.empty();
		root.addClass("sn-stats");
		const log = this.log;
		if (this.failure !== null) root.createDiv({ cls: "sn-stats-message sn-stats-warning", text: this.failure });
		if (log === null) return;
		if (log.reviews.length === 0 && this.cards.length === 0) {
			root.createDiv({
				cls: "sn-stats-message sn-stats-empty",
				text: "No reviews and no cards yet. Tag a note with a flashcard tag, review its cards, and the statistics appear here.",
			});
			return;
		}
		this.chartWidth = this.widthForCharts();
		const width = this.chartWidth;
		const report = computeStats({
			reviews: log.reviews,
			cards: this.cards,
			now: this.provider.now?.() ?? new Date(),
			dayStartHour: this.provider.dayStartHour(),
			decks: this.deck ? [this.deck] : [],
			noteReviews: log.noteReviews,
		});
		this.drawToolbar(root, knownDecks(log.reviews, this.cards), report);
		if (log.problems.length > 0) {
			root.createDiv({
				cls: "sn-stats-warning",
				text: `${log.problems.length} unreadable log ${log.problems.length === 1 ? "line was" : "lines were"} skipped (first: ${log.problems[0].file}, line ${log.problems[0].line}).`,
			});
		}
		drawSummary(root, report);
		drawActivity(root, report);
		drawForecast(root, report, {
			days: this.forecastDays,
			width,
			choose: (n) => {
				this.forecastDays = n;
				this.draw();
			},
		});
		drawRetention(root, report);
		drawCounts(root, report);
		drawIntervals(root, report, width);
		drawDifficulty(root, report, width);
		drawCalibration(root, log.reviews, this.deck);
	}

	private drawToolbar(root: HTMLElement, decks: string[], report: StatsReport): void {
		const bar = root.createDiv("sn-stats-toolbar");
		const select = bar.createEl("select", { cls: "dropdown sn-stats-deck", attr: { "aria-label": "Deck" } });
		select.createEl("option", { text: "All decks", value: "" });
		for (const deck of decks) select.createEl("option", { text: deck, value: deck });
		select.value = this.deck;
		// Elements drawn anew on every draw: their own listeners go with them (registerDomEvent would pile up).
		select.addEventListener("change", () => {
			this.deck = select.value;
			this.draw();
		});
		const refresh = bar.createEl("button", { text: "Refresh", cls: "sn-stats-refresh" });
		refresh.addEventListener("click", () => void this.reload());
		if (this.provider.exportCsv && this.log) {
			const button = bar.createEl("button", { text: "Export for the optimizer", cls: "sn-stats-export" });
			const reviews = this.log.reviews;
			button.addEventListener("click", () => {
				new ExportCsvModal(this.app, DEFAULT_CSV_PATH, (path) => {
					const csv = toOptimizerCsv(reviews);
					const left = csv.skipped > 0 ? ` ${csv.skipped} log row${csv.skipped === 1 ? " was" : "s were"} left out: not valid.` : "";
					void this.provider.exportCsv?.(csv.text, path).then(
						(message) => bar.createSpan({ cls: "sn-stats-note", text: message + left }),
						(error: unknown) => bar.createSpan({ cls: "sn-stats-note", text: `The export failed: ${String(error)}` }),
					);
				}).open();
			});
		}
		bar.createSpan({ cls: "sn-stats-today", text: `Today: ${report.today}` });
	}
}

/** Shows the statistics in a main-area tab, reusing an open one. */
export async function openStatistics(app: App): Promise<void> {
	const existing = app.workspace.getLeavesOfType(STATS_VIEW_TYPE)[0];
	const leaf = existing ?? app.workspace.getLeaf("tab");
	if (!existing) await leaf.setViewState({ type: STATS_VIEW_TYPE, active: true });
	await app.workspace.revealLeaf(leaf);
}
