import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/cards/parse";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import { pluginFolder, tempVault } from "../builders";
import { runBuiltCli } from "../helpers/built-cli";

const REAL_NOTE = join(__dirname, "..", "..", "examples", "vault", "docker", "docker-multistage.md");
const COMMENT = /<!--SR:[^>]*-->/g;

/** A vault holding a copy of the real note, its cards in `#space` (plus `settings`). */
function vaultWithRealNote(settings: Record<string, unknown> = {}): { dir: string; note: string } {
	const dir = tempVault({ prefix: "sn-review-", copies: { "docker-multistage.md": REAL_NOTE }, settings: { flashcardTags: ["#space"], ...settings } });
	return { dir, note: join(dir, "docker-multistage.md") };
}

function changedLines(before: string, after: string): number[] {
	const a = before.split("\n");
	const b = after.split("\n");
	expect(b).toHaveLength(a.length);
	return a.flatMap((line, i) => (line === b[i] ? [] : [i + 1]));
}

describe("spaced-notes review", () => {
	it("reviewing the real note's 5 due cards rewrites exactly those 5 comments and no other byte", async () => {
		const { dir, note } = vaultWithRealNote();
		const before = readFileSync(note, "utf8");
		const run = await runBuiltCli(["review", dir, "--now", "2026-11-26T10:00:00Z"], { input: "good\neasy\nhard\ngood\ngood\n" });
		expect(run.stderr).toBe("");
		expect(run.status).toBe(0);
		expect(run.stdout).toContain("Reviewed 5 cards (Again 0, Hard 1, Good 3, Easy 1)");
		const after = readFileSync(note, "utf8");
		expect(changedLines(before, after)).toEqual([11, 41, 68, 98, 107]);
		expect(after.replace(COMMENT, "")).toBe(before.replace(COMMENT, ""));
		const cards = parseNote(after, { path: "docker-multistage.md", settings: { ...DEFAULT_SETTINGS, flashcardTags: ["#space"] } }).cards;
		expect(cards).toHaveLength(5);
		for (const card of cards) {
			const segment = card.siblings[0].segment;
			expect(segment.kind).toBe("ok");
			if (segment.kind === "ok") {
				expect(segment.schedule?.type).toBe("fsrs");
				expect((segment.schedule?.due ?? "").slice(0, 10) > "2026-11-26").toBe(true);
			}
		}
	});

	it("writes SM-2 comments in the other plugin's classic form with --algorithm sm2", async () => {
		const { dir, note } = vaultWithRealNote({ deterministicOrder: true });
		await runBuiltCli(["review", dir, "--now", "2026-11-26T10:00:00Z", "--algorithm", "sm2"], { input: "good\nquit\n" });
		const after = readFileSync(note, "utf8");
		const first = after.split("\n")[10];
		// interval 1, ease 170, 569 days overdue: (1 + 569/2) · 1.7 = 485.35 → 485, load balanced within ±7.
		expect(first).toMatch(/^<!--SR:!20\d\d-\d\d-\d\d,\d+(\.\d)?,170-->$/);
		const interval = Number(/,(\d+(?:\.\d)?),170/.exec(first)?.[1]);
		expect(interval).toBeGreaterThanOrEqual(478);
		expect(interval).toBeLessThanOrEqual(492);
		expect(after.split("\n").filter((line, i) => line !== readFileSync(REAL_NOTE, "utf8").split("\n")[i])).toEqual([first]);
	});

	it("undo restores the exact bytes, skip leaves a card alone, quit stops", async () => {
		const { dir, note } = vaultWithRealNote();
		const before = readFileSync(note, "utf8");
		const run = await runBuiltCli(["review", dir, "--now", "2026-11-26T10:00:00Z"], { input: "good\nundo\nskip\nquit\n" });
		expect(run.stdout).toContain("Undone.");
		expect(readFileSync(note, "utf8")).toBe(before);
	});

	it("narrows the session to a deck, and refuses a deck that does not exist", async () => {
		const { dir, note } = vaultWithRealNote();
		const before = readFileSync(note, "utf8");
		writeFileSync(join(dir, "k8s.md"), "#space/kubernetes\n\nWhat is a pod::One or more containers\n");
		const run = await runBuiltCli(["review", dir, "--deck", "space/kubernetes", "--now", "2026-11-26T10:00:00Z"], { input: "good\n" });
		expect(run.stdout).toContain("Reviewed 1 card ");
		expect(readFileSync(note, "utf8")).toBe(before);
		const typo = await runBuiltCli(["review", dir, "--deck", "space/kubernetse", "--now", "2026-11-26T10:00:00Z"], { input: "good\n" });
		expect(typo.status).toBe(2);
		expect(typo.stderr.trim().split("\n")).toHaveLength(1);
		expect(typo.stderr).toContain("no deck 'space/kubernetse'");
	});

	it("logs each saved answer for the statistics, and undo takes the entry back", async () => {
		const { dir } = vaultWithRealNote();
		await runBuiltCli(["review", dir, "--now", "2026-11-26T10:00:00Z"], { input: "good\nhard\nundo\nquit\n" });
		const stats = await runBuiltCli(["stats", dir, "--json", "--now", "2026-11-26T12:00:00Z"]);
		expect(stats.status).toBe(0);
		const log = readdirSync(join(pluginFolder(dir), "logs"));
		expect(log).toHaveLength(1);
		const lines = readFileSync(join(pluginFolder(dir), "logs", log[0]), "utf8")
			.split("\n")
			.filter((l) => l.trim() !== "");
		const kinds = lines.map((l) => (JSON.parse(l) as { r?: number; of?: unknown }).r ?? "undo");
		expect(kinds).toEqual([3, 2, "undo"]);
		// The statistics count the one answer that stands: Good (Hard was undone).
		const activity = (JSON.parse(stats.stdout) as { activity: { day: string; count: number }[] }).activity;
		expect(activity[activity.length - 1]).toMatchObject({ day: "2026-11-26", count: 1 });
	});

	it("keeps the daily limit for new cards across sessions, by the review log", async () => {
		const dir = tempVault({
			prefix: "sn-limit-",
			settings: { newPerDay: 2, algorithm: "sm2" },
			files: { "n.md": "#flashcards\n\none::1\n\ntwo::2\n\nthree::3\n" },
		});
		const answers = { input: "good\ngood\ngood\ngood\n" };
		expect((await runBuiltCli(["review", dir, "--now", "2026-11-26T10:00:00Z"], answers)).stdout).toContain("Reviewed 2 cards");
		expect((await runBuiltCli(["review", dir, "--now", "2026-11-26T11:00:00Z"], answers)).stdout).toContain("Reviewed 0 cards");
		expect((await runBuiltCli(["review", dir, "--now", "2026-11-27T11:00:00Z"], answers)).stdout).toContain("Reviewed 1 card");
	});

	it("rejects bad usage with one line and exit 2", async () => {
		for (const args of [["review"], ["review", "a", "b"], ["review", "/no/such", "--now", "x"], ["review", ".", "--algorithm", "anki"]]) {
			const run = await runBuiltCli(args);
			expect(run.status, args.join(" ")).toBe(2);
			expect(run.stderr.trim().split("\n")).toHaveLength(1);
		}
	});
});
