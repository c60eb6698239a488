/**
 * A bar chart as SVG, built with Obsidian's `createSvg`. The SVG scales to its container's width
 * (viewBox), so it stays readable on a phone; colours come from CSS classes (styles.css) that use
 * the theme's variables.
 */

export interface Bar {
	/** Label under the bar (may be left out when bars are dense, see `labelEvery`). */
	label: string;
	value: number;
	/** Tooltip, e.g. "2026-03-10: 5 cards". */
	title: string;
}

export interface BarChartOptions {
	/** Accessible name of the chart. */
	ariaLabel: string;
	/** Show every n-th label (1 = all). */
	labelEvery?: number;
	/** Extra class on the bars, e.g. to colour a chart differently. */
	barClass?: string;
	/**
	 * The width to draw for, in CSS pixels (default: a phone's). The SVG fills its container's
	 * width; drawn for that width, its text stays at its CSS size instead of growing with it.
	 */
	width?: number;
}

const PHONE_WIDTH = 400;
/** Roughly how wide a label's character is, in viewBox units, at the labels' size. */
const CHAR_WIDTH = 7;
const HEIGHT = 150;
const LABEL_SPACE = 18;
const TOP_SPACE = 14;

/** Draws `bars` into a new SVG appended to `parent`; returns the SVG. */
export function renderBarChart(parent: HTMLElement, bars: readonly Bar[], options: BarChartOptions): SVGSVGElement {
	const WIDTH = Math.round(options.width ?? PHONE_WIDTH);
	const svg = parent.createSvg("svg", {
		cls: "sn-stats-chart",
		attr: { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": options.ariaLabel, preserveAspectRatio: "xMidYMid meet" },
	});
	const max = Math.max(1, ...bars.map((b) => b.value));
	const slot = WIDTH / Math.max(1, bars.length);
	const gap = Math.min(4, slot * 0.2);
	const plot = HEIGHT - LABEL_SPACE - TOP_SPACE;
	const every = Math.max(1, options.labelEvery ?? 1);
	svg.createSvg("line", { cls: "sn-stats-axis", attr: { x1: 0, y1: HEIGHT - LABEL_SPACE, x2: WIDTH, y2: HEIGHT - LABEL_SPACE } });
	bars.forEach((bar, i) => {
		const height = bar.value > 0 ? Math.max(1, (bar.value / max) * plot) : 0;
		const x = i * slot + gap / 2;
		const y = HEIGHT - LABEL_SPACE - height;
		const rect = svg.createSvg("rect", {
			cls: ["sn-stats-bar", ...(options.barClass ? [options.barClass] : [])],
			attr: { x: round(x), y: round(y), width: round(slot - gap), height: round(height), "data-value": bar.value },
		});
		rect.createSvg("title").textContent = bar.title;
		if (bar.value > 0 && slot >= 16) {
			svg.createSvg("text", {
				cls: "sn-stats-bar-value",
				attr: { x: round(x + (slot - gap) / 2), y: round(y - 3), "text-anchor": "middle" },
			}).textContent = String(bar.value);
		}
		if (i % every === 0) {
			svg.createSvg("text", { cls: "sn-stats-label", attr: { ...labelPlace(bar.label, x, slot - gap, WIDTH), y: HEIGHT - 4 } }).textContent = bar.label;
		}
	});
	return svg;
}

/**
 * Where a label goes: centred under its bar, unless it would stick out of the chart; then it
 * starts at the bar (left edge) or ends at it (right edge), so "Today" is never cut to "oday".
 */
function labelPlace(label: string, x: number, width: number, chartWidth: number): { x: number; "text-anchor": string } {
	const centre = x + width / 2;
	const half = (label.length * CHAR_WIDTH) / 2;
	if (centre - half < 0) return { x: round(Math.max(0, x)), "text-anchor": "start" };
	if (centre + half > chartWidth) return { x: round(Math.min(chartWidth, x + width)), "text-anchor": "end" };
	return { x: round(centre), "text-anchor": "middle" };
}

function round(n: number): number {
	return Math.round(n * 10) / 10;
}
