import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempVault } from "../builders";
import { runBuiltCli } from "../helpers/built-cli";

const NOTE = [
	"#flashcards/bio",
	"",
	"cell::unit of life <!--SR:!2026-03-01,4,250-->",
	"atp:::energy <!--SR:!fsrs,2026-03-05T10:00:00.000Z,9,9.1,7.2,2,6,5,0,2026-02-24T10:00:00.000Z!2000-01-01,1,250-->",
	"dna::code",
	"",
].join("\n");
const NOW = ["--now", "2026-03-10T12:00:00Z"];

function vault() {
	return tempVault({ files: { "bio.md": NOTE, "other.md": "#flashcards/chem\n\nwater::H2O\n" }, settings: {} });
}

function logLines(dir: string): Record<string, unknown>[] {
	const folder = join(dir, ".obsidian", "plugins", "spaced-notes", "logs");
	return readdirSync(folder).flatMap((f) =>
		readFileSync(join(folder, f), "utf8")
			.split("\n")
			.filter((l) => l.trim() !== "")
			.map((l) => JSON.parse(l) as Record<string, unknown>),
	);
}

describe("spaced-notes set", () => {
	it("suspends what the filter selects, prints each change, logs it, and cards lists it", async () => {
		const dir = vault();
		const run = await runBuiltCli(["set", dir, "--filter", "#flashcards/bio prop:lapses>=4", "--suspend", ...NOW]);
		expect(run.stderr).toBe("");
		expect(run.status).toBe(0);
		expect(run.stdout).toBe(
			"bio.md:4  sibling 1  <!--SR:!fsrs,2026-03-05T10:00:00.000Z,9,9.1,7.2,2,6,5,0,2026-02-24T10:00:00.000Z!2000-01-01,1,250--> → <!--SR:!fsrs,2026-03-05T10:00:00.000Z,9,9.1,7.2,2,6,5,0,2026-02-24T10:00:00.000Z,s!2000-01-01,1,250-->\n" +
				"changed 1 of 1 selected card\n",
		);
		expect(readFileSync(join(dir, "bio.md"), "utf8")).toBe(NOTE.replace("2026-02-24T10:00:00.000Z!", "2026-02-24T10:00:00.000Z,s!"));
		expect(logLines(dir)).toMatchObject([{ k: "suspend", on: true }]);
		const listed = JSON.parse((await runBuiltCli(["cards", dir, "--filter", "is:suspended", "--json", ...NOW])).stdout) as Record<string, unknown>[];
		expect(listed.map((c) => [c.file, c.line, c.sibling, c.suspended, c.flag])).toEqual([["bio.md", 4, 0, true, 0]]);
		const decks = JSON.parse((await runBuiltCli(["cards", dir, "--filter", "-is:suspended is:due", "--json", ...NOW])).stdout) as Record<string, unknown>[];
		expect(decks.map((c) => c.line)).toEqual([3]);
	});

	it("changes nothing with --dry-run, and spreads due days over a range", async () => {
		const dir = vault();
		const dry = await runBuiltCli(["set", dir, "--deck", "flashcards", "--flag", "2", "--dry-run", ...NOW]);
		expect(dry.stdout).toMatch(/would change 5 of 5 selected cards\n$/);
		expect(readFileSync(join(dir, "bio.md"), "utf8")).toBe(NOTE);
		const spread = await runBuiltCli(["set", dir, "--filter", "is:new", "--due", "1-2", ...NOW]);
		expect(spread.status).toBe(0);
		const listed = JSON.parse((await runBuiltCli(["cards", dir, "--json", ...NOW])).stdout) as { schedule: { due: string } | null; line: number }[];
		const dues = listed.map((c) => c.schedule?.due.slice(0, 10));
		// The three new siblings (atp's second, dna, water) over the two days, two on one, one on the other.
		expect([dues.filter((d) => d === "2026-03-11").length, dues.filter((d) => d === "2026-03-12").length].sort()).toEqual([1, 2]);
		expect(dues.filter((d) => d === undefined)).toEqual([]);
		expect(logLines(dir).filter((e) => e.k === "due")).toHaveLength(3);
	});

	it("refuses bad usage with one line and exit 2, before writing anything", async () => {
		const dir = vault();
		for (const args of [
			["set", dir, "--suspend"],
			["set", dir, "--filter", "is:bogus", "--suspend"],
			["set", dir, "--filter", "is:new", "--flag", "9"],
			["set", dir, "--filter", "is:new", "--suspend", "--reset"],
			["set", dir, "--filter", "is:new", "--due", "yesterday"],
		]) {
			const run = await runBuiltCli([...args, ...NOW]);
			expect(run.status, args.join(" ")).toBe(2);
			expect(run.stderr.trim().split("\n")).toHaveLength(1);
		}
		expect(readFileSync(join(dir, "bio.md"), "utf8")).toBe(NOTE);
	});
});
