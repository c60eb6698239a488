/**
 * `spaced-notes notes PATH [--json]` and `spaced-notes review-note FILE RATING` (docs/cli.md,
 * "notes", "review-note"), over a copy of the fixture vault in the other plugin's frontmatter.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CliIO } from "../../src/cli/io";
import { runCli } from "../../src/cli/main";
import { readLikeSr } from "../notes/sr-reader";

const FIXTURE = join(__dirname, "..", "notes", "fixtures", "sr-vault");
const expected = JSON.parse(readFileSync(join(__dirname, "..", "notes", "fixtures", "sr-expected.json"), "utf8")) as {
	ratings: Record<string, Record<string, { due: string; interval: number; ease: number }>>;
};
const NOW = "2026-03-10T12:00:00";

function copyVault(settings: Record<string, unknown> = { algorithm: "sm2" }): string {
	const dir = mkdtempSync(join(tmpdir(), "sn-notes-"));
	cpSync(FIXTURE, dir, { recursive: true });
	mkdirSync(join(dir, ".obsidian", "plugins", "spaced-notes"), { recursive: true });
	writeFileSync(join(dir, ".obsidian", "plugins", "spaced-notes", "data.json"), JSON.stringify(settings));
	return dir;
}

async function run(args: string[], cwd: string): Promise<{ status: number; out: string; err: string }> {
	let out = "";
	let err = "";
	const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd };
	const status = await runCli(args, io);
	return { status, out, err };
}

describe("spaced-notes notes", () => {
	it("lists the queue by deck as JSON", async () => {
		const dir = copyVault();
		const result = await run(["notes", dir, "--json", "--now", NOW], dir);
		expect(result.status).toBe(0);
		const json = JSON.parse(result.out) as {
			today: string;
			due: number;
			decks: { name: string; new: { path: string }[]; today: { path: string }[]; overdue: { path: string; due: string }[] }[];
		};
		expect(json.today).toBe("2026-03-10");
		expect(json.due).toBe(5);
		expect(json.decks.map((d) => d.name)).toEqual(["#review"]);
		expect(json.decks[0].new.map((n) => n.path)).toEqual(["c.md", "e.md", "h.md"]);
		expect(json.decks[0].overdue).toEqual([
			{ path: "q.md", due: "2026-03-03" },
			{ path: "a.md", due: "2026-03-08" },
		]);
	});

	it("lists the queue as text", async () => {
		const dir = copyVault();
		const result = await run(["notes", dir, "--now", NOW], dir);
		expect(result.out).toContain("#review  (due 5, new 3)\n  new\n    c.md\n");
		expect(result.out).toContain("  tomorrow\n    f.md  2026-03-11\n");
	});
});

describe("spaced-notes review-note", () => {
	it("writes the schedule the other plugin's code gives, changing only the schedule lines", async () => {
		const dir = copyVault();
		const before = readFileSync(join(dir, "c.md"), "utf8");
		const result = await run(["review-note", join(dir, "c.md"), "good", "--now", NOW], dir);
		expect(result.err).toBe("");
		expect(result.status).toBe(0);
		const after = readFileSync(join(dir, "c.md"), "utf8");
		expect(readLikeSr(after)).toEqual(expected.ratings["c.md"].good);
		expect(
			after
				.split("\n")
				.filter((l) => !l.startsWith("sr-"))
				.join("\n"),
		).toBe(before);
		const logs = readdirSync(join(dir, ".obsidian", "plugins", "spaced-notes", "logs"));
		const line = readFileSync(join(dir, ".obsidian", "plugins", "spaced-notes", "logs", logs[0]), "utf8").trim();
		expect(JSON.parse(line)).toMatchObject({ k: "note", note: "c.md", deck: "review", r: 3, s: 0, ease: 253 });
	});

	it("shows in the statistics apart from card answers", async () => {
		const dir = copyVault();
		await run(["review-note", join(dir, "a.md"), "hard", "--now", NOW], dir);
		const stats = await run(["stats", dir, "--now", NOW], dir);
		expect(stats.out).toContain("Notes reviewed: 1 in the past year (1 today); 1 in all");
		expect(stats.out).toContain("Reviews: 0 in the past year");
		const json = JSON.parse((await run(["stats", dir, "--json", "--now", NOW], dir)).out) as { notes: unknown };
		expect(json.notes).toEqual({ today: 1, pastYear: 1, allTime: 1 });
	});

	it("refuses again under SM-2 with one line and exit 2, and leaves the note", async () => {
		const dir = copyVault();
		const before = readFileSync(join(dir, "a.md"), "utf8");
		const result = await run(["review-note", join(dir, "a.md"), "again", "--now", NOW], dir);
		expect(result.status).toBe(2);
		expect(result.err.trim().split("\n")).toHaveLength(1);
		expect(result.err).toMatch(/again is only for notes reviewed with FSRS/);
		expect(readFileSync(join(dir, "a.md"), "utf8")).toBe(before);
	});

	it("takes again under FSRS and adds sr-fsrs beside the keys the other plugin reads", async () => {
		const dir = copyVault({ algorithm: "fsrs" });
		const result = await run(["review-note", join(dir, "a.md"), "again", "--now", NOW], dir);
		expect(result.status).toBe(0);
		const after = readFileSync(join(dir, "a.md"), "utf8");
		expect(after).toMatch(/\nsr-fsrs: "fsrs,/);
		const read = readLikeSr(after);
		expect(read?.ease).toBe(250);
		expect((read?.due ?? "") > "2026-03-10").toBe(true);
	});

	it("refuses a note without a review tag, and a bad rating", async () => {
		const dir = copyVault();
		expect((await run(["review-note", join(dir, "topics", "d.md"), "good", "--now", NOW], dir)).err).toMatch(/not a note to review/);
		const bad = await run(["review-note", join(dir, "a.md"), "great"], dir);
		expect(bad.status).toBe(2);
		expect(bad.err).toMatch(/easy, good, hard or again/);
	});
});
