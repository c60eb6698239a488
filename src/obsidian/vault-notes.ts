/**
 * The review's {@link NoteStore} inside Obsidian: reads with `Vault.cachedRead`, writes with one
 * `Vault.process` call per change (an atomic read-modify-write of the current text, so an edit
 * made meanwhile is never overwritten), and tells the index about its own writes at once.
 *
 * Obsidian decodes every note as UTF-8, so a note that is not UTF-8 (Latin-1 text, a binary file)
 * arrives with U+FFFD in place of its bad bytes; writing that text back would lose them. Text that
 * holds U+FFFD is therefore written only after its bytes were read and found to be UTF-8.
 *
 * A note open in an editor is written through the Editor API (`open-editor.ts`): the same edit
 * (its precondition included) on the editor's text, one step of its undo history, read back.
 */
import { TFile, type App } from "obsidian";
import type { NoteStore } from "../review/ports";
import { openEditorOf, processInEditor } from "./open-editor";

/** How often a change is tried again when the note keeps changing while its bytes are checked. */
const ATTEMPTS = 3;
const REPLACEMENT = "\uFFFD";

export class VaultNotes implements NoteStore {
	constructor(private readonly app: App) {}

	read(path: string): Promise<string> {
		const editor = openEditorOf(this.app, path);
		if (editor !== null) return Promise.resolve(editor.getValue());
		return this.app.vault.cachedRead(this.file(path));
	}

	async process(path: string, edit: (text: string) => string | null): Promise<string> {
		const file = this.file(path);
		const editor = openEditorOf(this.app, path);
		// Text with U+FFFD goes the checked way below (its bytes must be read first).
		if (editor !== null && !editor.getValue().includes(REPLACEMENT)) return processInEditor(editor, path, edit);
		// The text (without a byte order mark) whose bytes were found to be UTF-8.
		let checked: string | null = null;
		for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
			const seen = { unchecked: false };
			let result: string;
			try {
				result = await this.app.vault.process(file, (text) => {
					if (text.includes(REPLACEMENT) && withoutBom(text) !== checked) {
						seen.unchecked = true;
						return text;
					}
					return edit(text) ?? text;
				});
			} catch (error) {
				throw new Error(`The note ${path} could not be written: ${error instanceof Error ? error.message : String(error)}`);
			}
			if (!seen.unchecked) return result;
			checked = await this.utf8Text(file);
			if (checked === null) throw new Error(`The note ${path} is not UTF-8 text, so nothing was saved.`);
		}
		throw new Error(`The note ${path} kept changing while it was being saved; nothing was saved.`);
	}

	/** The note's bytes decoded as UTF-8 (without a byte order mark), or null when they are not UTF-8. */
	private async utf8Text(file: TFile): Promise<string | null> {
		let bytes: ArrayBuffer;
		try {
			bytes = await this.app.vault.readBinary(file);
		} catch (error) {
			throw new Error(`The note ${file.path} could not be read: ${error instanceof Error ? error.message : String(error)}`);
		}
		try {
			return withoutBom(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
		} catch {
			return null;
		}
	}

	private file(path: string): TFile {
		const file = this.app.vault.getAbstractFileByPath(path);
		if (!(file instanceof TFile)) throw new Error(`The note ${path} no longer exists; nothing was saved.`);
		return file;
	}
}

function withoutBom(text: string): string {
	return text.startsWith("\uFEFF") ? text.slice(1) : text;
}
