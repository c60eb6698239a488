/**
 * The annotation panel under a Dockerfile code block: stage table, stage graph, footprint
 * estimate and advice, in a collapsible <details>. Built with Obsidian's DOM helpers only;
 * styles live in styles.css under `.sn-docker-*`.
 */
import { footprintLines } from "../docker/summary";
import type { DockerAnalysis, DockerAnalysisOk, DockerStage } from "../docker/types";

export interface DockerPanelOptions {
	/** Start folded (only the summary line shows). */
	collapsed?: boolean;
	/** Added to advice lines, to show note lines instead of block lines. */
	lineOffset?: number;
}

/**
 * Renders the panel for one analysis into `container` and returns the panel element.
 * A failed analysis renders its one calm line and nothing else.
 */
export function renderDockerPanel(container: HTMLElement, analysis: DockerAnalysis, options: DockerPanelOptions = {}): HTMLElement {
	const panel = container.createDiv({ cls: "sn-docker-panel" });
	if (analysis.error !== undefined) {
		panel.addClass("sn-docker-error");
		panel.createSpan({ cls: "sn-docker-error-text", text: `Dockerfile analysis: ${analysis.error}` });
		return panel;
	}
	const details = panel.createEl("details", { cls: "sn-docker-details" });
	details.open = !options.collapsed;
	details.createEl("summary", { cls: "sn-docker-summary", text: summaryText(analysis) });
	const body = details.createDiv({ cls: "sn-docker-body" });
	renderFootprint(body, analysis);
	renderTable(body, analysis);
	renderGraph(body, analysis);
	renderAdvice(body, analysis, options.lineOffset ?? 0);
	return panel;
}

function summaryText(a: DockerAnalysisOk): string {
	const n = a.stages.length;
	const count = a.advice.length;
	const advice = count === 0 ? "no suggestions" : `${count} suggestion${count === 1 ? "" : "s"}`;
	return `Dockerfile: ${n} stage${n === 1 ? "" : "s"}, ${footprintLines(a.footprint).final.replace(/^Final image/, "final image")} (estimate), ${advice}`;
}

function renderFootprint(body: HTMLElement, a: DockerAnalysisOk): void {
	const f = a.footprint;
	const lines = footprintLines(f);
	const box = body.createDiv({ cls: "sn-docker-footprint" });
	box.createDiv({ cls: "sn-docker-footprint-final", text: lines.final });
	if (lines.builder) {
		box.createDiv({ cls: "sn-docker-footprint-builder", text: lines.builder + (lines.ratio ? `; ${lines.ratio}` : "") });
	}
	const notes = [lines.label];
	for (const size of [f.final, f.largestBuilder]) {
		if (size?.row && size.confidence)
			notes.push(`${size.image}: measured as ${size.row}, ${size.confidence} confidence${size.note ? `, ${size.note}` : ""}.`);
	}
	if (f.unknown.length > 0) notes.push(`Size unknown for ${f.unknown.join(", ")}.`);
	box.createDiv({ cls: "sn-docker-muted", text: notes.join(" ") });
}

function stageLabel(a: DockerAnalysisOk, index: number): string {
	return a.stages[index].name ?? `#${index}`;
}

function renderTable(body: HTMLElement, a: DockerAnalysisOk): void {
	const wrap = body.createDiv({ cls: "sn-docker-table-wrap" });
	const table = wrap.createEl("table", { cls: "sn-docker-table" });
	const head = table.createEl("thead").createEl("tr");
	for (const title of ["#", "Stage", "Base", "Platform", "Takes from", ""]) head.createEl("th", { text: title });
	const tbody = table.createEl("tbody");
	for (const s of a.stages) {
		const row = tbody.createEl("tr", { cls: "sn-docker-row" });
		row.toggleClass("sn-docker-row-final", s.final);
		row.toggleClass("sn-docker-row-skipped", s.skipped);
		row.createEl("td", { text: String(s.index), attr: { "data-label": "#" } });
		row.createEl("td", { text: s.name ?? "", attr: { "data-label": "Stage" } });
		row.createEl("td", { text: s.parent === null ? s.base : `stage ${stageLabel(a, s.parent)}`, attr: { "data-label": "Base" } });
		row.createEl("td", { text: s.platform ?? "", attr: { "data-label": "Platform" } });
		const from = row.createEl("td", { attr: { "data-label": "Takes from" } });
		for (const src of s.sources) {
			const label = src.stage === null ? src.ref : stageLabel(a, src.stage);
			from.createSpan({
				cls: `sn-docker-source sn-docker-source-${src.kind}`,
				text: label,
				title: `${src.via === "copy" ? "COPY --from" : "RUN --mount from"}, line ${src.line}`,
			});
		}
		const badges = row.createEl("td", { cls: "sn-docker-badges" });
		if (s.final) badges.createSpan({ cls: "sn-docker-badge sn-docker-badge-final", text: "final" });
		if (s.skipped)
			badges.createSpan({
				cls: "sn-docker-badge sn-docker-badge-skipped",
				text: "skipped",
				title: "The final stage does not use this stage, so BuildKit skips it",
			});
		if (s.sources.some((src) => src.kind === "image")) badges.createSpan({ cls: "sn-docker-badge sn-docker-badge-external", text: "external" });
	}
}

