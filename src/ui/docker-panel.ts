/**
 * The annotation panel under a Dockerfile code block: stage table, stage graph, footprint
 * estimate and advice, in a collapsible <details>. Built with Obsidian's DOM helpers only;
 * styles live in styles.css under `.sn-docker-*`.
 */
import { analyseDockerfile } from "../docker/analyse";
import { ruleSource, SHRINKING_RULES } from "../docker/checks";
import { errorText, footprintLines, footprintSummary } from "../docker/summary";
import type { Advice, DockerAnalysis, DockerAnalysisOk, DockerStage } from "../docker/types";

export interface DockerPanelOptions {
	/** Start folded (only the summary line shows). */
	collapsed?: boolean;
	/** Added to advice lines, to show note lines instead of block lines. */
	lineOffset?: number;
	/** The note's .dockerignore (a ```dockerignore block), kept when the platform selector analyses again. */
	dockerignore?: string | null;
}

/** Target platforms the selector offers; the analysis' own is added when it is not one of them. */
const PLATFORM_CHOICES = ["linux/amd64", "linux/arm64", "linux/arm/v7", "linux/386", "linux/ppc64le", "linux/s390x", "linux/riscv64", "windows/amd64"];

/**
 * Renders the panel for one analysis into `container` and returns the panel element.
 * A failed analysis renders its one calm line and nothing else. A successful one offers a
 * target platform selector that analyses the same text again for the platform chosen.
 */
export function renderDockerPanel(container: HTMLElement, analysis: DockerAnalysis, options: DockerPanelOptions = {}): HTMLElement {
	const panel = container.createDiv({ cls: "sn-docker-panel" });
	fillPanel(panel, analysis, options, analysis.error === undefined ? analysis.source : null, null);
	return panel;
}

/**
 * Draws one analysis into the panel. With the analysed text at hand, a platform selector
 * redraws the panel for the platform chosen (also when that analysis ends in an error line).
 */
function fillPanel(panel: HTMLElement, analysis: DockerAnalysis, options: DockerPanelOptions, source: string | null, chosen: string | null): void {
	panel.empty();
	const choose =
		source === null
			? null
			: (platform: string) =>
					fillPanel(
						panel,
						analyseDockerfile(source, { platform, dockerignore: options.dockerignore }),
						{ ...options, collapsed: false },
						source,
						platform,
					);
	if (analysis.error !== undefined) {
		panel.addClass("sn-docker-error");
		panel.createSpan({ cls: "sn-docker-error-text", text: `Dockerfile analysis: ${errorText(analysis, options.lineOffset ?? 0)}` });
		if (choose && chosen !== null) renderPlatformChoice(panel, chosen, choose);
		return;
	}
	panel.removeClass("sn-docker-error");
	const details = panel.createEl("details", { cls: "sn-docker-details" });
	details.open = !options.collapsed;
	details.createEl("summary", { cls: "sn-docker-summary", text: summaryText(analysis) });
	const body = details.createDiv({ cls: "sn-docker-body" });
	renderFootprint(body, analysis, options.lineOffset ?? 0);
	if (choose) renderPlatformChoice(body, analysis.platform.target, choose);
	renderTable(body, analysis);
	renderGraph(body, analysis);
	renderAdvice(body, analysis, options.lineOffset ?? 0);
}

/** "Target platform: [linux/amd64 ▾]": the platform args are resolved for this platform. */
function renderPlatformChoice(parent: HTMLElement, current: string, choose: (platform: string) => void): void {
	const row = parent.createDiv({ cls: "sn-docker-platform sn-docker-muted" });
	const label = row.createEl("label", { text: "Target platform " });
	const select = label.createEl("select", { cls: "dropdown sn-docker-platform-select" });
	const choices = PLATFORM_CHOICES.includes(current) ? PLATFORM_CHOICES : [current, ...PLATFORM_CHOICES];
	for (const p of choices) select.createEl("option", { text: p, value: p });
	select.value = current;
	select.addEventListener("change", () => choose(select.value));
}

function summaryText(a: DockerAnalysisOk): string {
	const n = a.stages.length;
	const count = a.advice.length;
	const advice = count === 0 ? "no findings" : `${count} finding${count === 1 ? "" : "s"}`;
	return `Dockerfile for ${a.platform.target}: ${n} stage${n === 1 ? "" : "s"}, ${footprintSummary(a.footprint)} (estimates), ${advice}`;
}

function renderFootprint(body: HTMLElement, a: DockerAnalysisOk, lineOffset: number): void {
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
	const shrinking = a.advice.filter((x) => SHRINKING_RULES.has(x.rule));
	if (shrinking.length > 0) {
		const rows = shrinking.map((x) => `${x.rule} (line ${x.line + lineOffset})`);
		box.createDiv({ cls: "sn-docker-footprint-shrink", text: `Smaller still: ${rows.join(", ")}.` });
	}
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

/** One edge per pair of stages, the first reason kept (inheritance before `--from`, in line order). */
function graphEdges(stages: readonly DockerStage[]): Edge[] {
	const edges: Edge[] = [];
	const seen = new Set<string>();
	const add = (from: number, to: number, kind: Edge["kind"]) => {
		const key = `${from}>${to}`;
		if (seen.has(key)) return;
		seen.add(key);
		edges.push({ from, to, kind });
	};
	for (const s of stages) {
		if (s.parent !== null) add(s.parent, s.index, "inherit");
		for (const src of s.sources) if (src.stage !== null) add(src.stage, s.index, src.via);
	}
	return edges;
}

function clip(text: string, max: number): string {
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const GROUPS = [
	{ source: "buildkit", title: "Docker build checks" },
	{ source: "hadolint", title: "hadolint" },
	{ source: "ours", title: "Advice" },
] as const;

function renderAdvice(body: HTMLElement, a: DockerAnalysisOk, lineOffset: number): void {
	if (a.advice.length === 0) body.createDiv({ cls: "sn-docker-muted", text: "No findings for this Dockerfile." });
	for (const group of GROUPS) {
		const items = a.advice.filter((x) => ruleSource(x.rule) === group.source);
		if (items.length === 0) continue;
		body.createDiv({ cls: "sn-docker-advice-title", text: group.title });
		const list = body.createEl("ul", { cls: "sn-docker-advice" });
		for (const adv of items) renderAdviceItem(list, adv, lineOffset);
	}
	if (a.skippedChecks.length > 0) {
		const notes = body.createEl("ul", { cls: "sn-docker-skipped sn-docker-muted" });
		for (const s of a.skippedChecks) notes.createEl("li", { text: `${s.rule}: ${s.reason}.`, attr: { "data-rule": s.rule } });
	}
}

function renderAdviceItem(list: HTMLElement, adv: Advice, lineOffset: number): void {
	const item = list.createEl("li", { cls: "sn-docker-advice-item", attr: { "data-rule": adv.rule } });
	item.createSpan({ cls: "sn-docker-advice-line", text: `Line ${adv.line + lineOffset}` });
	item.createSpan({ cls: "sn-docker-advice-rule", text: adv.rule });
	if (SHRINKING_RULES.has(adv.rule)) item.createSpan({ cls: "sn-docker-badge sn-docker-badge-shrink", text: "smaller image" });
	item.createSpan({ cls: "sn-docker-advice-message", text: adv.message });
	item.createSpan({ cls: "sn-docker-advice-reason", text: adv.reason });
}
