import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuiltCli } from "../helpers/built-cli";

/** The note of the report: Latin-1 text and stray bytes, not UTF-8. */
const LATIN1 = Buffer.from("#flashcards\n\nCaf\xe9::coffee \xa3 5\n\nOther line with \xff\xfe bytes\n", "latin1");

function vaultWith(bytes: Buffer): { dir: string; note: string } {
	const dir = mkdtempSync(join(tmpdir(), "sn-utf8-"));
	const note = join(dir, "n.md");
	writeFileSync(note, bytes);
	return { dir, note };
}

describe("notes that are not UTF-8", () => {
	it("review refuses to write such a note and leaves its bytes untouched", async () => {
		const { dir, note } = vaultWith(LATIN1);
		const run = await runBuiltCli(["review", dir, "--now", "2026-11-26T10:00:00Z"], { input: "good\nquit\n" });
		expect(run.status).toBe(0);
		expect(readFileSync(note)).toEqual(LATIN1);
		expect(run.stdout).not.toContain("Good: saved.");
		expect(run.stderr).toMatch(/n\.md is not valid UTF-8/);
		expect(run.stdout).toContain("1 answer was not saved");
	});

	it("a binary file named .md is never rewritten either", async () => {
		const binary = Buffer.concat([Buffer.from("#flashcards\nq::a\n"), Buffer.from([0x00, 0xc3, 0x28, 0xa0, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0x0a])]);
		const { dir, note } = vaultWith(binary);
		await runBuiltCli(["review", dir, "--now", "2026-11-26T10:00:00Z"], { input: "easy\nquit\n" });
		expect(readFileSync(note)).toEqual(binary);
	});

	it("reading commands still list its cards", async () => {
		const { dir } = vaultWith(LATIN1);
		const run = await runBuiltCli(["cards", dir, "--json"]);
		expect(run.status).toBe(0);
		const cards = JSON.parse(run.stdout) as { file: string; line: number; question: string }[];
		expect(cards).toMatchObject([{ file: "n.md", line: 3, question: "Caf\uFFFD" }]);
	});

	it("check reports each such note as not-utf8 on line 1", async () => {
		const { dir } = vaultWith(LATIN1);
		writeFileSync(join(dir, "good.md"), "#flashcards\nq::a\n");
		const run = await runBuiltCli(["check", dir, "--json"]);
		expect(run.status).toBe(1);
		expect(JSON.parse(run.stdout)).toMatchObject([{ file: "n.md", line: 1, code: "not-utf8" }]);
		expect((await runBuiltCli(["check", dir])).stdout).toMatch(/^n\.md:1: not-utf8: .+\.\n1 problem\n$/);
	});

	it("a UTF-8 note with a byte order mark is written, the mark kept", async () => {
		const bom = Buffer.from("\uFEFF#flashcards\n\nCafé::coffee £ 5\n", "utf8");
		const { dir, note } = vaultWith(bom);
		const run = await runBuiltCli(["review", dir, "--now", "2026-11-26T10:00:00Z", "--algorithm", "sm2"], { input: "easy\nquit\n" });
		expect(run.stdout).toContain("Easy: saved.");
		const after = readFileSync(note);
		expect([...after.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(after.toString("utf8")).toMatch(/^\uFEFF#flashcards\n\nCafé::coffee £ 5\n<!--SR:!2026-\d\d-\d\d,\d+,270-->\n$/);
	});
});
