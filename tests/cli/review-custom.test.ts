/** `spaced-notes review --ahead | --cram | --forgotten | --extra-new`, driven through a pipe. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cardId } from "../../src/stats/card-id";
import { pluginFolder, tempVault } from "../builders";
import { runBuiltCli } from "../helpers/built-cli";

const REAL_NOTE = join(__dirname, "..", "..", "examples", "vault", "docker", "docker-multistage.md");
const NOW = "2026-11-26T10:00:00Z";

/** Every line of every log file of the vault, parsed. */
function logLines(dir: string): Record<string, unknown>[] {
	const folder = join(pluginFolder(dir), "logs");
	let names: string[] = [];
	try {
		names = readdirSync(folder);
	} catch {
		return [];
	}
	return names.flatMap((name) =>
		readFileSync(join(folder, name), "utf8")
			.split("\n")
			.filter((line) => line.trim() !== "")
			.map((line) => JSON.parse(line) as Record<string, unknown>),
	);
}

const SOON = ["#space/later", "", "Soon::Due in two days <!--SR:!2026-11-28,10,250-->", "Far::Due in a month <!--SR:!2026-12-26,40,250-->", ""].join("\n");

describe("spaced-notes review: custom study", () => {
	it("--cram answers every card of the note without changing a byte, and logs cram lines", async () => {
		const dir = tempVault({ copies: { "docker-multistage.md": REAL_NOTE }, settings: { flashcardTags: ["#space"], deterministicOrder: true } });
		const note = join(dir, "docker-multistage.md");
		const before = readFileSync(note);
		const run = await runBuiltCli(["review", dir, "--cram", "--now", NOW], { input: "again\ngood\nundo\nhard\neasy\ngood\ngood\ngood\ngood\n" });
		expect(run.stderr).toBe("");
		expect(run.status).toBe(0);
		expect(run.stdout).toContain("Cram · All cards");
		expect(run.stdout).toContain("Again: logged, schedule unchanged.");
		expect(run.stdout).not.toContain(": saved.");
		expect(readFileSync(note).equals(before)).toBe(true);
		const lines = logLines(dir);
		expect(lines.filter((l) => l.k === "cram").length).toBeGreaterThanOrEqual(6);
		expect(lines.filter((l) => l.k === "undo")).toHaveLength(1);
		expect(lines.every((l) => l.k === "cram" || l.k === "undo")).toBe(true);
	});

	it("--ahead N reviews the cards due in the next N days for real, with SM-2's early-review rule", async () => {
		const dir = tempVault({ files: { "later.md": SOON }, settings: { flashcardTags: ["#space"], algorithm: "sm2", loadBalance: false } });
		const none = await runBuiltCli(["review", dir, "--ahead", "1", "--now", NOW], { input: "good\n" });
		expect(none.stderr).toContain("No cards are due in the next day here.");
		expect(readFileSync(join(dir, "later.md"), "utf8")).toBe(SOON);
		const run = await runBuiltCli(["review", dir, "--ahead", "3", "--now", NOW], { input: "good\n" });
		expect(run.status).toBe(0);
		expect(run.stdout).toContain("Good: saved.");
		// 8 of 10 days waited: max(8 × 2.5, 10) = 20 days from 2026-11-26.
		expect(readFileSync(join(dir, "later.md"), "utf8")).toBe(SOON.replace("!2026-11-28,10,250", "!2026-12-16,20,250"));
		expect(logLines(dir)).toEqual([expect.objectContaining({ r: 3, s: 2, e: 8, i: 20 })]);
	});

	it("--forgotten N reviews the cards answered Again in the last N days, per the log, without writing them", async () => {
		const dir = tempVault({ files: { "later.md": SOON }, settings: { flashcardTags: ["#space"] } });
		const logs = join(pluginFolder(dir), "logs");
		mkdirSync(logs, { recursive: true });
		const failed = cardId("later.md", "Far::Due in a month", 0);
		writeFileSync(
			join(logs, "phone.jsonl"),
			JSON.stringify({ v: 1, t: "2026-11-25T09:00:00.000Z", card: failed, deck: "space/later", r: 1, s: 2, e: 5, i: 0, d: 4000 }) + "\n",
		);
		const run = await runBuiltCli(["review", dir, "--forgotten", "2", "--now", NOW], { input: "good\n" });
		expect(run.stderr).toBe("");
		expect(run.stdout).toContain("Far");
		expect(run.stdout).toContain("Reviewed 1 card with 1 answer");
		expect(readFileSync(join(dir, "later.md"), "utf8")).toBe(SOON);
		expect(logLines(dir).filter((l) => l.k === "cram")).toEqual([expect.objectContaining({ card: failed, r: 3 })]);
		const older = await runBuiltCli(["review", dir, "--forgotten", "1", "--now", NOW], { input: "good\n" });
		expect(older.stdout).toContain("Reviewed 0 cards");
	});

	it("--extra-new N raises today's new-card limit for the session", async () => {
		const note = ["#space", "", "a::1", "b::2", "c::3", "d::4", ""].join("\n");
		const dir = tempVault({ files: { "new.md": note }, settings: { flashcardTags: ["#space"], newPerDay: 1 } });
		const plain = await runBuiltCli(["review", dir, "--now", NOW], { input: "quit\n" });
		expect(plain.stdout).toContain("new 1 ·");
		const raised = await runBuiltCli(["review", dir, "--extra-new", "2", "--now", NOW], { input: "quit\n" });
		expect(raised.stdout).toContain("new 3 ·");
	});

	it("refuses two kinds at once and a number out of range, with one clear line", async () => {
		const dir = tempVault({ files: { "later.md": SOON }, settings: { flashcardTags: ["#space"] } });
		for (const [args, message] of [
			[["--cram", "--ahead", "2"], "not --ahead and --cram"],
			[["--ahead", "0"], "--ahead: expected a whole number of days from 1 to 365, got '0'"],
			[["--forgotten", "two"], "--forgotten: expected a whole number of days from 1 to 365"],
			[["--extra-new", "-3"], "--extra-new"],
		] as const) {
			const run = await runBuiltCli(["review", dir, ...args, "--now", NOW], { input: "good\n" });
			expect(run.status).toBe(2);
			expect(run.stderr).toContain(message);
			expect(readFileSync(join(dir, "later.md"), "utf8")).toBe(SOON);
		}
	});
});
