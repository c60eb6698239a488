/**
 * Obsidian's plugin guidelines: a notice names the plugin it comes from. Every `new Notice(` in
 * src/ starts its text with "Spaced Notes: " (a string, a template, or the first line of a list).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
	);
}

describe("notices", () => {
	it("each names the plugin", () => {
		const root = join(__dirname, "..", "..");
		const unnamed: string[] = [];
		let seen = 0;
		for (const file of sources(join(root, "src"))) {
			const text = readFileSync(file, "utf8");
			for (const match of text.matchAll(/new Notice\(\s*(\[\s*)?(.{0,16})/g)) {
				seen++;
				if (!/^[`"']Spaced Notes: /.test(match[2])) unnamed.push(`${relative(root, file)}: ${match[0]}`);
			}
		}
		expect(seen).toBeGreaterThan(3);
		expect(unnamed).toEqual([]);
	});
});
