import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { joinLines, lineCount, splitLines } from "../../src/cards/lines";
import { noteName } from "../../src/cards/parse";

describe("splitLines", () => {
	it("keeps each line's own ending: \\n, \\r\\n and a lone \\r", () => {
		const split = splitLines("a\r\nb\nc\rd");
		expect(split.lines).toEqual(["a", "b", "c", "d"]);
		expect(split.endings).toEqual(["\r\n", "\n", "\r", ""]);
	});
	it("keeps a BOM apart from the first line", () => {
		const split = splitLines("\uFEFFtitle\n");
		expect(split.bom).toBe(true);
		expect(split.lines).toEqual(["title", ""]);
		expect(joinLines(split)).toBe("\uFEFFtitle\n");
	});
	it("gives one empty line for an empty text", () => {
		expect(splitLines("")).toEqual({ bom: false, lines: [""], endings: [""] });
	});
	it("treats \\r\\n split across a later \\n correctly", () => {
		expect(splitLines("a\r\r\nb").endings).toEqual(["\r", "\r\n", ""]);
	});
	it("round-trips any text byte for byte", () => {
		const piece = fc.constantFrom("a", "b", " ", "\n", "\r", "\r\n", "\uFEFF", "?", "é");
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
				const text = parts.join("");
				const split = splitLines(text);
				expect(joinLines(split)).toBe(text);
				expect(split.lines.length).toBe(split.endings.length);
				for (const line of split.lines) expect(/[\r\n]/.test(line)).toBe(false);
			}),
		);
	});
});

describe("noteName", () => {
	it.each([
		["notes/docker.md", "docker"],
		["a\\b\\Card.MD", "Card"],
		["top.Md", "top"],
		["dir/.md", ""],
		["dir/file.mdx", "file.mdx"],
		["dir/md", "md"],
		["x/y.md.md", "y.md"],
	])("%s → %s", (path, name) => {
		expect(noteName(path)).toBe(name);
	});
});

describe("lineCount", () => {
	it("counts the lines splitLines gives, for any mix of endings", () => {
		fc.assert(
			fc.property(
				fc.array(fc.constantFrom("a", "\n", "\r", "\r\n", "b c"), { maxLength: 30 }).map((parts) => parts.join("")),
				(text) => {
					expect(lineCount(text)).toBe(splitLines(text).lines.length);
				},
			),
			{ numRuns: 2000, seed: 4 },
		);
	});
});
