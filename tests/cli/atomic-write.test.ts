import {
	appendFileSync,
	closeSync,
	existsSync,
	linkSync,
	lstatSync,
	mkdtempSync,
	openSync,
	readdirSync,
	readFileSync,
	renameSync,
	statSync,
	symlinkSync,
	writeFileSync,
	writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ChangedWhileWritingError, closeSnapshot, readSnapshot, writeIfUnchanged } from "../../src/cli/atomic-write";
import { ReplacedFiles } from "../../src/cli/replaced-files";
import { tempVault } from "../builders";

function tempFile(content: string): string {
	return join(tempVault({ prefix: "sn-atomic-", files: { "note.md": content } }), "note.md");
}

function write(path: string, next: string, afterCheck?: () => void) {
	const snapshot = readSnapshot(path);
	try {
		return writeIfUnchanged(snapshot, next, afterCheck);
	} finally {
		closeSnapshot(snapshot);
	}
}

describe("atomic writes", () => {
	it("replaces the file and leaves no temporary file behind", () => {
		const path = tempFile("old\r\n");
		expect(write(path, "new\r\n")).toBe("replaced");
		expect(readFileSync(path, "utf8")).toBe("new\r\n");
		expect(readdirSync(join(path, ".."))).toEqual(["note.md"]);
	});

	it("leaves a file changed since it was read alone", () => {
		const path = tempFile("as read");
		const snapshot = readSnapshot(path);
		writeFileSync(path, "changed by someone else");
		expect(writeIfUnchanged(snapshot, "our change")).toBe("changed");
		closeSnapshot(snapshot);
		expect(readFileSync(path, "utf8")).toBe("changed by someone else");
		expect(readdirSync(join(path, ".."))).toEqual(["note.md"]);
	});

	it("takes a file replaced by another one since it was read (another inode) as changed, even with the same text", () => {
		const path = tempFile("as read");
		const snapshot = readSnapshot(path);
		writeFileSync(`${path}.other`, "as read");
		// An editor that saves through its own rename.
		renameSync(`${path}.other`, path);
		expect(writeIfUnchanged(snapshot, "our change")).toBe("changed");
		closeSnapshot(snapshot);
		expect(readFileSync(path, "utf8")).toBe("as read");
	});

	it("keeps what another writer put into the file between the final check and the rename, and fails", () => {
		const path = tempFile("line 1\n");
		let thrown: unknown;
		try {
			write(path, "line 1\nours\n", () => appendFileSync(path, "theirs\n"));
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(ChangedWhileWritingError);
		const backup = (thrown as ChangedWhileWritingError).backup;
		expect(backup).toMatch(/note\.md\.spaced-notes-\d{8}T\d{9}Z\.bak$/);
		expect(readFileSync(backup, "utf8")).toBe("line 1\ntheirs\n");
		expect(readFileSync(path, "utf8")).toBe("line 1\nours\n");
	});

	it("watches a replaced file: text written into it after the rename is kept in a backup", async () => {
		const path = tempFile("line 1\n");
		// Another program opened the note before our rename and writes after it.
		const late = openSync(path, "a");
		const snapshot = readSnapshot(path);
		expect(writeIfUnchanged(snapshot, "line 1\nours\n")).toBe("replaced");
		const replaced = new ReplacedFiles();
		replaced.watch(path, snapshot.fd, snapshot.bytes);
		expect(replaced.check()).toEqual([]);
		writeSync(late, "theirs\n");
		closeSync(late);
		const [found] = await replaced.close();
		expect(found.path).toBe(path);
		expect(readFileSync(found.backup, "utf8")).toBe("line 1\ntheirs\n");
		expect(readFileSync(path, "utf8")).toBe("line 1\nours\n");
	});

	it("writes a hard-linked file in place, so both names still show one file, and leaves no backup", () => {
		const path = tempFile("old\n");
		const other = join(path, "..", "elsewhere.md");
		linkSync(path, other);
		const inode = statSync(path).ino;
		expect(write(path, "new\n")).toBe("in-place");
		expect(readFileSync(other, "utf8")).toBe("new\n");
		expect(statSync(path)).toMatchObject({ ino: inode, nlink: 2 });
		expect(readdirSync(join(path, "..")).sort()).toEqual(["elsewhere.md", "note.md"]);
	});

	it("writes a shorter text in place without leaving the old tail", () => {
		const path = tempFile("a long old text\n");
		linkSync(path, join(path, "..", "elsewhere.md"));
		expect(write(path, "short\n")).toBe("in-place");
		expect(readFileSync(path, "utf8")).toBe("short\n");
	});
});

describe("the temporary file", () => {
	it("is never a file planted under the name it would take: a planted link is not followed", () => {
		const path = tempFile("old\n");
		const victim = join(mkdtempSync(join(tmpdir(), "sn-victim-")), "victim.txt");
		// Links planted under every name a write in the next seconds could choose by pid and time.
		const start = Date.now();
		for (let t = start; t < start + 3000; t++) symlinkSync(victim, join(path, "..", `.note.md.${process.pid}.${t}.tmp`));
		expect(write(path, "new\n")).toBe("replaced");
		expect(existsSync(victim)).toBe(false);
		expect(lstatSync(path).isSymbolicLink()).toBe(false);
		expect(readFileSync(path, "utf8")).toBe("new\n");
	});
});
