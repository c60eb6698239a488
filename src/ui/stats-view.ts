/**
 * The statistics tab: a deck picker at the top, then the past year as a heat map, streaks, the
 * forecast of due cards (30 or 90 days), true retention per deck, card counts by state and the
 * interval and difficulty distributions. It only draws: every figure comes from
 * `computeStats` over what the data provider returns.
 */
import { ItemView, type App, type WorkspaceLeaf } from "obsidian";
import { toOptimizerCsv } from "../stats/csv";
import { calibration } from "../stats/calibration";
import type { MergedLog } from "../stats/merge";
import { RETENTION_PERIODS, type RetentionFigure } from "../stats/retention";
import type { StatsCard } from "../stats/stats-cards";
import { computeStats, knownDecks, type StatsReport } from "../stats/summary";
import { renderBarChart } from "./charts/bar-chart";
import { renderCalibrationChart } from "./charts/calibration-chart";
import { renderHeatmap } from "./charts/heatmap";
import { DEFAULT_CSV_PATH, ExportCsvModal } from "./export-csv-modal";

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
		this.drawSummary(root, report);
		this.drawActivity(root, report);
		this.drawForecast(root, report);
		this.drawRetention(root, report);
		this.drawCounts(root, report);
		const intervals = section(root, "Intervals");
		renderBarChart(
			intervals,
			report.intervals.map((b) => ({ label: b.label, value: b.count, title: `${b.label}: ${b.count} cards` })),
			{ ariaLabel: "Interval distribution", labelEvery: 2, width },
		);
		const difficulty = section(root, "Difficulty");
		if (report.difficulty.buckets.every((b) => b.count === 0)) {
			// SM-2 (classic) schedules have no difficulty: an empty chart would read as a fault.
			difficulty.createDiv({
				cls: "sn-stats-message sn-stats-no-difficulty",
				text: "No card has a difficulty yet: difficulty comes with FSRS schedules, and these cards have classic (SM-2) ones or none.",
			});
		} else
			renderBarChart(
				difficulty,
				report.difficulty.buckets.map((b) => ({ label: `${b.from}`, value: b.count, title: `${b.label}: ${b.count} cards` })),
				{ ariaLabel: "Difficulty distribution", barClass: "sn-stats-bar-difficulty", width },
			);
		if (report.difficulty.without > 0)
			difficulty.createDiv({ cls: "sn-stats-note", text: `${report.difficulty.without} cards with classic schedules have no difficulty.` });
		this.drawCalibration(root, log.reviews);
	}

	/** Predicted versus actual recall by interval, for the chosen deck (docs/scheduling.md, "Personal parameters"). */
	private drawCalibration(root: HTMLElement, reviews: MergedLog["reviews"]): void {
		const el = section(root, "Calibration");
		const buckets = calibration(reviews, this.deck);
		if (buckets.length === 0) {
			el.createDiv({ cls: "sn-stats-note", text: "No reviews with a predicted recall yet (FSRS records it with each answer)." });
			return;
		}
		renderCalibrationChart(el, buckets);
		el.createDiv({
			cls: "sn-stats-note",
			text: "Recall FSRS predicted when each card was answered, beside the share answered correctly. Bars far apart: personal parameters may help.",
		});
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

	private drawSummary(root: HTMLElement, r: StatsReport): void {
		const tiles = root.createDiv("sn-stats-tiles");
		const tile = (label: string, value: string) => {
			const el = tiles.createDiv("sn-stats-tile");
			el.createDiv({ cls: "sn-stats-tile-value", text: value });
			el.createDiv({ cls: "sn-stats-tile-label", text: label });
		};
		tile("Due today", String(r.forecast.days[0]?.count ?? 0));
		tile("Current streak", days(r.streaks.current));
		tile("Longest streak", days(r.streaks.longest));
		tile("Reviews this year", String(r.totals.reviews));
		tile("Days studied", `${r.totals.daysStudied} of 365`);
		// Whole-note reviews are counted apart from card answers.
		if (r.notes.allTime > 0) tile("Notes reviewed this year", String(r.notes.pastYear));
	}

	private drawActivity(root: HTMLElement, r: StatsReport): void {
		const el = section(root, "Reviews per day");
		const scroll = el.createDiv("sn-stats-heatmap-scroll");
		renderHeatmap(scroll, r.activity, "Reviews per day in the past year");
		// Today is at the right end: show it first on a narrow screen.
		scroll.scrollLeft = scroll.scrollWidth;
	}

	private drawForecast(root: HTMLElement, r: StatsReport): void {
		const el = section(root, "Forecast");
		const switcher = el.createDiv("sn-stats-switch");
		for (const n of [30, 90] as const) {
			const button = switcher.createEl("button", { text: `${n} days`, cls: n === this.forecastDays ? "is-active" : "" });
			button.addEventListener("click", () => {
				this.forecastDays = n;
				this.draw();
			});
		}
		const shown = r.forecast.days.slice(0, this.forecastDays);
		const total = this.forecastDays === 30 ? r.dueNext.days30 : r.dueNext.days90;
		el.createDiv({ cls: "sn-stats-note", text: `${total} cards due in the next ${this.forecastDays} days (${r.forecast.overdue} overdue today).` });
		renderBarChart(
			el,
			shown.map((d, i) => ({ label: i === 0 ? "Today" : `+${i}`, value: d.count, title: `${d.day}: ${d.count} cards` })),
			{
				ariaLabel: `Cards due in the next ${this.forecastDays} days`,
				labelEvery: this.forecastDays === 30 ? 5 : 15,
				width: this.chartWidth,
			},
		);
	}

	private drawRetention(root: HTMLElement, r: StatsReport): void {
		const el = section(root, "True retention");
		const table = el.createDiv("sn-stats-table-scroll").createEl("table", { cls: "sn-stats-retention" });
		const head = table.createEl("thead").createEl("tr");
		head.createEl("th", { text: "Deck" });
		for (const period of RETENTION_PERIODS) head.createEl("th", { text: `${period} days` });
		const body = table.createEl("tbody");
		const row = (name: string, figures: RetentionFigure[]) => {
			const tr = body.createEl("tr");
			tr.createEl("td", { text: name });
			for (const f of figures)
				tr.createEl("td", {
					text: f.retention === null ? "–" : `${(f.retention * 100).toFixed(1)} %`,
					attr: { title: `${f.passed} of ${f.reviews} passed` },
				});
		};
		row("All", r.retention.overall);
		for (const deck of r.retention.decks) row(deck.deck, deck.figures);
	}

	private drawCounts(root: HTMLElement, r: StatsReport): void {
		const el = section(root, "Cards");
		const c = r.counts;
		// One bar split by category, 100 units wide, stretched to the width of the view.
		const stack = el.createSvg("svg", {
			cls: "sn-stats-stack",
			attr: { viewBox: "0 0 100 4", preserveAspectRatio: "none", role: "img", "aria-label": "Cards by state" },
		});
		const legend = el.createDiv("sn-stats-legend");
		let x = 0;
		for (const key of ["new", "learning", "young", "mature"] as const) {
			const share = c.total ? (c[key] / c.total) * 100 : 0;
			const part = stack.createSvg("rect", { cls: `sn-stats-part sn-stats-${key}`, attr: { x, y: 0, width: share, height: 4 } });
			part.createSvg("title").textContent = `${key}: ${c[key]}`;
			x += share;
			const item = legend.createDiv("sn-stats-legend-item");
			item.createSpan({ cls: `sn-stats-swatch sn-stats-${key}` });
			item.createSpan({ text: `${key[0].toUpperCase()}${key.slice(1)}: ${c[key]}` });
		}
		legend.createDiv({ cls: "sn-stats-legend-item", text: `Total: ${c.total}` });
	}
}

function section(root: HTMLElement, title: string): HTMLElement {
	const el = root.createDiv("sn-stats-section");
	el.createEl("h4", { text: title });
	return el;
}

function days(n: number): string {
	return `${n} ${n === 1 ? "day" : "days"}`;
}

/** Shows the statistics in a main-area tab, reusing an open one. */
export async function openStatistics(app: App): Promise<void> {
	const existing = app.workspace.getLeavesOfType(STATS_VIEW_TYPE)[0];
	const leaf = existing ?? app.workspace.getLeaf("tab");
	if (!existing) await leaf.setViewState({ type: STATS_VIEW_TYPE, active: true });
	await app.workspace.revealLeaf(leaf);
}
