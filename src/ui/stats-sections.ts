/**
 * The sections of the statistics tab (stats-view.ts), each drawn into the tab from the report
 * `computeStats` made: the summary tiles, the heat map, the forecast, true retention, the card
 * counts, the interval and difficulty distributions and the calibration.
 */
import { calibration } from "../stats/calibration";
import type { MergedLog } from "../stats/merge";
import { RETENTION_PERIODS, type RetentionFigure } from "../stats/retention";
import type { StatsReport } from "../stats/summary";
import { renderBarChart } from "./charts/bar-chart";
import { renderCalibrationChart } from "./charts/calibration-chart";
import { renderHeatmap } from "./charts/heatmap";

/** The forecast's range, the charts' width, and what a click on "30 days" or "90 days" does. */
export interface ForecastRange {
	days: 30 | 90;
	width: number;
	choose(days: 30 | 90): void;
}

/** The tiles at the top: due today, streaks, reviews and days studied. */
export function drawSummary(root: HTMLElement, r: StatsReport): void {
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

/** The past year as a heat map of reviews per day. */
export function drawActivity(root: HTMLElement, r: StatsReport): void {
	const el = section(root, "Reviews per day");
	const scroll = el.createDiv("sn-stats-heatmap-scroll");
	renderHeatmap(scroll, r.activity, "Reviews per day in the past year");
	// Today is at the right end: show it first on a narrow screen.
	scroll.scrollLeft = scroll.scrollWidth;
}

/** Cards due per day for the next 30 or 90 days, with a switch between the two. */
export function drawForecast(root: HTMLElement, r: StatsReport, range: ForecastRange): void {
	const el = section(root, "Forecast");
	const switcher = el.createDiv("sn-stats-switch");
	for (const n of [30, 90] as const) {
		const button = switcher.createEl("button", { text: `${n} days`, cls: n === range.days ? "is-active" : "" });
		button.addEventListener("click", () => range.choose(n));
	}
	const shown = r.forecast.days.slice(0, range.days);
	const total = range.days === 30 ? r.dueNext.days30 : r.dueNext.days90;
	el.createDiv({ cls: "sn-stats-note", text: `${total} cards due in the next ${range.days} days (${r.forecast.overdue} overdue today).` });
	renderBarChart(
		el,
		shown.map((d, i) => ({ label: i === 0 ? "Today" : `+${i}`, value: d.count, title: `${d.day}: ${d.count} cards` })),
		{
			ariaLabel: `Cards due in the next ${range.days} days`,
			labelEvery: range.days === 30 ? 5 : 15,
			width: range.width,
		},
	);
}

/** True retention (share of reviews passed) per deck over the last periods. */
export function drawRetention(root: HTMLElement, r: StatsReport): void {
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

/** Cards by state as one stacked bar with its legend. */
export function drawCounts(root: HTMLElement, r: StatsReport): void {
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

/** How many cards have each interval. */
export function drawIntervals(root: HTMLElement, report: StatsReport, width: number): void {
	const intervals = section(root, "Intervals");
	renderBarChart(
		intervals,
		report.intervals.map((b) => ({ label: b.label, value: b.count, title: `${b.label}: ${b.count} cards` })),
		{ ariaLabel: "Interval distribution", labelEvery: 2, width },
	);
}

/** How many cards have each FSRS difficulty. */
export function drawDifficulty(root: HTMLElement, report: StatsReport, width: number): void {
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
}

/** Predicted versus actual recall by interval, for the chosen deck (docs/scheduling.md, "Personal parameters"). */
export function drawCalibration(root: HTMLElement, reviews: MergedLog["reviews"], deck: string): void {
	const el = section(root, "Calibration");
	const buckets = calibration(reviews, deck);
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

function section(root: HTMLElement, title: string): HTMLElement {
	const el = root.createDiv("sn-stats-section");
	el.createEl("h4", { text: title });
	return el;
}

function days(n: number): string {
	return `${n} ${n === 1 ? "day" : "days"}`;
}
