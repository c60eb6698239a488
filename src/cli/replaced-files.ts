/**
 * Step 5 of a safe write from the command line (docs/cli.md, "Writing notes safely"; the steps
 * are listed in atomic-write.ts): after a rename, the replaced file is watched for a while, since
 * a program that opened the note just before may still write into it, and any such text is kept
 * in a backup. It lives apart from atomic-write.ts (steps 1 to 4) so that each file stays small
 * enough to read whole.
 */
import { closeSync } from "node:fs";
import { readAll, writeBackup } from "./atomic-write";

/** How long a replaced file is watched for a late write by a program that opened it before the rename. */
const WATCH_MS = 2000;
/** At the end, the youngest replaced file is checked once it is this old. */
const FINAL_GRACE_MS = 100;

/** Text another program wrote into a replaced file after the rename: kept in `backup`. */
export interface LateChange {
	/** The note's path as given to {@link ReplacedFiles.watch}. */
	path: string;
	backup: string;
}

/**
 * Files that renames replaced, each with the descriptor that read it and the bytes it held. A
 * program that opened the note before the rename writes into the replaced file, unseen in the
 * note: each check keeps any such text in a backup beside the note.
 */
export class ReplacedFiles {
	private watched: { path: string; fd: number; bytes: Buffer; since: number }[] = [];

	/** Watches the file `fd` reads (taking over the descriptor), which held `bytes` when replaced. */
	watch(path: string, fd: number, bytes: Buffer): void {
		this.watched.push({ path, fd, bytes, since: Date.now() });
	}

	/** Checks every watched file, then stops watching those older than {@link WATCH_MS}. */
	check(now = Date.now()): LateChange[] {
		const found: LateChange[] = [];
		for (const file of this.watched) {
			let bytes: Buffer;
			try {
				bytes = readAll(file.fd);
			} catch {
				continue;
			}
			if (bytes.equals(file.bytes)) continue;
			found.push({ path: file.path, backup: writeBackup(file.path, bytes) });
			file.bytes = bytes;
		}
		this.watched = this.watched.filter((file) => {
			if (now - file.since < WATCH_MS) return true;
			closeSync(file.fd);
			return false;
		});
		return found;
	}

	/** Gives the latest replaced file a moment for a late write, checks all, and stops watching. */
	async close(): Promise<LateChange[]> {
		const youngest = Math.max(0, ...this.watched.map((file) => file.since));
		const wait = youngest + FINAL_GRACE_MS - Date.now();
		if (this.watched.length > 0 && wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
		return this.check(Number.POSITIVE_INFINITY);
	}
}
