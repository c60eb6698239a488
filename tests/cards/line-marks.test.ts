/** Lines with their start offsets, and the per-line needle marks the parser skips searches by. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { linesWithStarts, splitLines } from "../../src/cards/lines";
import { Mark, markLines } from "../../src/cards/line-marks";

const piece = fc.constantFrom("a", "::", ":", "#", "==", "=", "**", "{{", " ", "\n", "\r\n", "\r", "\uFEFF", "x::y", "##");
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(""));
const needles = [
	["::", Mark.Colons],
	["#", Mark.Hash],
	["==", Mark.Equals],
	["**", Mark.Stars],
	["{{", Mark.Braces],
] as const;

describe("linesWithStarts", () => {
	it("gives splitLines' lines, each found at its start offset", () => {
		fc.assert(
			fc.property(text, fc.boolean(), (body, bom) => {
				const full = (bom ? "\uFEFF" : "") + body;
				const { lines, starts } = linesWithStarts(full);
				expect(lines).toEqual(splitLines(full).lines);
				expect(starts.length).toBe(lines.length);
				lines.forEach((line, i) => expect(full.slice(starts[i], starts[i] + line.length)).toBe(line));
			}),
			{ numRuns: 500 },
		);
	});
	it("gives the same for notes whose lines all end with \\n (its native-split path)", () => {
		const unix = fc.array(fc.constantFrom("a", "::", "#", " ", "\n", "\n\n", "\uFEFF", "é"), { maxLength: 40 }).map((parts) => parts.join(""));
		fc.assert(
			fc.property(unix, fc.boolean(), (body, bom) => {
				const full = (bom ? "\uFEFF" : "") + body;
				const { lines, starts } = linesWithStarts(full);
				expect(lines).toEqual(splitLines(full).lines);
				lines.forEach((line, i) => expect(full.slice(starts[i], starts[i] + line.length)).toBe(line));
				expect(starts[0]).toBe(full.startsWith("\uFEFF") ? 1 : 0);
			}),
			{ numRuns: 300 },
		);
	});
});

describe("markLines", () => {
	it("marks exactly the lines that hold each needle", () => {
		fc.assert(
			fc.property(text, fc.boolean(), fc.subarray([...needles]), (body, bom, chosen) => {
				const full = (bom ? "\uFEFF" : "") + body;
				const { lines, starts } = linesWithStarts(full);
				const marks = markLines(full, starts, chosen);
				lines.forEach((line, i) => {
					let expected = 0;
					for (const [needle, bit] of chosen) if (line.includes(needle)) expected |= bit;
					expect(marks[i]).toBe(expected);
				});
			}),
			{ numRuns: 800 },
		);
	});
	it("marks a needle on the last line and on a line after a lone \\r", () => {
		const { starts } = linesWithStarts("a\rb::\r\nc\n#d::");
		expect([...markLines("a\rb::\r\nc\n#d::", starts, needles)]).toEqual([0, Mark.Colons, 0, Mark.Colons | Mark.Hash]);
	});
});
