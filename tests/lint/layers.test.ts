/**
 * The layer rules of .dependency-cruiser.cjs (run by `npm run lint`) bite: a core file that
 * imports `obsidian`, and two folders that import each other, each fail the check; main passes.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..", "..");
const CONFIG = join(ROOT, ".dependency-cruiser.cjs");
const BIN = join(ROOT, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");
const dirs: string[] = [];

afterAll(() => {
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs the layer check over a tree of `files` (path → source) in a fresh folder. */
function cruise(files: Record<string, string>): { status: number | null; output: string } {
	const dir = mkdtempSync(join(tmpdir(), "sn-layers-"));
	dirs.push(dir);
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
	return run(dir);
}

function run(cwd: string): { status: number | null; output: string } {
	const result = spawnSync(process.execPath, [BIN, "src", "--config", CONFIG], { cwd, encoding: "utf8" });
	return { status: result.status, output: result.stdout + result.stderr };
}

describe("layer rules", () => {
	it("a core file importing obsidian fails", () => {
		const result = cruise({ "src/cards/bad.ts": 'import { Notice } from "obsidian";\nexport const notice = Notice;\n' });
		expect(result.status).not.toBe(0);
		expect(result.output).toContain("core-no-host-apis");
	});

	it("two folders importing each other fail", () => {
		const result = cruise({
			"src/cards/a.ts": 'import { b } from "../index/b";\nexport const a = () => b;\n',
			"src/index/b.ts": 'import { a } from "../cards/a";\nexport const b = () => a;\n',
		});
		expect(result.status).not.toBe(0);
		expect(result.output).toContain("layer-cards");
	});

	it("the core using a Node API, and the UI reaching into the glue, fail", () => {
		const result = cruise({
			"src/review/disk.ts": 'import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n',
			"src/ui/view.ts": 'import { glue } from "../obsidian/glue";\nexport const view = glue;\n',
			"src/obsidian/glue.ts": "export const glue = 1;\n",
		});
		expect(result.status).not.toBe(0);
		expect(result.output).toContain("core-no-node");
		expect(result.output).toContain("ui-not-glue");
	});

	it("a tree that keeps the layers passes", () => {
		const ok = cruise({
			"src/model/card.ts": "export type Card = { front: string };\n",
			"src/cards/parse.ts": 'import type { Card } from "../model/card";\nexport const parse = (front: string): Card => ({ front });\n',
		});
		expect(ok.output).toContain("no dependency violations");
		expect(ok.status).toBe(0);
	});

	// Cruising the whole of src/ takes a few seconds alone and much longer on a busy machine.
	it("ours keeps the layers", () => {
		const ours = run(ROOT);
		expect(ours.output).toContain("no dependency violations");
		expect(ours.status).toBe(0);
	}, 120_000);
});
