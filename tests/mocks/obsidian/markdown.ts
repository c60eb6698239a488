// Imitates Obsidian's Markdown side: the renderer, the editor's state fields, MarkdownView and its Editor.
import { StateEffect, StateField } from "@codemirror/state";
import type { Component } from "./events";
import type { TFile } from "./vault";
import type { App } from "./workspace";

/** Tests switch Live Preview on or off with this effect (or `editorLivePreviewField.init`). */
export const setEditorLivePreview = StateEffect.define<boolean>();

/** Obsidian's "is this editor in Live Preview" field; false (source mode) unless a test sets it. */
export const editorLivePreviewField = StateField.define<boolean>({
	create: () => false,
	update: (value, tr) => {
		for (const effect of tr.effects) if (effect.is(setEditorLivePreview)) return effect.value;
		return value;
	},
});

/** Obsidian's "which file is this editor showing" field; no file unless a test sets one with `.init`. */
export const editorInfoField = StateField.define<{ file: TFile | null }>({
	create: () => ({ file: null }),
	update: (value) => value,
});

/** Writes the Markdown as plain text into the element; `renders` records each call. */
export class MarkdownRenderer {
	static renders: { markdown: string; el: HTMLElement; sourcePath: string; component: Component }[] = [];
	static async render(_app: App, markdown: string, el: HTMLElement, sourcePath: string, component: Component): Promise<void> {
		MarkdownRenderer.renders.push({ markdown, el, sourcePath, component });
		el.createDiv({ cls: "mock-markdown", text: markdown });
	}
}

/** A plain-text editor: the text, and each transaction kept as one undo step. */
export class MockEditor {
	undoSteps: { before: string; origin?: string }[] = [];
	constructor(public text: string) {}
	getValue(): string {
		return this.text;
	}
	offsetToPos(offset: number): { line: number; ch: number } {
		const before = this.text.slice(0, offset).split("\n");
		return { line: before.length - 1, ch: before[before.length - 1].length };
	}
	posToOffset(pos: { line: number; ch: number }): number {
		const lines = this.text.split("\n");
		let offset = 0;
		for (let i = 0; i < pos.line; i++) offset += lines[i].length + 1;
		return offset + pos.ch;
	}
	transaction(tx: { changes?: { from: { line: number; ch: number }; to?: { line: number; ch: number }; text: string }[] }, origin?: string): void {
		this.undoSteps.push({ before: this.text, origin });
		// Applied from the last change back, so earlier positions stay valid.
		const changes = [...(tx.changes ?? [])].sort((a, b) => this.posToOffset(b.from) - this.posToOffset(a.from));
		for (const change of changes) {
			const from = this.posToOffset(change.from);
			const to = this.posToOffset(change.to ?? change.from);
			this.text = this.text.slice(0, from) + change.text + this.text.slice(to);
		}
	}
}

export class MarkdownView {
	mode: "source" | "preview" = "source";
	constructor(
		public file: TFile | null,
		public editor: MockEditor,
	) {}
	getMode(): "source" | "preview" {
		return this.mode;
	}
}
