/** The worker-thread index build, run as a bundle (worker threads need one): results and failures. */
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let dir = "";
let program = "";

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), "sn-index-threads-"));
	program = join(dir, "index-threads.cjs");
	await build({
		entryPoints: [join(__dirname, "fixtures", "index-threads-entry.ts")],
		bundle: true,
		platform: "node",
		format: "cjs",
		target: "node20",
		outfile: program,
		logLevel: "silent",
	});
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(files: string[], workersOnly = false): { files?: number; cards?: number; error?: string; usage?: boolean } {
	const result = spawnSync(process.execPath, [program, ...(workersOnly ? ["--workers-only"] : []), ...files], { encoding: "utf8" });
	expect(result.stderr).toBe("");
	return JSON.parse(result.stdout) as { files?: number; cards?: number; error?: string; usage?: boolean };
}

function notes(count: number): string[] {
	return Array.from({ length: count }, (_, i) => {
		const path = join(dir, `n${i}.md`);
		writeFileSync(path, `#flashcards\n\nQuestion ${i}::Answer ${i}\n\nOther ${i}:::Reversed\n`);
		return path;
	});
}

describe("index build on worker threads", () => {
	it("indexes every note once, whichever thread read it", () => {
		const paths = notes(500);
		expect(run(paths)).toEqual({ files: 500, cards: 1000 });
		expect(run(paths, true)).toEqual({ files: 500, cards: 1000 });
	});

	it("reports a note that cannot be read as the user's problem, naming it, from either thread", () => {
		const paths = notes(300).map((path, i) => (i % 7 === 3 ? `${path}.missing` : path));
		for (const workersOnly of [false, true]) {
			const outcome = run(paths, workersOnly);
			expect(outcome.usage).toBe(true);
			expect(outcome.error).toMatch(/^cannot read note-\d+\.md: /);
		}
	});
});
