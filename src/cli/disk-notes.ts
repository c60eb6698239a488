/**
 * The review's {@link NoteStore} on the command line: notes on disk, each change made on the
 * text now on disk and written atomically only if nobody changed the note meanwhile (else the
 * change is redone on the fresh text, a few times at most). A note that is not UTF-8 is read
 * lossily for the review but never written: its bytes would be lost.
 */
import { readFileSync } from "node:fs";
import type { NoteStore } from "../review/ports";
import { writeIfUnchanged } from "./atomic-write";
import { decodeUtf8, notUtf8Message } from "./utf8";
import type { VaultFile } from "./vault";

/** How often a change is redone when the note keeps changing under it. */
const ATTEMPTS = 3;

export class DiskNotes implements NoteStore {
	private readonly byPath: Map<string, VaultFile>;

	constructor(files: readonly VaultFile[]) {
		this.byPath = new Map(files.map((file) => [file.vaultPath, file]));
	}

	read(path: string): Promise<string> {
		try {
			return Promise.resolve(this.readNow(this.file(path)));
		} catch (error) {
			return Promise.reject(error instanceof Error ? error : new Error(String(error)));
		}
	}

	process(path: string, edit: (text: string) => string | null): Promise<string> {
		try {
			return Promise.resolve(this.processNow(this.file(path), edit));
		} catch (error) {
			return Promise.reject(error instanceof Error ? error : new Error(String(error)));
		}
	}

	private processNow(file: VaultFile, edit: (text: string) => string | null): string {
		let current = this.readStrict(file);
		for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
			const next = edit(current);
			if (next === null) return current;
			let written: ReturnType<typeof writeIfUnchanged>;
			try {
				written = writeIfUnchanged(file.absolute, current, next);
			} catch (error) {
				throw new Error(`cannot write ${file.display}: ${(error as Error).message}`);
			}
			if (written.written) return next;
			current = written.current;
			if (current.includes("\uFFFD")) current = this.readStrict(file);
		}
		throw new Error(`${file.display} kept changing while it was being written; try again`);
	}

	/** The note's text for a change: throws when it is not UTF-8. */
	private readStrict(file: VaultFile): string {
		let bytes: Buffer;
		try {
			bytes = readFileSync(file.absolute);
		} catch (error) {
			throw new Error(`cannot read ${file.display}: ${(error as Error).message}`);
		}
		const text = decodeUtf8(bytes);
		if (text === null) throw new Error(notUtf8Message(file.display));
		return text;
	}

	private readNow(file: VaultFile): string {
		try {
			return readFileSync(file.absolute, "utf8");
		} catch (error) {
			throw new Error(`cannot read ${file.display}: ${(error as Error).message}`);
		}
	}

	private file(path: string): VaultFile {
		const file = this.byPath.get(path);
		if (!file) throw new Error(`${path} is not part of this session`);
		return file;
	}
}
