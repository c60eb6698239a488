import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempVault } from "../builders";
import { runBuiltCli } from "../helpers/built-cli";

const REAL_NOTE = join(__dirname, "..", "..", "examples", "vault", "docker", "docker-multistage.md");
const EXAMPLE_VAULT = join(__dirname, "..", "..", "examples", "vault");

describe("spaced-notes cards", () => {
	it("lists the real note's five cards as cli.md's JSON", async () => {
		const run = await runBuiltCli(["cards", REAL_NOTE, "--tag", "#space", "--json"]);
		expect(run.status).toBe(0);
		const cards = JSON.parse(run.stdout) as Record<string, unknown>[];
		expect(cards.map((c) => [c.line, c.kind, c.sibling, c.schedule])).toEqual([
			[6, "multiline", 0, { due: "2025-05-06", interval: 1, ease: 170 }],
			[15, "multiline", 0, { due: "2025-05-06", interval: 1, ease: 150 }],
			[45, "multiline", 0, { due: "2025-05-06", interval: 1, ease: 230 }],
			[82, "multiline", 0, { due: "2025-05-07", interval: 2, ease: 150 }],
			[102, "multiline", 0, { due: "2025-05-10", interval: 5, ease: 190 }],
		]);
		expect(new Set(cards.map((c) => JSON.stringify(c.deck)))).toEqual(new Set([JSON.stringify(["space/docker/40-day-course/26-Day-docker-multistage"])]));
		expect(cards[0].question).toBe("## **1. Problem with Traditional Docker Builds**");
		expect(cards[0].endLine).toBe(11);
		expect(cards[0].file).toBe(REAL_NOTE);
	});

	it("reads the vault's settings and lets --tag replace the flashcard tags", async () => {
		const dir = tempVault({ files: { "a.md": "#deck-a\nq1::a1\n", "b.md": "#deck-b\nq2::a2\n" }, settings: { flashcardTags: ["#deck-a"] } });
		const fromSettings = JSON.parse((await runBuiltCli(["cards", dir, "--json"])).stdout) as { file: string }[];
		expect(fromSettings.map((c) => c.file)).toEqual(["a.md"]);
		const fromFlag = JSON.parse((await runBuiltCli(["cards", dir, "--json", "--tag", "deck-b"])).stdout) as { file: string }[];
		expect(fromFlag.map((c) => c.file)).toEqual(["b.md"]);
	});

	it("narrows to a deck and its sub-decks, and to a filter", async () => {
		const run = await runBuiltCli(["cards", EXAMPLE_VAULT, "--deck", "SPACE/docker", "--json"]);
		const decks = (JSON.parse(run.stdout) as { deck: string[] }[]).map((c) => c.deck[0].toLowerCase());
		expect(decks.length).toBeGreaterThan(5);
		expect(decks.every((d) => d.startsWith("space/docker/"))).toBe(true);
		const filtered = await runBuiltCli(["cards", EXAMPLE_VAULT, "--filter", "#flashcards/languages -#space", "--json"]);
		const files = new Set((JSON.parse(filtered.stdout) as { file: string }[]).map((c) => c.file));
		expect([...files]).toEqual(["languages/german-basics.md"]);
	});

	it("fails with one line and exit 2 on bad usage or input, never a stack trace", async () => {
		for (const args of [
			["cards", "/no/such/folder"],
			["cards"],
			["cards", EXAMPLE_VAULT, "--filter", ","],
			["cards", EXAMPLE_VAULT, "--bogus"],
			["frobnicate"],
		]) {
			const run = await runBuiltCli(args);
			expect(run.status, args.join(" ")).toBe(2);
			expect(run.stderr.trim().split("\n")).toHaveLength(1);
			expect(run.stderr).not.toMatch(/\n\s+at /);
		}
		const broken = tempVault({ files: { "a.md": "#flashcards\nq::a\n" }, settings: "{ not json" });
		const run = await runBuiltCli(["cards", broken]);
		expect(run.status).toBe(2);
		expect(run.stderr).toContain("not valid JSON");
	});
});

describe("spaced-notes check", () => {
	it("exits 0 on the example vault", async () => {
		const run = await runBuiltCli(["check", EXAMPLE_VAULT]);
		expect(run.stdout).toContain("no problems");
		expect(run.status).toBe(0);
	});

	it("reports problems with file and line, exit 1, and as JSON", async () => {
		const dir = tempVault({
			files: { "notes/bad.md": "#flashcards\n\nq::a <!--SR:!2025-13-45,1,250-->\n\n?\nanswer without question\n\n```\nnever closed\n" },
		});
		const run = await runBuiltCli(["check", dir]);
		expect(run.status).toBe(1);
		expect(run.stdout).toMatch(/^notes\/bad\.md:3: unreadable-segment: /m);
		const json = JSON.parse((await runBuiltCli(["check", dir, "--json"])).stdout) as { code: string; line: number }[];
		expect(json.map((p) => p.code)).toEqual(expect.arrayContaining(["unreadable-segment", "empty-question", "unclosed-fence"]));
	});

	it("copies of the example vault check clean too (the check reads, never writes)", async () => {
		const copy = tempVault({ prefix: "sn-copy-", copies: { ".": EXAMPLE_VAULT } });
		expect((await runBuiltCli(["check", copy])).status).toBe(0);
	});
});
