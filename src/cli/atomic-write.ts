/**
 * Writing a note from the command line without losing another program's change (docs/cli.md,
 * "Writing notes safely"). A rename cannot be made conditional, so a write
 *
 * 1. reads the note through a descriptor it keeps open, and remembers its bytes, size, mtime and
 *    inode (a {@link NoteSnapshot});
 * 2. writes the new text to a temporary file in the same folder;
 * 3. right before the rename checks that the note still has that inode, size, mtime and content,
 *    else leaves it alone, so the caller redoes its change on the fresh text;
 * 4. renames the temporary file over the note, then reads what the replaced file held through
 *    the descriptor: if another program wrote into it after the check, that text is kept in a
 *    backup beside the note and the write fails with {@link ChangedWhileWritingError};
 * 5. keeps watching the replaced file for a while ({@link ReplacedFiles}): a program that opened
 *    the note just before the rename may still write into it, and that text is kept the same way.
 *
 * A note with other hard links is written in place instead (a rename would split it into two
 * files), after the same check, with its previous text kept in a backup until the write is done.
 */
import { randomBytes } from "node:crypto";
import {
	closeSync,
	fchmodSync,
	fchownSync,
	fstatSync,
	fsyncSync,
	ftruncateSync,
	openSync,
	readSync,
	renameSync,
	statSync,
	unlinkSync,
	writeSync,
	type BigIntStats,
} from "node:fs";
import { basename, dirname, join } from "node:path";

/** A note as read for a change, with the descriptor that read it (close it with {@link closeSnapshot}). */
export interface NoteSnapshot {
	path: string;
	bytes: Buffer;
	/** Taken before the bytes were read: a change during the read shows as a size or mtime difference. */
	stat: BigIntStats;
	fd: number;
}

/** Another program wrote the note between the final check and the rename: what it wrote is in `backup`. */
export class ChangedWhileWritingError extends Error {
	constructor(
		readonly backup: string,
		/** What the replaced file held after the rename (the backup's content). */
		readonly replaced: Buffer,
	) {
		super(`the note changed while it was written; the text it replaced is kept in ${backup}`);
		this.name = "ChangedWhileWritingError";
	}
}

/** How a write went: `changed` (nothing written: redo on fresh text), `replaced` (renamed over), `in-place`. */
export type WriteOutcome = "changed" | "replaced" | "in-place";

export function readSnapshot(path: string): NoteSnapshot {
	const fd = openSync(path, "r");
	try {
		const stat = fstatSync(fd, { bigint: true });
		return { path, bytes: readAll(fd), stat, fd };
	} catch (error) {
		closeSync(fd);
		throw error;
	}
}

export function closeSnapshot(snapshot: NoteSnapshot): void {
	closeSync(snapshot.fd);
}

/**
 * Replaces the note of `snapshot` with `next` if it still holds what was read; `changed` (the
 * note untouched) when it did not, so the caller redoes its change on a fresh snapshot. After
 * `replaced`, the snapshot's descriptor reads the replaced file: hand it to {@link ReplacedFiles}.
 * `afterCheck` runs between the final check and the write (tests use it to play a writer
 * that slips into that window).
 * @throws ChangedWhileWritingError when a change slipped in after the final check
 */
export function writeIfUnchanged(snapshot: NoteSnapshot, next: string, afterCheck?: () => void): WriteOutcome {
	const bytes = Buffer.from(next, "utf8");
	if (snapshot.stat.nlink > 1n) return writeInPlace(snapshot, bytes, afterCheck);
	const temp = createTemp(snapshot.path, bytes, snapshot.stat);
	try {
		if (!stillAsRead(snapshot)) {
			unlinkSync(temp);
			return "changed";
		}
		afterCheck?.();
		renameSync(temp, snapshot.path);
	} catch (error) {
		removeQuietly(temp);
		throw error;
	}
	// The descriptor still reads the replaced file: whatever was written into it after the check.
	const replaced = readAll(snapshot.fd);
	if (!replaced.equals(snapshot.bytes)) throw new ChangedWhileWritingError(writeBackup(snapshot.path, replaced), replaced);
	return "replaced";
}

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

