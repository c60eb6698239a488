/**
 * Bad flags are exit 2 with one line; bad `data.json` values are reported as warnings and
 * replaced by their defaults, never written into notes; huge or deep inputs do not crash.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuiltCli } from "../helpers/built-cli";

function vault(note: string, settings?: unknown): { dir: string; note: string } {
	const dir = mkdtempSync(join(tmpdir(), "sn-bad-"));
	if (settings !== undefined) {
		mkdirSync(join(dir, ".obsidian", "plugins", "spaced-notes"), { recursive: true });
		writeFileSync(join(dir, ".obsidian", "plugins", "spaced-notes", "data.json"), JSON.stringify(settings));
	}
	writeFileSync(join(dir, "n.md"), note);
	return { dir, note: join(dir, "n.md") };
}

describe("flags", () => {
	it.each([
		[["--now", "2026-02-30"], "does not exist"],
		[["--now", "9999-12-31"], "from 1970 to 2999"],
		[["--now", "yesterday"], "ISO 8601"],
		[["--deck", "nope"], "no deck 'nope'"],
	])("%j is exit 2 with one line", async (flags, message) => {
		const { dir } = vault("#flashcards\n\nq::a\n");
		for (const command of ["cards", "review"]) {
			const run = await runBuiltCli([command, dir, ...flags], { input: "good\n" });
			expect(run.status, command).toBe(2);
			expect(run.stderr.trim().split("\n"), command).toHaveLength(1);
			expect(run.stderr, command).toContain(message);
		}
	});
});

describe("data.json", () => {
	it("a flashcard tag that is not a tag is reported, and the default tag is used", async () => {
		const { dir } = vault("#flashcards\n\nq::a\n", { flashcardTags: [123] });
		const run = await runBuiltCli(["cards", dir]);
		expect(run.status).toBe(0);
		expect(run.stderr).toMatch(/^warning: .*data\.json: flashcardTags is \[123\]: .*The default \(\["#flashcards"\]\) is used\.\n$/);
		expect(run.stdout).toContain("1 card");
	});

	it("a base ease of 0 never reaches a note: SM-2 writes the default ease", async () => {
		const { dir, note } = vault("#flashcards\n\nq::a\n", { algorithm: "sm2", baseEase: 0 });
		const run = await runBuiltCli(["review", dir, "--now", "2026-03-10T10:00:00Z"], { input: "good\n" });
		expect(run.status).toBe(0);
		expect(run.stderr).toContain("baseEase is 0");
		expect(readFileSync(note, "utf8")).toMatch(/<!--SR:!2026-03-\d\d,\d+,250-->/);
	});

	it("a day start of 1e20 and steps of 99999999d are replaced, and the review works", async () => {
		const { dir, note } = vault("#flashcards\n\nq::a\n", { nextDayStartsAt: 1e20, learningSteps: ["99999999d"], desiredRetention: 2 });
		const run = await runBuiltCli(["review", dir, "--now", "2026-03-10T10:00:00Z"], { input: "again\n" });
		expect(run.status).toBe(0);
		expect(run.stderr.trim().split("\n")).toHaveLength(3);
		expect(readFileSync(note, "utf8")).toMatch(/<!--SR:!fsrs,2026-03-10T10:01:00/);
	});
});

describe("large and deep inputs", () => {
	it("a 20,000-level deck tag is kept to 64 levels in the deck tree", async () => {
		const deep = Array.from({ length: 20000 }, (_, i) => `d${i}`).join("/");
		const { dir } = vault(`#flashcards/${deep}\n\nq::a\n`);
		const run = await runBuiltCli(["decks", dir, "--json"]);
		expect(run.status).toBe(0);
		let depth = 0;
		let node = JSON.parse(run.stdout) as { children?: unknown[] };
		while (node.children && node.children.length > 0) {
			node = node.children[0] as { children?: unknown[] };
			depth++;
		}
		expect(depth).toBeLessThanOrEqual(64);
		expect(depth).toBeGreaterThanOrEqual(63);
	});

	it("a note of 20,000 distinct decks lists every deck", async () => {
		const lines = ["#flashcards", ""];
		for (let i = 0; i < 20000; i++) lines.push(`#flashcards/d${i}`, `q${i}::a`, "");
		const { dir } = vault(lines.join("\n"));
		const run = await runBuiltCli(["decks", dir]);
		expect(run.status).toBe(0);
		expect(run.stdout.split("\n").filter((l) => /^ {2}d\d+ /.test(l))).toHaveLength(20000);
	});
});
