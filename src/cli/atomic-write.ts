/**
 * Writing a note from the command line: never blindly over a change made on disk since the
 * note was read, and never leaving a half-written file (temp file in the same folder + rename).
 */
import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Replaces `path` with `next` if its current content is still `expected`; otherwise leaves it
 * alone and returns the current content, so the caller can redo its change on fresh text.
 */
export function writeIfUnchanged(path: string, expected: string, next: string): { written: true } | { written: false; current: string } {
	const current = readFileSync(path, "utf8");
	if (current !== expected) return { written: false, current };
	writeAtomically(path, next);
	return { written: true };
}

/** Writes through a temporary file in the same folder and renames it over `path`. */
export function writeAtomically(path: string, text: string): void {
	const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
	let mode: number | undefined;
	try {
		mode = statSync(path).mode;
	} catch {
		mode = undefined;
	}
	try {
		writeFileSync(temp, text, { encoding: "utf8", mode });
		renameSync(temp, path);
	} catch (error) {
		try {
			unlinkSync(temp);
		} catch {
			// The temp file was never created; nothing to clean up.
		}
		throw error;
	}
}
