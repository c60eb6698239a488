/**
 * The files behind notes: links, permissions and the temporary file of a write, end to end
 * through the built command line.
 */
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runBuiltCli } from "../helpers/built-cli";

const NOW = ["--now", "2026-11-26T10:00:00Z", "--algorithm", "sm2"];
const NOTE = "#flashcards\n\nq::a\n";
const ANSWERED = /^#flashcards\n\nq::a\n<!--SR:!2026-\d\d-\d\d,\d+,270-->\n$/;

/** A vault (with `.obsidian`) in a fresh folder, and a folder outside it. */
function setUp(): { vault: string; outside: string } {
	const dir = mkdtempSync(join(tmpdir(), "sn-files-"));
	const vault = join(dir, "vault");
	mkdirSync(join(vault, ".obsidian"), { recursive: true });
	const outside = join(dir, "outside");
	mkdirSync(outside);
	return { vault, outside };
}

let umask = 0;
beforeEach(() => {
	// The usual umask, which takes group write from new files.
	umask = process.umask(0o022);
});
afterEach(() => {
	process.umask(umask);
});

describe("links to notes", () => {
	it("writes through a link to its target, and the link stays a link", async () => {
		const { vault } = setUp();
		mkdirSync(join(vault, "library"));
		mkdirSync(join(vault, "deck"));
		writeFileSync(join(vault, "library", "target.md"), NOTE);
		symlinkSync(join("..", "library", "target.md"), join(vault, "deck", "link.md"));
		const run = await runBuiltCli(["review", join(vault, "deck", "link.md"), ...NOW], { input: "easy\n" });
		expect(run.stdout).toContain("Easy: saved.");
		expect(lstatSync(join(vault, "deck", "link.md")).isSymbolicLink()).toBe(true);
		expect(readlinkSync(join(vault, "deck", "link.md"))).toBe(join("..", "library", "target.md"));
		expect(readFileSync(join(vault, "library", "target.md"), "utf8")).toMatch(ANSWERED);
		expect(readdirSync(join(vault, "library"))).toEqual(["target.md"]);
	});

	it("refuses to write through a link whose target is outside the vault", async () => {
		const { vault, outside } = setUp();
		writeFileSync(join(outside, "target.md"), NOTE);
		symlinkSync(join(outside, "target.md"), join(vault, "link.md"));
		const run = await runBuiltCli(["review", join(vault, "link.md"), ...NOW], { input: "easy\n" });
		expect(run.stdout).not.toContain("Easy: saved.");
		expect(run.stderr).toContain("link.md is a link to a file outside the vault, so nothing was saved.");
		expect(lstatSync(join(vault, "link.md")).isSymbolicLink()).toBe(true);
		expect(readFileSync(join(outside, "target.md"), "utf8")).toBe(NOTE);
	});

	it("walking a vault follows links to notes and folders inside it, each note once, through loops", async () => {
		const { vault } = setUp();
		mkdirSync(join(vault, "library", "shared"), { recursive: true });
		writeFileSync(join(vault, "library", "one.md"), "#flashcards\none::1\n");
		writeFileSync(join(vault, "library", "shared", "two.md"), "#flashcards\ntwo::2\n");
		mkdirSync(join(vault, "deck"));
		symlinkSync(join("..", "library", "one.md"), join(vault, "deck", "one.md"));
		symlinkSync(join("..", "library", "shared"), join(vault, "deck", "shared"));
		// A loop: a folder that links back to its parent.
		symlinkSync("..", join(vault, "library", "shared", "up"));
		const deck = await runBuiltCli(["cards", join(vault, "deck"), "--json"]);
		expect(deck.stderr).toBe("");
		expect((JSON.parse(deck.stdout) as { file: string }[]).map((c) => c.file)).toEqual(["one.md", "shared/two.md"]);
		const all = await runBuiltCli(["cards", vault, "--json"]);
		expect(all.status).toBe(0);
		expect((JSON.parse(all.stdout) as { question: string }[]).map((c) => c.question).sort()).toEqual(["one", "two"]);
	});

	it("reports links that point outside the vault or to nothing: a warning, and a check problem", async () => {
		const { vault, outside } = setUp();
		writeFileSync(join(vault, "inside.md"), "#flashcards\nq::a\n");
		writeFileSync(join(outside, "elsewhere.md"), "#flashcards\nfar::away\n");
		symlinkSync(join(outside, "elsewhere.md"), join(vault, "far.md"));
		symlinkSync(outside, join(vault, "far-folder"));
		symlinkSync("missing.md", join(vault, "broken.md"));
		const cards = await runBuiltCli(["cards", vault]);
		expect(cards.status).toBe(0);
		expect(cards.stdout).toContain("1 card");
		expect(cards.stderr.trim().split("\n")).toEqual([
			"spaced-notes cards: skipped broken.md: it is a link to nothing.",
			"spaced-notes cards: skipped far-folder: it is a link to a folder outside the vault.",
			"spaced-notes cards: skipped far.md: it is a link to a file outside the vault.",
		]);
		const check = await runBuiltCli(["check", vault, "--json"]);
		expect(check.status).toBe(1);
		expect(JSON.parse(check.stdout)).toMatchObject([
			{ file: "broken.md", line: 1, code: "broken-link" },
			{ file: "far-folder", line: 1, code: "link-outside-vault" },
			{ file: "far.md", line: 1, code: "link-outside-vault" },
		]);
	});
});

describe("permissions", () => {
	it("keeps the note's mode, group bits included, whatever the umask", async () => {
		const { vault } = setUp();
		for (const [name, mode] of [
			["group.md", 0o664],
			["private.md", 0o600],
			["shared.md", 0o666],
		] as const) {
			writeFileSync(join(vault, name), NOTE);
			chmodSync(join(vault, name), mode);
		}
		await runBuiltCli(["review", vault, ...NOW], { input: "easy\neasy\neasy\n" });
		for (const [name, mode] of [
			["group.md", 0o664],
			["private.md", 0o600],
			["shared.md", 0o666],
		] as const) {
			expect(readFileSync(join(vault, name), "utf8"), name).toMatch(ANSWERED);
			expect((statSync(join(vault, name)).mode & 0o777).toString(8), name).toBe(mode.toString(8));
		}
	});

	it("refuses to write a read-only note", async () => {
		const { vault } = setUp();
		writeFileSync(join(vault, "n.md"), NOTE);
		chmodSync(join(vault, "n.md"), 0o444);
		const run = await runBuiltCli(["review", vault, ...NOW], { input: "easy\n" });
		expect(run.stdout).not.toContain("Easy: saved.");
		expect(run.stderr).toContain("n.md is read-only, so nothing was saved.");
		expect(readFileSync(join(vault, "n.md"), "utf8")).toBe(NOTE);
		expect(statSync(join(vault, "n.md")).mode & 0o777).toBe(0o444);
	});
});
