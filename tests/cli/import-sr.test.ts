/**
 * `spaced-notes import-sr VAULT [--dry-run]` (docs/cli.md, "import-sr"): reads the Spaced
 * Repetition plugin's data.json, writes ours keeping the settings it does not cover, and prints
 * what it mapped and what it could not.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import { readStoredSettings } from "../../src/settings/read-settings";
import { runBuiltCli } from "../helpers/built-cli";

const SR = join(".obsidian", "plugins", "obsidian-spaced-repetition");
const OURS = join(".obsidian", "plugins", "spaced-notes");

function vault(sr?: unknown, ours?: unknown): string {
	const dir = mkdtempSync(join(tmpdir(), "sn-import-"));
	if (sr !== undefined) {
		mkdirSync(join(dir, SR), { recursive: true });
		writeFileSync(join(dir, SR, "data.json"), typeof sr === "string" ? sr : JSON.stringify(sr));
	}
	if (ours !== undefined) {
		mkdirSync(join(dir, OURS), { recursive: true });
		writeFileSync(join(dir, OURS, "data.json"), typeof ours === "string" ? ours : JSON.stringify(ours));
	}
	return dir;
}

function capture(cwd: string): { io: CliIO; out: () => string; err: () => string } {
	let out = "";
	let err = "";
	return { io: { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd }, out: () => out, err: () => err };
}

const ours = (dir: string): Record<string, unknown> => JSON.parse(readFileSync(join(dir, OURS, "data.json"), "utf8")) as Record<string, unknown>;

describe("import-sr", () => {
	it("writes our data.json from its settings and prints what it mapped and what it could not", async () => {
		const dir = vault({
			settings: { flashcardTags: ["#cards"], singleLineCardSeparator: ";;", convertFoldersToDecks: true, baseEase: 230, useCustomHotkeys: true },
		});
		const c = capture(dir);
		expect(await runCli(["import-sr", "."], c.io)).toBe(0);
		expect(c.err()).toBe("");
		expect(c.out()).toBe(
			[
				`Read ${join(".", SR, "data.json")}`,
				"Mapped 6 settings:",
				'  flashcardTags → flashcardTags = ["#cards"]',
				"  convertFoldersToDecks → foldersAsDecks = true",
				'  singleLineCardSeparator → singleLineSeparator = ";;"',
				"  baseEase → baseEase = 230",
				'  (its review keys) → keyMap = "spaced-repetition"',
				'  algorithm → algorithm = "sm2"',
				"Not mapped (1):",
				"  - useCustomHotkeys (true) was not imported: the review keys are fixed here: its own (0–3, Space, S, J) are set instead.",
				`Wrote ${join(".", OURS, "data.json")}.`,
				"",
			].join("\n"),
		);
		expect(ours(dir)).toEqual({
			flashcardTags: ["#cards"],
			singleLineSeparator: ";;",
			foldersAsDecks: true,
			baseEase: 230,
			keyMap: "spaced-repetition",
			algorithm: "sm2",
		});
		expect(readStoredSettings(ours(dir)).problems).toEqual([]);
	});

	it("keeps our settings it does not cover, and leaves no temporary file", async () => {
		const dir = vault({ settings: { baseEase: 230 } }, { newPerDay: 5, baseEase: 300, savedFilters: [{ name: "k8s", expression: "#k8s" }], futureKey: 1 });
		const c = capture(dir);
		expect(await runCli(["import-sr", dir], c.io)).toBe(0);
		expect(ours(dir)).toEqual({
			newPerDay: 5,
			baseEase: 230,
			savedFilters: [{ name: "k8s", expression: "#k8s" }],
			futureKey: 1,
			keyMap: "spaced-repetition",
			algorithm: "sm2",
		});
		expect(c.out()).toContain("(kept 3 other settings).");
		expect(readdirSync(join(dir, OURS))).toEqual(["data.json"]);
	});

	it("with --dry-run prints the same and writes nothing", async () => {
		const dir = vault({ settings: { baseEase: 230 } }, { baseEase: 300 });
		const c = capture(dir);
		expect(await runCli(["import-sr", dir, "--dry-run"], c.io)).toBe(0);
		expect(c.out()).toContain("  baseEase → baseEase = 230\n");
		expect(c.out()).toContain("Dry run:");
		expect(ours(dir)).toEqual({ baseEase: 300 });
		const fresh = vault({ settings: { baseEase: 230 } });
		expect(await runCli(["import-sr", fresh, "--dry-run"], capture(fresh).io)).toBe(0);
		expect(existsSync(join(fresh, OURS))).toBe(false);
	});

	it("warns when the result would make the plugin drop a value of ours", async () => {
		const dir = vault({ settings: { multilineCardSeparator: "+++" } }, { endMarker: "+++" });
		const c = capture(dir);
		expect(await runCli(["import-sr", dir], c.io)).toBe(0);
		expect(c.err()).toMatch(/^warning: .*data\.json: endMarker is "\+\+\+": The end marker must differ/);
	});

	it("refuses a missing or broken file with one line and exit 2, and never overwrites a broken data.json of ours", async () => {
		const cases: [string[], string, string][] = [
			[["import-sr"], vault(), "exactly one VAULT"],
			[["import-sr", "nowhere"], vault(), "no such folder: nowhere"],
			[["import-sr", "."], vault(), "no the Spaced Repetition plugin's settings at"],
			[["import-sr", "."], vault("{ nope"), "is not valid JSON"],
			[["import-sr", ".", "--force"], vault({ settings: {} }), "unknown option --force"],
			[["import-sr", "."], vault({ settings: { baseEase: 230 } }, "[1, 2]"), "does not hold settings"],
		];
		for (const [argv, dir, message] of cases) {
			const c = capture(dir);
			expect(await runCli(argv, c.io), message).toBe(2);
			expect(c.err().trim().split("\n"), message).toHaveLength(1);
			expect(c.err(), message).toContain(message);
		}
		const broken = vault({ settings: { baseEase: 230 } }, "{ not json");
		await runCli(["import-sr", broken], capture(broken).io);
		expect(readFileSync(join(broken, OURS, "data.json"), "utf8")).toBe("{ not json");
	});

	it("keeps the mode of our data.json", async () => {
		const dir = vault({ settings: { baseEase: 230 } }, { baseEase: 300 });
		chmodSync(join(dir, OURS, "data.json"), 0o640);
		await runCli(["import-sr", dir], capture(dir).io);
		expect(statSync(join(dir, OURS, "data.json")).mode & 0o777).toBe(0o640);
	});

	it("runs from the built command line, and is in the usage text", async () => {
		const dir = vault({ settings: { flashcardTags: ["#cards"] } });
		const run = await runBuiltCli(["import-sr", dir]);
		expect(run.status).toBe(0);
		expect(run.stdout).toContain("flashcardTags → flashcardTags");
		expect(ours(dir).flashcardTags).toEqual(["#cards"]);
		const help = await runBuiltCli(["--help"]);
		expect(help.stdout).toContain("import-sr VAULT [--dry-run]");
	});
});
