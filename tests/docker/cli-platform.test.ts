import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import { tempVault } from "../builders";

function capture(cwd: string): { io: CliIO; out: () => string; err: () => string } {
	let out = "";
	let err = "";
	return { io: { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd }, out: () => out, err: () => err };
}

const dir = tempVault({
	prefix: "sn-docker-platform-",
	files: { Dockerfile: "FROM scratch AS bin-linux\nFROM scratch AS bin-windows\nFROM bin-$TARGETOS\n" },
});

describe("spaced-notes docker --platform", () => {
	it("resolves the platform args for linux/amd64 by default and says so", async () => {
		const c = capture(dir);
		expect(await runCli(["docker", "Dockerfile"], c.io)).toBe(0);
		expect(c.out()).toMatch(/^Dockerfile:1 {2}3 stages for linux\/amd64: /);
		expect(c.out()).toMatch(/#2 \(unnamed\) +stage bin-linux/);
	});

	it("takes another target platform", async () => {
		const c = capture(dir);
		expect(await runCli(["docker", "Dockerfile", "--json", "--platform", "windows/amd64"], c.io)).toBe(0);
		const json = JSON.parse(c.out()) as { blocks: { stages: { base: string; parent: number | null; skipped: boolean }[] }[] };
		expect(json.blocks[0].stages[2]).toMatchObject({ base: "bin-windows", parent: 1 });
		expect(json.blocks[0].stages.map((s) => s.skipped)).toEqual([true, false, false]);
	});

	it("refuses a platform it cannot read", async () => {
		const c = capture(dir);
		expect(await runCli(["docker", "Dockerfile", "--platform=sparkle"], c.io)).toBe(2);
		expect(c.err()).toMatch(/^spaced-notes docker: --platform: "sparkle": unknown operating system or architecture\n$/);
	});
});
