/**
 * One FSRS comment whose last review lies after now (a hand edit, another device's clock):
 * `check` reports it, and a terminal review answers it (taking the last review as now) and goes
 * on with the other cards instead of stopping.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempVault } from "../builders";
import { runBuiltCli } from "../helpers/built-cli";

const NOTE = [
	"#flashcards",
	"",
	"from the future::yes",
	"<!--SR:!fsrs,2026-03-05T10:00:00Z,10,10,5,2,3,0,0,2026-03-13T10:00:00Z-->",
	"",
	"ordinary::card",
	"<!--SR:!2026-03-01,3,250-->",
	"",
].join("\n");

function vault(): { dir: string; note: string } {
	const dir = tempVault({ files: { "n.md": NOTE }, prefix: "sn-future-" });
	return { dir, note: join(dir, "n.md") };
}

describe("a last review after now", () => {
	it("check reports it on the comment's line with exit 1", async () => {
		const { dir } = vault();
		const run = await runBuiltCli(["check", dir, "--now", "2026-03-10T10:00:00Z"]);
		expect(run.status).toBe(1);
		expect(run.stdout).toContain("n.md:4: future-last-review:");
		expect(run.stdout).toContain("1 problem");
	});

	it("is not reported once now has passed it", async () => {
		const { dir } = vault();
		const run = await runBuiltCli(["check", dir, "--now", "2026-03-14T10:00:00Z"]);
		expect(run.stdout).not.toContain("future-last-review");
	});

	it("a terminal review answers it and goes on to the next card", async () => {
		const { dir, note } = vault();
		const run = await runBuiltCli(["review", dir, "--now", "2026-03-10T10:00:00Z"], { input: "good\ngood\n" });
		expect(run.status).toBe(0);
		expect(run.stdout).toContain("Reviewed 2 cards");
		const lines = readFileSync(note, "utf8").split("\n");
		expect(lines[3]).toMatch(/^<!--SR:!fsrs,.*,2026-03-10T10:00:0\d(\.000)?Z-->$/);
		expect(lines[6]).not.toBe("<!--SR:!2026-03-01,3,250-->");
	});
});
