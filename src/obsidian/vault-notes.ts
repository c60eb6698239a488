/**
 * The review's {@link NoteStore} inside Obsidian: reads with `Vault.cachedRead`, writes with one
 * `Vault.process` call per change (an atomic read-modify-write of the current text, so an edit
 * made meanwhile is never overwritten), and tells the index about its own writes at once.
 */
import { TFile, type App } from "obsidian";
import type { NoteStore } from "../review/ports";

export class VaultNotes implements NoteStore {
	constructor(private readonly app: App) {}

	read(path: string): Promise<string> {
		return this.app.vault.cachedRead(this.file(path));
	}

	async process(path: string, edit: (text: string) => string | null): Promise<string> {
		const file = this.file(path);
		try {
			return await this.app.vault.process(file, (text) => edit(text) ?? text);
		} catch (error) {
			throw new Error(`The note ${path} could not be written: ${error instanceof Error ? error.message : String(error)}`);
		}
	}

	private file(path: string): TFile {
		const file = this.app.vault.getAbstractFileByPath(path);
		if (!(file instanceof TFile)) throw new Error(`The note ${path} no longer exists; nothing was saved.`);
		return file;
	}
}
