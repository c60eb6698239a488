// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { editorLivePreviewField } from "obsidian";
import { dockerLivePreviewExtension } from "../../src/obsidian/docker-live-preview";
import { setEditorLivePreview } from "../mocks/obsidian";
import { installObsidianDom } from "../mocks/obsidian-dom";
import { readNote } from "../docker/helpers";

beforeAll(() => installObsidianDom());

let view: EditorView | null = null;
afterEach(() => {
	view?.destroy();
	view = null;
});

function open(doc: string, livePreview: boolean, settings = { dockerPanel: true }): EditorView {
	const parent = createDiv();
	document.body.appendChild(parent);
	view = new EditorView({
		state: EditorState.create({ doc, extensions: [editorLivePreviewField.init(() => livePreview), dockerLivePreviewExtension(() => settings)] }),
		parent,
	});
	return view;
}

function panels(v: EditorView): HTMLElement[] {
	return Array.from(v.dom.querySelectorAll<HTMLElement>(".sn-docker-live-preview"));
}

describe("dockerLivePreviewExtension", () => {
	it("decorates the end of each closing dockerfile fence of the real note", () => {
		const v = open(readNote(), true);
		const at: number[] = [];
		for (const set of v.state.facet(EditorView.decorations)) {
			if (typeof set === "function") continue;
			set.between(0, v.state.doc.length, (from, _to, deco) => {
				if ((deco.spec as { block?: boolean }).block) at.push(v.state.doc.lineAt(from).number);
			});
		}
		expect(at).toEqual([39, 67]);
		for (const n of at) expect(v.state.doc.line(n).text).toBe("```");
	});

	it("renders the panel right after the closing fence line", () => {
		// jsdom has no layout, so CodeMirror renders only a short viewport: use the Go block's lines.
		const v = open(readNote().split("\n").slice(26, 40).join("\n"), true);
		const found = panels(v);
		expect(found).toHaveLength(1);
		expect(found[0].querySelector(".sn-docker-footprint-final")?.textContent).toMatch(/: scratch \(≈ 0 MB\) \+ a static Go binary/);
		expect(found[0].previousElementSibling?.textContent).toBe("```");
		expect(found[0].querySelector(".sn-docker-advice-line")?.textContent).toBe("Line 10"); // FROM scratch, line 10 of this text
	});

	it("shows nothing in source mode and follows the Live Preview switch", () => {
		const v = open("```dockerfile\nFROM alpine:3.20\n```\n", false);
		expect(panels(v)).toHaveLength(0);
		v.dispatch({ effects: setEditorLivePreview.of(true) });
		expect(panels(v)).toHaveLength(1);
		v.dispatch({ effects: setEditorLivePreview.of(false) });
		expect(panels(v)).toHaveLength(0);
	});

	it("recomputes a changed block and keeps an unchanged block's DOM", () => {
		const doc = "```dockerfile\nFROM alpine:3.20\n```\n\n```docker\nFROM golang:1.22\n```\n";
		const v = open(doc, true);
		const [first, second] = panels(v);
		expect(second.textContent).toMatch(/golang:1.22/);
		const at = v.state.doc.toString().indexOf("golang:1.22");
		v.dispatch({ changes: { from: at, to: at + "golang:1.22".length, insert: "python:3.12-slim" } });
		const after = panels(v);
		expect(after).toHaveLength(2);
		expect(after[0]).toBe(first); // same widget, same DOM
		expect(after[1].textContent).toMatch(/python:3.12-slim/);
		expect(after[1].textContent).not.toMatch(/golang/);
	});

	it("shows nothing when the setting is off, and no panel for an unclosed fence", () => {
		expect(panels(open("```dockerfile\nFROM alpine:3.20\n```", true, { dockerPanel: false }))).toHaveLength(0);
		view?.destroy();
		expect(panels(open("```dockerfile\nFROM alpine:3.20\n", true))).toHaveLength(0);
	});
});