/** Marker ids must be unique in the document, and a note can hold many panels. */
let graphCount = 0;

const BOX_W = 200;
const BOX_H = 22;
const GAP = 10;

/** Stages stacked top to bottom; arrows on the right from each source stage to its user. */
function renderGraph(body: HTMLElement, a: DockerAnalysisOk): void {
	const edges = graphEdges(a.stages);
	const width = BOX_W + 16 + 14 * Math.max(1, edges.length);
	const height = a.stages.length * (BOX_H + GAP) + GAP;
	const svg = body.createSvg("svg", {
		cls: "sn-docker-graph",
		attr: { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": "Stage graph" },
	});
	const arrowId = `sn-docker-arrow-${++graphCount}`;
	const marker = svg.createSvg("defs").createSvg("marker", {
		attr: { id: arrowId, viewBox: "0 0 6 6", refX: 5, refY: 3, markerWidth: 6, markerHeight: 6, orient: "auto" },
	});
	marker.createSvg("path", { cls: "sn-docker-graph-arrow", attr: { d: "M0 0 L6 3 L0 6 z" } });
	const y = (i: number) => GAP + i * (BOX_H + GAP);
	a.stages.forEach((s, i) => {
		const g = svg.createSvg("g", { cls: "sn-docker-graph-node" });
		if (s.final) g.addClass("sn-docker-graph-final");
		if (s.skipped) g.addClass("sn-docker-graph-skipped");
		g.createSvg("rect", { attr: { x: 2, y: y(i), width: BOX_W, height: BOX_H, rx: 4 } });
		const base = s.parent === null ? s.base : `stage ${stageLabel(a, s.parent)}`;
		g.createSvg("text", { attr: { x: 8, y: y(i) + BOX_H / 2 + 4 } }).setText(clip(`${s.name ?? `#${i}`} · ${base}`, 30));
	});
	edges.forEach((e, k) => {
		const x = BOX_W + 2;
		const cx = x + 14 * (k + 1);
		const y1 = y(e.from) + BOX_H / 2;
		const y2 = y(e.to) + BOX_H / 2;
		svg.createSvg("path", {
			cls: `sn-docker-graph-edge sn-docker-graph-edge-${e.kind}`,
			attr: { d: `M${x} ${y1} C${cx} ${y1} ${cx} ${y2} ${x + 2} ${y2}`, "marker-end": `url(#${arrowId})` },
		});
	});
}

interface Edge {
	from: number;
	to: number;
	kind: "inherit" | "copy" | "mount";
}

function graphEdges(stages: readonly DockerStage[]): Edge[] {
	const edges: Edge[] = [];
	for (const s of stages) {
		if (s.parent !== null) edges.push({ from: s.parent, to: s.index, kind: "inherit" });
		for (const src of s.sources) {
			if (src.stage !== null && !edges.some((e) => e.from === src.stage && e.to === s.index)) edges.push({ from: src.stage, to: s.index, kind: src.via });
		}
	}
	return edges;
}

function clip(text: string, max: number): string {
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function renderAdvice(body: HTMLElement, a: DockerAnalysisOk, lineOffset: number): void {
	if (a.advice.length === 0) {
		body.createDiv({ cls: "sn-docker-muted", text: "No advice for this Dockerfile." });
		return;
	}
	const list = body.createEl("ul", { cls: "sn-docker-advice" });
	for (const adv of a.advice) {
		const item = list.createEl("li", { cls: "sn-docker-advice-item", attr: { "data-rule": adv.rule } });
		item.createSpan({ cls: "sn-docker-advice-line", text: `Line ${adv.line + lineOffset}` });
		item.createSpan({ cls: "sn-docker-advice-message", text: adv.message });
		item.createSpan({ cls: "sn-docker-advice-reason", text: adv.reason });
	}
}
