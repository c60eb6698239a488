/** Obsidian's plugin guidelines: sizes of text come from the theme's variables, never hard-coded. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

describe("styles.css", () => {
	it("sets every font size with an Obsidian variable", () => {
		const css = readFileSync(join(__dirname, "..", "..", "styles.css"), "utf8");
		const sizes = [...css.matchAll(/font-size:\s*([^;]+);/g)].map((m) => m[1].trim());
		expect(sizes.length).toBeGreaterThan(10);
		expect(sizes.filter((size) => !/^(var\(--[a-z0-9-]+\)|inherit|smaller|larger)$/.test(size))).toEqual([]);
	});
});
