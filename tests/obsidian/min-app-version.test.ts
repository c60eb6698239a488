/**
 * The plugin claims to run on Obsidian 1.8.7 (manifest.json's minAppVersion). No Obsidian app
 * runs here, so this checks what can be checked without one: src/ type-checks against the
 * typings of that version (APIs newer than it are reached only through the local shims in
 * src/ui/settings-compat.ts, after looking them up at run time), and the claim names that
 * version everywhere.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, new URL("../../", import.meta.url)), "utf8"));

const manifest = readJson("manifest.json") as { version: string; minAppVersion: string };
const oldTypings = readJson("node_modules/obsidian-1.8/package.json") as { version: string };

describe("minimum Obsidian version", () => {
	it("manifest.json and versions.json name the version whose typings src/ is checked against", () => {
		const versions = readJson("versions.json") as Record<string, string>;
		expect(oldTypings.version).toBe("1.8.7");
		expect(manifest.minAppVersion).toBe(oldTypings.version);
		expect(versions[manifest.version]).toBe(manifest.minAppVersion);
		const config = readJson("tsconfig.obsidian-1.8.json") as { compilerOptions: { paths: Record<string, string[]> } };
		expect(config.compilerOptions.paths.obsidian).toEqual(["./node_modules/obsidian-1.8/obsidian.d.ts"]);
	});

	it("src/ type-checks against Obsidian 1.8.7's typings", () => {
		const tsc = fileURLToPath(new URL("../../node_modules/typescript/bin/tsc", import.meta.url));
		const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.obsidian-1.8.json", "--noEmit"], { cwd: root, encoding: "utf8" });
		expect(result.error).toBeUndefined();
		expect(`${result.stdout}${result.stderr}`).toBe("");
		expect(result.status).toBe(0);
	}, 120_000);
});
