/**
 * The calibration chart: for each interval bucket, the recall FSRS predicted beside the recall
 * observed, as two bars on a 0–100% scale (SVG with Obsidian's `createSvg`, theme colours from
 * styles.css). A legend and each bar's tooltip name the figures.
 */
import type { CalibrationBucket } from "../../stats/calibration";

const WIDTH = 400;
const HEIGHT = 150;
const LABEL_SPACE = 18;
const TOP_SPACE = 14;

export function renderCalibrationChart(parent: HTMLElement, buckets: readonly CalibrationBucket[]): SVGSVGElement {
	const svg = parent.createSvg("svg", {
		cls: "sn-stats-chart sn-calibration-chart",
		attr: { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": "Predicted and actual recall by interval", preserveAspectRatio: "xMidYMid meet" },
	});
	const plot = HEIGHT - LABEL_SPACE - TOP_SPACE;
	const slot = WIDTH / Math.max(1, buckets.length);
	const gap = Math.min(8, slot * 0.2);
	const bar = (slot - gap) / 2;
	svg.createSvg("line", { cls: "sn-stats-axis", attr: { x1: 0, y1: HEIGHT - LABEL_SPACE, x2: WIDTH, y2: HEIGHT - LABEL_SPACE } });
	buckets.forEach((b, i) => {
		const x = i * slot + gap / 2;
		const pairs: [string, number, string][] = [
			["sn-calibration-predicted", b.predicted, "predicted"],
			["sn-calibration-actual", b.actual, "actual"],
		];
		pairs.forEach(([cls, value, name], k) => {
			const height = Math.max(0, Math.min(1, value)) * plot;
			const rect = svg.createSvg("rect", {
				cls: ["sn-stats-bar", cls],
				attr: { x: round(x + k * bar), y: round(HEIGHT - LABEL_SPACE - height), width: round(bar), height: round(height) },
			});
			rect.createSvg("title").textContent = `${b.label}: ${name} ${percent(value)} (${b.reviews} reviews)`;
		});
		svg.createSvg("text", { cls: "sn-stats-label", attr: { x: round(x + bar), y: HEIGHT - 4, "text-anchor": "middle" } }).textContent = b.label;
	});
	const legend = parent.createDiv("sn-calibration-legend");
	legend.createSpan({ cls: "sn-calibration-key sn-calibration-predicted-key", text: "Predicted" });
	legend.createSpan({ cls: "sn-calibration-key sn-calibration-actual-key", text: "Actual" });
	return svg;
}

function percent(x: number): string {
	return `${Math.round(x * 1000) / 10}%`;
}

function round(n: number): number {
	return Math.round(n * 10) / 10;
}
