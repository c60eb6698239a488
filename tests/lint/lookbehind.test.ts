/**
 * iOS before 16.4 cannot compile a regular expression with a lookbehind, and one in main.js
 * stops the whole plugin from loading there: the bundle holds none (our code is linted for them
 * by a no-restricted-syntax rule in eslint.config.mjs; this checks what the bundle pulls in too).
 */
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { optimizerWorker } from "../../scripts/optimizer-worker-plugin.mjs";

describe("the plugin bundle", () => {
	it("contains no regular expression lookbehind", async () => {
		const root = join(__dirname, "..", "..");
		const result = await build({
			entryPoints: [join(root, "src", "main.ts")],
			bundle: true,
			format: "cjs",
			target: "es2018",
			external: ["obsidian", "electron", "@codemirror/*", "@lezer/*"],
			// The optimizer worker's code, inlined as main.js has it.
			plugins: [optimizerWorker],
			write: false,
			logLevel: "silent",
		});
		const code = result.outputFiles[0].text;
		expect(code.length).toBeGreaterThan(10_000);
		expect(code.match(/\(\?<[=!]/g) ?? []).toEqual([]);
	}, 60_000);
});
