/**
 * The review's {@link NoteStore} on the command line: notes on disk, each change made on the
 * text now on disk and written only if nobody changed the note meanwhile (else the change is
 * redone on the fresh text, a few times at most); a change another program makes in the last
 * moment before the rename is caught afterwards and kept in a backup (see atomic-write.ts). A
 * note that is not UTF-8 is read lossily for the review but never written: its bytes would be lost.
 * A linked note is written through the link to its target, only when that lies inside the vault;
 * a read-only note is not written.
 */
import { readFileSync, realpathSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { NoteStore } from "../review/ports";
import { ChangedWhileWritingError, closeSnapshot, readSnapshot, writeIfUnchanged, type NoteSnapshot, type WriteOutcome } from "./atomic-write";
import { ReplacedFiles, type LateChange } from "./replaced-files";
import { toSlashes } from "./fs-paths";
import { decodeUtf8, notUtf8Message } from "./utf8";
import { isInside, type LoadedVault, type VaultFile } from "./vault";

/** How often a change is redone when the note keeps changing under it. */
const ATTEMPTS = 10;

export interface DiskNotesOptions {
	/**
	 * Told (one sentence) when another program wrote into a note's replaced file just after an
	 * answer was written, and where that text is kept.
	 */
	warn?: (message: string) => void;
}

export class DiskNotes implements NoteStore {
	private readonly byPath: Map<string, VaultFile>;
	/** Notes by the real path written, for reports about replaced files. */
	private readonly byTarget = new Map<string, VaultFile>();
	private readonly replaced = new ReplacedFiles();
	/** The vault root's real path: a note is written only when its real path lies inside. */
	private readonly root: string;

	constructor(
		vault: Pick<LoadedVault, "root" | "files">,
		private readonly options: DiskNotesOptions = {},
	) {
		this.root = realpathSync(vault.root);
		this.byPath = new Map(vault.files.map((file) => [file.vaultPath, file]));
	}

	/** The last look at the files answers replaced; call once the review is over. */
	async close(): Promise<void> {
		this.report(await this.replaced.close());
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
		this.report(this.replaced.check());
		for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
			const snapshot = this.snapshot(file);
			let watched = false;
			try {
				const current = decodeUtf8(snapshot.bytes);
				if (current === null) throw new Error(notUtf8Message(file.display));
				// No write permission for anyone: the user made it read-only (a rename would ignore that).
				if ((snapshot.stat.mode & 0o222n) === 0n) throw new Error(`${file.display} is read-only, so nothing was saved.`);
				const next = edit(current);
				if (next === null) return current;
				let outcome: WriteOutcome;
				try {
					outcome = writeIfUnchanged(snapshot, next);
				} catch (error) {
					if (!(error instanceof ChangedWhileWritingError)) throw new Error(`cannot write ${file.display}: ${(error as Error).message}`);
					if (snapshot.stat.nlink === 1n) watched = this.watch(snapshot, error.replaced);
					throw new Error(
						`${file.display} was changed by another program while the answer was written, so it is not counted as saved and the text it replaced is kept in ${this.backupName(file, error.backup)}.`,
					);
				}
				if (outcome === "changed") continue;
				if (outcome === "replaced") watched = this.watch(snapshot, snapshot.bytes);
				return next;
			} finally {
				if (!watched) closeSnapshot(snapshot);
			}
		}
		throw new Error(`${file.display} kept changing while it was being written, so nothing was saved; try again.`);
	}

	/** Watches the file a rename replaced (its descriptor now belongs to {@link replaced}). */
	private watch(snapshot: NoteSnapshot, held: Buffer): true {
		this.replaced.watch(snapshot.path, snapshot.fd, held);
		return true;
	}

	private report(changes: readonly LateChange[]): void {
		for (const change of changes) {
			const file = this.byTarget.get(change.path);
			const name = file?.display ?? change.path;
			this.options.warn?.(
				`${name} was written by another program just after an answer replaced it, so that text is kept in ${file ? this.backupName(file, change.backup) : change.backup}.`,
			);
		}
	}

	/** A backup's path as the user sees the note's: beside it (beside a link's target: its full path). */
	private backupName(file: VaultFile, backup: string): string {
		if (dirname(backup) !== dirname(file.absolute)) return backup;
		return toSlashes(join(dirname(file.display), basename(backup)));
	}

	/** The note read for a change: through a link, its target (which must lie inside the vault). */
	private snapshot(file: VaultFile): NoteSnapshot {
		let target: string;
		try {
			target = realpathSync(file.absolute);
		} catch (error) {
			throw new Error(`cannot read ${file.display}: ${(error as Error).message}`);
		}
		if (!isInside(this.root, target)) throw new Error(`${file.display} is a link to a file outside the vault, so nothing was saved.`);
		try {
			const snapshot = readSnapshot(target);
			this.byTarget.set(target, file);
			return snapshot;
		} catch (error) {
			throw new Error(`cannot read ${file.display}: ${(error as Error).message}`);
		}
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
