import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import { tempVault } from "../builders";
import { readNote } from "../docker/helpers";

function capture(cwd: string): { io: CliIO; out: () => string; err: () => string } {
	let out = "";
	let err = "";
	return { io: { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd }, out: () => out, err: () => err };
}

const dir = tempVault({
	prefix: "sn-docker-",
	files: {
		"note.md": readNote(),
		Dockerfile: "FROM node:22 AS deps\nRUN npm ci\nFROM node:22\nCOPY --from=deps /app /app\nCMD node server.js\n",
		"snippet.md": "```docker\nRUN apt-get update\n```\n",
	},
});

describe("spaced-notes docker", () => {
	it("--json on the real note gives the cli.md shape with note lines and byte sizes", async () => {
		const c = capture(dir);
		expect(await runCli(["docker", "note.md", "--json"], c.io)).toBe(0);
		const json = JSON.parse(c.out()) as { blocks: Record<string, unknown>[] };
		expect(json.blocks).toHaveLength(2);
		const go = json.blocks[0];
		expect(Object.keys(go)).toEqual(["line", "stages", "final", "footprint", "advice"]);
		expect(go.line).toBe(28);
		expect(go.stages).toEqual([
			{ index: 0, name: "builder", base: "golang:1.17", parent: null, platform: null, from: [], final: false, skipped: false },
			{ index: 1, name: null, base: "scratch", parent: null, platform: null, from: ["builder"], final: true, skipped: false },
		]);
		expect(go.final).toBe(1);
		expect(go.footprint).toEqual({
			finalBytes: 0,
			finalBase: "scratch",
			singleStageBytes: 833_500_000,
			singleStageBase: "golang:1.17",
			estimate: true,
			unknown: [],
			copied: { minBytes: 2_000_000, maxBytes: 10_000_000, reason: "a static Go binary" },
		});
		expect(go.advice).toEqual([
			expect.objectContaining({ rule: "scratch-runtime", line: 36 }),
			expect.objectContaining({ rule: "final-user-root", line: 36 }),
		]);
		expect(json.blocks[1]).toMatchObject({ line: 57, footprint: { finalBase: "gcr.io/distroless/java17", singleStageBase: "maven:3.8" } });
	});

	it("analyses a plain Dockerfile with file lines, as text", async () => {
		const c = capture(dir);
		expect(await runCli(["docker", "Dockerfile"], c.io)).toBe(0);
		expect(c.out()).toMatch(/^Dockerfile:1 {2}2 stages/);
		expect(c.out()).toMatch(/Final image ≈ 1.13 GB on node:22 \+ copied files of unknown size/);
		expect(c.out()).toMatch(/≈ 1.13 GB if shipped on the build image node:22/);
		expect(c.out()).toMatch(/Estimates, uncompressed/);
		expect(c.out()).toMatch(/line 3: sdk-runtime: Ship on a runtime image/);
		expect(c.out()).toMatch(/line 5: JSONArgsRecommended: Write CMD in exec form/);
	});

	it("a block that is not a Dockerfile gets its calm line in JSON and text", async () => {
		const c = capture(dir);
		await runCli(["docker", "snippet.md", "--json"], c.io);
		const json = JSON.parse(c.out()) as { blocks: { error?: string }[] };
		expect(json.blocks).toHaveLength(1);
		expect(json.blocks[0]).toMatchObject({ line: 1, stages: [], final: null, footprint: null, advice: [] });
		expect(json.blocks[0].error).toMatch(/snippet/);
	});

	it("a missing file is one line on stderr and exit 2", async () => {
		const c = capture(dir);
		expect(await runCli(["docker", "nope.md", "--json"], c.io)).toBe(2);
		expect(c.err()).toMatch(/^spaced-notes docker: cannot read .*nope\.md: no such file\n$/);
		expect(c.out()).toBe("");
		const d = capture(dir);
		expect(await runCli(["docker"], d.io)).toBe(2);
	});
});
