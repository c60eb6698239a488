import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempVault } from "../builders";
import { writeAtomically, writeIfUnchanged } from "../../src/cli/atomic-write";

function tempFile(content: string): string {
	return join(tempVault({ prefix: "sn-atomic-", files: { "note.md": content } }), "note.md");
}

describe("atomic writes", () => {
	it("replaces the file and leaves no temporary file behind", () => {
		const path = tempFile("old\r\n");
		writeAtomically(path, "new\r\n");
		expect(readFileSync(path, "utf8")).toBe("new\r\n");
		expect(readdirSync(join(path, ".."))).toEqual(["note.md"]);
	});

	it("refuses to overwrite a file changed since it was read and returns the current text", () => {
		const path = tempFile("as read");
		writeFileSync(path, "changed by someone else");
		const result = writeIfUnchanged(path, "as read", "our change");
		expect(result).toEqual({ written: false, current: "changed by someone else" });
		expect(readFileSync(path, "utf8")).toBe("changed by someone else");
	});

	it("writes when the file is as read", () => {
		const path = tempFile("as read");
		expect(writeIfUnchanged(path, "as read", "our change")).toEqual({ written: true });
		expect(readFileSync(path, "utf8")).toBe("our change");
	});
});
