/**
 * Live Preview: a block widget with the Dockerfile panel below the closing fence of every
 * dockerfile block. Block decorations must come from a StateField. Analyses are cached by
 * block text, so an edit re-analyses only the block that changed, and `eq` keeps unchanged
 * widgets' DOM in place.
 */
import { type EditorState, type Extension, StateField, type Transaction } from "@codemirror/state";
import { Decoration, type DecorationSet, EditorView, WidgetType } from "@codemirror/view";
import { editorLivePreviewField } from "obsidian";
import { analyseDockerfile } from "../docker/analyse";
import { findDockerBlocks, findDockerignore } from "../docker/markdown-blocks";
import type { DockerAnalysis } from "../docker/types";
import { renderDockerPanel } from "../ui/docker-panel";
import type { DockerPanelSettings } from "./docker-reading-view";

class DockerPanelWidget extends WidgetType {
	constructor(
		readonly body: string,
		readonly analysis: DockerAnalysis,
		readonly lineOffset: number,
		readonly dockerignore: string | null,
	) {
		super();
	}

	override eq(other: DockerPanelWidget): boolean {
		return other.body === this.body && other.lineOffset === this.lineOffset && other.dockerignore === this.dockerignore;
	}

	toDOM(): HTMLElement {
		const holder = createDiv({ cls: "sn-docker-live-preview" });
		renderDockerPanel(holder, this.analysis, { lineOffset: this.lineOffset, dockerignore: this.dockerignore });
		return holder;
	}

	// The panel handles its own clicks (the collapse toggle); the editor should not move the cursor.
	override ignoreEvent(): boolean {
		return true;
	}
}

interface PanelsState {
	decorations: DecorationSet;
	/** Analyses by block text, reused while the text is unchanged. */
	cache: Map<string, DockerAnalysis>;
}

function isLivePreview(state: EditorState): boolean {
	return state.field(editorLivePreviewField, false) === true;
}

function buildPanels(state: EditorState, settings: DockerPanelSettings, previous: Map<string, DockerAnalysis>): PanelsState {
	const cache = new Map<string, DockerAnalysis>();
	if (!settings.dockerPanel || settings.dockerPanelInLivePreview === false || !isLivePreview(state)) {
		return { decorations: Decoration.none, cache };
	}
	const ranges = [];
	const text = state.doc.toString();
	const dockerignore = findDockerignore(text);
	for (const block of findDockerBlocks(text)) {
		if (block.endLine === null || block.endLine > state.doc.lines) continue;
		// The cache key holds the .dockerignore too: editing it changes CopyIgnoredFile.
		const key = `${dockerignore ?? ""}\u0000${block.body}`;
		const analysis = previous.get(key) ?? cache.get(key) ?? analyseDockerfile(block.body, { dockerignore });
		cache.set(key, analysis);
		const widget = new DockerPanelWidget(block.body, analysis, block.line, dockerignore);
		ranges.push(Decoration.widget({ widget, block: true, side: 1 }).range(state.doc.line(block.endLine).to));
	}
	return { decorations: Decoration.set(ranges, true), cache };
}

function needsRebuild(tr: Transaction): boolean {
	return tr.docChanged || isLivePreview(tr.startState) !== isLivePreview(tr.state) || tr.reconfigured;
}

/**
 * The editor extension to register with `registerEditorExtension`.
 * @param getSettings read whenever the panels are rebuilt
 */
export function dockerLivePreviewExtension(getSettings: () => DockerPanelSettings): Extension {
	const field = StateField.define<PanelsState>({
		create: (state) => buildPanels(state, getSettings(), new Map()),
		update: (value, tr) => (needsRebuild(tr) ? buildPanels(tr.state, getSettings(), value.cache) : value),
		provide: (f) => EditorView.decorations.from(f, (value) => value.decorations),
	});
	return field;
}
