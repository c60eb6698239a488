/**
 * Issue #15, defect 8: a note open in the editor is written through the Editor API, with the same
 * precondition and check as every write, as one step of the editor's undo history.
 */
import fc from "fast-check";
import type { Editor } from "obsidian";
import { describe, expect, it } from "vitest";
import { processInEditor } from "../../src/obsidian/open-editor";
import { MarkdownView, MockEditor, WorkspaceLeaf } from "../mocks/obsidian";
import { Rating } from "../../src/model/schedule";
import { loadedController, makeWorld, K8S, type World } from "../review/fixtures";

function openInEditor(world: World, path: string): MockEditor {
	const editor = new MockEditor(world.text(path));
	const leaf = new WorkspaceLeaf(world.app);
	leaf.viewState = { type: "markdown" };
	const file = world.app.vault.getFileByPath(path);
	leaf.view = new MarkdownView(file, editor);
	world.app.workspace.leaves.push(leaf);
	return editor;
}

describe("a review answer for a note open in the editor", () => {
	it("goes into the editor as one undo step, changing only the card's comment", async () => {
		const world = await makeWorld();
		const editor = openInEditor(world, "k8s.md");
		const controller = await loadedController(world, { title: "k8s", path: "k8s.md" });
		controller.reveal();
		expect(await controller.answer(Rating.Good)).toBe("saved");
		expect(editor.undoSteps).toHaveLength(1);
		expect(editor.undoSteps[0]).toEqual({ before: K8S, origin: "spaced-notes" });
		expect(editor.getValue()).toMatch(/^#flashcards\/k8s\r\n\r\nWhat is a pod::One or more containers\r\n<!--SR:!fsrs,[^>]*-->\r\n$/);
		// The file on disk is the editor's to save: it was not written under it.
		expect(world.text("k8s.md")).toBe(K8S);
		// Undo takes it back in the editor, byte for byte.
		expect(await controller.undo()).toBe(true);
		expect(editor.getValue()).toBe(K8S);
	});

	it("keeps the precondition: a card changed in the editor meanwhile is not written over", async () => {
		const world = await makeWorld();
		const editor = openInEditor(world, "k8s.md");
		const controller = await loadedController(world, { title: "k8s", path: "k8s.md" });
		editor.text = K8S.replace("What is a pod", "What is a Pod, really");
		controller.reveal();
		expect(await controller.answer(Rating.Good)).not.toBe("saved");
		expect(editor.undoSteps).toHaveLength(0);
		expect(editor.getValue()).toBe(K8S.replace("What is a pod", "What is a Pod, really"));
	});

	it("a note shown in reading view is written through the vault as before", async () => {
		const world = await makeWorld();
		const editor = openInEditor(world, "k8s.md");
		(world.app.workspace.leaves[0].view as MarkdownView).mode = "preview";
		const controller = await loadedController(world, { title: "k8s", path: "k8s.md" });
		controller.reveal();
		expect(await controller.answer(Rating.Good)).toBe("saved");
		expect(editor.undoSteps).toHaveLength(0);
		expect(world.text("k8s.md")).toContain("<!--SR:!fsrs,");
	});
});

describe("processInEditor", () => {
	it("turns any text into any other with one change that leaves the rest in place", () => {
		const text = fc.array(fc.constantFrom("a", "b", "\n", "\r\n", "<!--SR:!2026-03-13,3,250-->", " ", "é"), { maxLength: 20 }).map((p) => p.join(""));
		fc.assert(
			fc.property(text, text, (before, after) => {
				const editor = new MockEditor(before);
				const now = processInEditor(editor as unknown as Editor, "n.md", () => after);
				{
					expect(now).toBe(after);
					expect(editor.getValue()).toBe(after);
					expect(editor.undoSteps).toHaveLength(before === after ? 0 : 1);
				}
			}),
		);
	});

	it("leaves the editor alone when the edit declines (null)", () => {
		const editor = new MockEditor("q::a\n");
		expect(processInEditor(editor as unknown as Editor, "n.md", () => null)).toBe("q::a\n");
		expect(editor.undoSteps).toHaveLength(0);
	});
});
