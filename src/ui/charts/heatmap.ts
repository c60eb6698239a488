/**
 * The calendar heat map of reviews per day: one column per week (Monday first), one row per
 * weekday, a cell's shade from its count relative to the busiest day. Cells carry a tooltip
 * (`<title>`) and a level class `sn-stats-heat-0` … `sn-stats-heat-4` coloured in styles.css.
 * The SVG has a fixed cell size and sits in a horizontally scrolling box on narrow screens.
 */
import type { DayActivity } from "../../stats/activity";

const CELL = 11;
const GAP = 2;
/** Room for the weekday labels, which end just left of the first column (phones use a larger font). */
const LEFT = 32;
const TOP = 14;
const WEEKDAY_LABELS: [number, string][] = [
	[0, "Mon"],
	[2, "Wed"],
	[4, "Fri"],
];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Level 0 (no reviews) to 4 (at least three quarters of the busiest day). */
export function heatLevel(count: number, max: number): number {
	if (count <= 0 || max <= 0) return 0;
	return Math.min(4, Math.max(1, Math.ceil((count / max) * 4)));
}

/** Monday = 0 … Sunday = 6 of a `YYYY-MM-DD` day. */
export function weekdayOf(day: string): number {
	const [y, m, d] = day.split("-").map(Number);
	return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** Draws the heat map of `days` (consecutive, oldest first) into `parent`; returns the SVG. */
export function renderHeatmap(parent: HTMLElement, days: readonly DayActivity[], ariaLabel: string): SVGSVGElement {
	const offset = days.length ? weekdayOf(days[0].day) : 0;
	const weeks = Math.ceil((offset + days.length) / 7);
	const width = LEFT + weeks * (CELL + GAP);
	const height = TOP + 7 * (CELL + GAP);
	const svg = parent.createSvg("svg", {
		cls: "sn-stats-heatmap",
		attr: { width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": ariaLabel },
	});
	for (const [row, label] of WEEKDAY_LABELS) {
		svg.createSvg("text", { cls: "sn-stats-label", attr: { x: LEFT - 4, y: TOP + row * (CELL + GAP) + CELL - 2, "text-anchor": "end" } }).textContent =
			label;
	}
	const max = Math.max(0, ...days.map((d) => d.count));
	days.forEach((day, i) => {
		const column = Math.floor((offset + i) / 7);
		const row = (offset + i) % 7;
		const x = LEFT + column * (CELL + GAP);
		// A month's name over the column of its first day; the first column only when its month
		// has weeks left, so two names never overlap.
		const dayOfMonth = Number(day.day.slice(8, 10));
		if (dayOfMonth === 1 || (i === 0 && dayOfMonth <= 14)) {
			svg.createSvg("text", { cls: "sn-stats-label", attr: { x, y: TOP - 4 } }).textContent = MONTHS[Number(day.day.slice(5, 7)) - 1];
		}
		const rect = svg.createSvg("rect", {
			cls: ["sn-stats-heat", `sn-stats-heat-${heatLevel(day.count, max)}`],
			attr: { x, y: TOP + row * (CELL + GAP), width: CELL, height: CELL, rx: 2, "data-day": day.day, "data-count": day.count },
		});
		rect.createSvg("title").textContent = `${day.day}: ${day.count} ${day.count === 1 ? "review" : "reviews"}`;
	});
	return svg;
}
