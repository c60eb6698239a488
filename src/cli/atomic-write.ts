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
 * 5. keeps watching the replaced file for a while (`ReplacedFiles`, in replaced-files.ts): a
 *    program that opened the note just before the rename may still write into it, and that text
 *    is kept the same way.
 *
 * A note with other hard links is written in place instead (a rename would split it into two
 * files), after the same check, with its previous text kept in a backup until the write is done.
 */
import { randomBytes } from "node:crypto";
import {
	closeSync,
	existsSync,
	fchmodSync,
	fchownSync,
	fstatSync,
	fsyncSync,
	ftruncateSync,
	linkSync,
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
 * `replaced`, the snapshot's descriptor reads the replaced file: hand it to `ReplacedFiles`.
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

/**
 * Creates the file `path` holding `text` only if it does not exist: the text goes to a flushed
 * temporary file in the same folder, which is then linked into place (a link never replaces an
 * existing file, so one that another program created meanwhile is kept). False when `path`
 * existed; the caller then reads it and changes it with {@link writeIfUnchanged}. On a file
 * system without hard links the temporary file is renamed after a last check that `path` is absent.
 */
export function createIfAbsent(path: string, text: string): boolean {
	const temp = createTemp(path, Buffer.from(text, "utf8"), null);
	try {
		linkSync(temp, path);
		return true;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === "EEXIST") return false;
		if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw error;
		if (existsSync(path)) return false;
		renameSync(temp, path);
		return true;
	} finally {
		removeQuietly(temp);
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
function createTemp(path: string, bytes: Buffer, stat: BigIntStats | null): string {
	for (let attempt = 0; ; attempt++) {
		const temp = join(dirname(path), `.${basename(path)}.${randomBytes(9).toString("hex")}.tmp`);
		let fd: number;
		try {
			// A new file gets the mode a plain write would give it (0666 less the umask).
			fd = openSync(temp, "wx", stat === null ? 0o666 : 0o600);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === "EEXIST" && attempt < 10) continue;
			throw error;
		}
		let done = false;
		try {
			if (stat !== null) {
				try {
					fchownSync(fd, Number(stat.uid), Number(stat.gid));
				} catch {
					// Only root may give a file away; the file stays ours, as any editor's save would.
				}
				// The umask applies to a new file's mode: set the note's own explicitly (after the owner,
				// whose change clears set-id bits).
				fchmodSync(fd, Number(stat.mode & 0o7777n));
			}
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
export function writeBackup(path: string, bytes: Buffer): string {
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
export function readAll(fd: number): Buffer {
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
