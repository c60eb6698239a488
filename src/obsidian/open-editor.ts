/**
 * Writing into a note that is open in an editor: through the Editor API, so the change lands in
 * the editor's text (and its undo history, as one step) instead of under it from the disk. The
 * change is the smallest replacement between the old and the new text: the bytes the writer
 * owns, nothing else; the editor's text is read back and compared, like every write.
 */
import { MarkdownView, type App, type Editor } from "obsidian";

/** The editor of `path` when the note is open in source or Live Preview mode; null otherwise. */
export function openEditorOf(app: App, path: string): Editor | null {
	for (const leaf of app.workspace.getLeavesOfType("markdown")) {
		const view = leaf.view;
		if (view instanceof MarkdownView && view.file?.path === path && view.getMode() === "source") return view.editor;
	}
	return null;
}

/**
 * Applies `edit` to the editor's text as one transaction; resolves with the text now in the
 * editor. Throws when the editor does not hold the intended text afterwards.
 */
export function processInEditor(editor: Editor, path: string, edit: (text: string) => string | null): string {
	const before = editor.getValue();
	const after = edit(before);
	if (after === null || after === before) return before;
	let start = 0;
	const shortest = Math.min(before.length, after.length);
	while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
	let end = 0;
	while (end < shortest - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
	editor.transaction(
		{ changes: [{ from: editor.offsetToPos(start), to: editor.offsetToPos(before.length - end), text: after.slice(start, after.length - end) }] },
		"spaced-notes",
	);
	const now = editor.getValue();
	if (now !== after) throw new Error(`The note ${path} did not take the change in its editor; check the card there.`);
	return now;
}