/**
 * A hard-linked note: the same inode is overwritten, so every name keeps showing one note. Its
 * previous text stays in a backup until the new one is written and synced.
 */
function writeInPlace(snapshot: NoteSnapshot, bytes: Buffer, afterCheck?: () => void): WriteOutcome {
	const fd = openSync(snapshot.path, "r+");
	try {
		if (!sameFile(fstatSync(fd, { bigint: true }), snapshot.stat) || !stillAsRead(snapshot)) return "changed";
		const backup = writeBackup(snapshot.path, snapshot.bytes);
		afterCheck?.();
		writeAllAt(fd, bytes);
		ftruncateSync(fd, bytes.length);
		fsyncSync(fd);
		const now = readAll(fd);
		if (!now.equals(bytes)) throw new ChangedWhileWritingError(backup, now);
		removeQuietly(backup);
		return "in-place";
	} finally {
		closeSync(fd);
	}
}

/** The final check: the path still names the inode read, with the same size, mtime and bytes. */
function stillAsRead(snapshot: NoteSnapshot): boolean {
	let now: BigIntStats;
	try {
		now = statSync(snapshot.path, { bigint: true });
	} catch {
		return false;
	}
	return (
		sameFile(now, snapshot.stat) && now.size === snapshot.stat.size && now.mtimeNs === snapshot.stat.mtimeNs && readAll(snapshot.fd).equals(snapshot.bytes)
	);
}

function sameFile(a: BigIntStats, b: BigIntStats): boolean {
	return a.dev === b.dev && a.ino === b.ino;
}

/**
 * Writes `bytes` to a new temporary file beside `path`, synced, with the note's `mode` (and owner,
 * when allowed); returns its path. The name is unpredictable and the file is created exclusively
 * (O_CREAT|O_EXCL, which also refuses to follow a link), so nothing planted under a name can
 * redirect the write.
 */
function createTemp(path: string, bytes: Buffer, stat: BigIntStats): string {
	for (let attempt = 0; ; attempt++) {
		const temp = join(dirname(path), `.${basename(path)}.${randomBytes(9).toString("hex")}.tmp`);
		let fd: number;
		try {
			fd = openSync(temp, "wx", 0o600);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === "EEXIST" && attempt < 10) continue;
			throw error;
		}
		let done = false;
		try {
			try {
				fchownSync(fd, Number(stat.uid), Number(stat.gid));
			} catch {
				// Only root may give a file away; the file stays ours, as any editor's save would.
			}
			// The umask applies to a new file's mode: set the note's own explicitly (after the owner,
			// whose change clears set-id bits).
			fchmodSync(fd, Number(stat.mode & 0o7777n));
			writeAllAt(fd, bytes);
			fsyncSync(fd);
			done = true;
		} finally {
			closeSync(fd);
			if (!done) removeQuietly(temp);
		}
		return temp;
	}
}

/** Keeps `bytes` in `<note>.spaced-notes-<timestamp>.bak` beside the note (a new file); returns its path. */
function writeBackup(path: string, bytes: Buffer): string {
	const stamp = new Date().toISOString().replace(/[-:.]/g, "");
	for (let n = 1; ; n++) {
		const backup = `${path}.spaced-notes-${stamp}${n === 1 ? "" : `-${n}`}.bak`;
		let fd: number;
		try {
			fd = openSync(backup, "wx", 0o600);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === "EEXIST" && n < 100) continue;
			throw error;
		}
		try {
			writeAllAt(fd, bytes);
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
		return backup;
	}
}

/** Every byte of the file open at `fd`, read from its start. */
function readAll(fd: number): Buffer {
	const chunks: Buffer[] = [];
	let position = 0;
	for (;;) {
		const chunk = Buffer.allocUnsafe(64 * 1024);
		const read = readSync(fd, chunk, 0, chunk.length, position);
		if (read === 0) return Buffer.concat(chunks);
		chunks.push(chunk.subarray(0, read));
		position += read;
	}
}

function writeAllAt(fd: number, bytes: Buffer): void {
	for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written, bytes.length - written, written);
}

function removeQuietly(path: string): void {
	try {
		unlinkSync(path);
	} catch {
		// Already gone, or never created.
	}
}
