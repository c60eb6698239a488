/**
 * How the terminal review writes notes: another program (an editor, a sync client) writing a
 * note meanwhile loses none of its changes without a word, and a hard-linked note stays one file.
 */
import { spawn } from "node:child_process";
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuiltCli } from "../helpers/built-cli";

const CARDS = 120;

/** Appends `appended N` lines to the note every `ms` milliseconds until `stop` exists; prints N. */
const WRITER = `
const fs = require("node:fs");
const [note, stop, ms] = process.argv.slice(1);
let n = 0;
const timer = setInterval(() => {
	if (fs.existsSync(stop)) {
		clearInterval(timer);
		process.stdout.write(String(n));
		return;
	}
	n++;
	fs.appendFileSync(note, "appended " + n + "\\n");
}, Number(ms));
`;

function startWriter(note: string, stop: string, ms: number): Promise<number> {
	const child = spawn(process.execPath, ["-e", WRITER, note, stop, String(ms)], { stdio: ["ignore", "pipe", "inherit"] });
	let out = "";
	child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
	return new Promise((resolve, reject) => {
		child.on("error", reject);
		child.on("exit", () => resolve(Number(out)));
	});
}

async function until(condition: () => boolean): Promise<void> {
	while (!condition()) await new Promise((r) => setTimeout(r, 5));
}

describe("a note written by another program during the review", () => {
	it("keeps every line the other writer appended, in the note or in a backup the review names", async () => {
		const dir = mkdtempSync(join(tmpdir(), "sn-race-"));
		mkdirSync(join(dir, ".obsidian", "plugins", "spaced-notes"), { recursive: true });
		writeFileSync(
			join(dir, ".obsidian", "plugins", "spaced-notes", "data.json"),
			JSON.stringify({ newPerDay: 1000, deterministicOrder: true, algorithm: "sm2" }),
		);
		const note = join(dir, "n.md");
		const cards = Array.from({ length: CARDS }, (_, i) => `question ${i + 1}::answer ${i + 1}\n`).join("\n");
		writeFileSync(note, `#flashcards\n\n${cards}\n## Appended by the other writer\n\n`);
		const stop = join(dir, "stop");
		const writer = startWriter(note, stop, 3);
		await until(() => readFileSync(note, "utf8").includes("appended 1\n"));
		const run = await runBuiltCli(["review", dir, "--now", "2026-11-26T10:00:00Z"], { input: "easy\n".repeat(CARDS) });
		writeFileSync(stop, "");
		const appended = await writer;
		expect(run.status).toBe(0);
		expect(appended).toBeGreaterThan(20);

		const text = readFileSync(note, "utf8");
		const backups = [...run.stderr.matchAll(/\S+\.spaced-notes-\S+\.bak/g)].map((m) => join(dir, m[0]));
		for (const backup of backups) expect(existsSync(backup), backup).toBe(true);
		const kept = [text, ...backups.map((b) => readFileSync(b, "utf8"))].join("\n");
		const lost = Array.from({ length: appended }, (_, i) => i + 1).filter((n) => !new RegExp(`^appended ${n}$`, "m").test(kept));
		expect(lost, `lines lost of ${appended}`).toEqual([]);
		// Every answer the review reports as saved is in the note.
		const saved = (run.stdout.match(/Easy: saved\./g) ?? []).length;

		expect(saved).toBeGreaterThan(CARDS / 4);
		expect((text.match(/<!--SR:!/g) ?? []).length).toBeGreaterThanOrEqual(saved);
		// And the note is whole: every card once, the other writer's lines in order.
		for (let i = 1; i <= CARDS; i++) expect(text.split(`question ${i}::answer ${i}\n`)).toHaveLength(2);
	});

	it("writes a hard-linked note in place: both names keep showing one note", async () => {
		const dir = mkdtempSync(join(tmpdir(), "sn-hardlink-"));
		const vault = join(dir, "vault");
		mkdirSync(vault);
		const note = join(vault, "n.md");
		writeFileSync(note, "#flashcards\n\nq::a\n");
		const other = join(dir, "other-vault-n.md");
		linkSync(note, other);
		const run = await runBuiltCli(["review", vault, "--now", "2026-11-26T10:00:00Z", "--algorithm", "sm2"], { input: "easy\n" });
		expect(run.stdout).toContain("Easy: saved.");
		expect(readFileSync(note, "utf8")).toMatch(/^#flashcards\n\nq::a\n<!--SR:!2026-\d\d-\d\d,\d+,270-->\n$/);
		expect(readFileSync(other, "utf8")).toBe(readFileSync(note, "utf8"));
		expect(statSync(note).nlink).toBe(2);
		expect(readdirSync(vault)).toEqual(["n.md"]);
	});
});
