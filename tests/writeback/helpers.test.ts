import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { closesOpaqueRegion, continuationPrefix, sameLineColumn } from "../../src/writeback/container";
import { joinLines } from "../../src/cards/lines";
import { type NoteLines, insertLineAfter, predominantEnding, removeLine } from "../../src/writeback/note-lines";
import { commentWithSegment, splitComment } from "../../src/writeback/segments";

describe("continuationPrefix", () => {
	it.each([
		["Q::A", ""],
		["   Q::A", "   "],
		["- Q::A", "  "],
		["  - Q::A", "    "],
		["\t- Q::A", "\t  "],
		["    * Q::A", "      "],
		["1. Q::A", "   "],
		["  10) Q::A", "      "],
		["-   Q::A", "    "],
		["-      code", "  "],
		["- [ ] Q::A", "  "],
		["> Q::A", "> "],
		["> > Q::A", "> > "],
		[">Q::A", ">"],
		["> - Q::A", ">   "],
		[">   1. Q::A", ">      "],
		["- > Q::A", "  > "],
		["## Heading::x", ""],
		["**bold**::x", ""],
		["-not a list::x", ""],
	])("%j → %j", (line, prefix) => {
		expect(continuationPrefix(line)).toBe(prefix);
	});
});

describe("sameLineColumn", () => {
	it("appends at the very end, after trailing spaces and a block id", () => {
		expect(sameLineColumn("Q::A")).toBe(4);
		expect(sameLineColumn("Q::A  ")).toBe(6);
		expect(sameLineColumn("Q::A ^abc-1")).toBe(11);
	});
});

describe("closesOpaqueRegion", () => {
	it("recognises fence and math closers behind containers", () => {
		expect(closesOpaqueRegion("```")).toBe(true);
		expect(closesOpaqueRegion("> ~~~~")).toBe(true);
		expect(closesOpaqueRegion("  - ```")).toBe(true);
		expect(closesOpaqueRegion("$$")).toBe(true);
		expect(closesOpaqueRegion("x^2 $$")).toBe(true);
		expect(closesOpaqueRegion("the `code` answer")).toBe(false);
		expect(closesOpaqueRegion("- answer")).toBe(false);
	});
});

describe("note lines", () => {
	const ending = fc.constantFrom("\n", "\r\n", "\r");
	const note = fc
		.tuple(fc.boolean(), fc.array(fc.tuple(fc.string({ unit: fc.constantFrom("a", " ", "-", ">") }), ending), { minLength: 1 }), fc.boolean())
		.map(([bom, rows, finalNewline]): NoteLines => {
			const endings = rows.map((row) => row[1] as string);
			if (!finalNewline) endings[endings.length - 1] = "";
			return { bom, lines: rows.map((row) => row[0]), endings };
		});

	it("insert then remove restores the exact text", () => {
		fc.assert(
			fc.property(note, fc.nat(), fc.string(), (n, at, content) => {
				const index = at % n.lines.length;
				const inserted = insertLineAfter(n, index, content);
				expect(inserted.lines[index + 1]).toBe(content);
				// Inserted line takes an existing ending style, and the final-newline state is kept.
				const followed = n.endings[index] === "" ? predominantEnding(n.endings) : n.endings[index];
				expect(inserted.endings[index]).toBe(followed);
				expect(inserted.endings[index + 1]).toBe(n.endings[index]);
				expect(inserted.endings[inserted.endings.length - 1] === "").toBe(n.endings[n.endings.length - 1] === "");
				expect(joinLines(removeLine(inserted, index + 1))).toBe(joinLines(n));
			}),
		);
	});

	it("an inserted line copies the ending of the line it follows", () => {
		const n: NoteLines = { bom: false, lines: ["a", "b", "c"], endings: ["\r\n", "\r", ""] };
		expect(joinLines(insertLineAfter(n, 0, "x"))).toBe("a\r\nx\r\nb\rc");
		expect(joinLines(insertLineAfter(n, 1, "x"))).toBe("a\r\nb\rx\rc");
		expect(joinLines(insertLineAfter(n, 2, "x"))).toBe("a\r\nb\rc\r\nx");
	});

	it("predominantEnding counts endings", () => {
		expect(predominantEnding(["\r\n", "\n", "\r\n", ""])).toBe("\r\n");
		expect(predominantEnding(["\r", ""])).toBe("\r");
		expect(predominantEnding([""])).toBe("\n");
	});
});

describe("segments", () => {
	it("splits and rejoins comments byte for byte", () => {
		for (const raw of [
			"<!--SR:!2025-05-06,1,170-->",
			"<!--SR:!2025-05-06,1,170!2025-05-07,2,150-->",
			"<!--SR:2021-08-11,4,270-->",
			"<!--SR: !bad,x,y !2025-05-07,2,150 -->",
			"<!--SR:-->",
		]) {
			const parts = splitComment(raw);
			expect(parts).not.toBeNull();
			if (parts) expect(parts.open + parts.segments.join("") + parts.close).toBe(raw);
		}
		expect(splitComment("<!-- other -->")).toBeNull();
	});

	it("completes a comment without --> (the parser reads one up to the end of its line)", () => {
		expect(splitComment("<!--SR:!a,b,c--")).toEqual({ open: "<!--SR:", segments: ["!a,b,c--"], close: "-->" });
		expect(commentWithSegment("<!--SR:!2023-09-02,4,270 ", 0, 1, "!2026-01-01,3,250")).toBe("<!--SR:!2026-01-01,3,250 -->");
	});

	it("replaces only the reviewed sibling and pads missing ones with the placeholder", () => {
		const raw = "<!--SR:!2025-05-06,1,170!garbage,NaN-->";
		expect(commentWithSegment(raw, 0, 2, "!2026-01-01,3,250")).toBe("<!--SR:!2026-01-01,3,250!garbage,NaN-->");
		expect(commentWithSegment(raw, 1, 2, "!2026-01-01,3,250")).toBe("<!--SR:!2025-05-06,1,170!2026-01-01,3,250-->");
		expect(commentWithSegment(raw, 3, 4, "!x")).toBe("<!--SR:!2025-05-06,1,170!garbage,NaN!2000-01-01,1,250!x-->");
		expect(commentWithSegment(null, 1, 3, "!x")).toBe("<!--SR:!2000-01-01,1,250!x!2000-01-01,1,250-->");
		expect(commentWithSegment("<!--SR:!a!b!c-->", 0, 2, "!x")).toBe("<!--SR:!x!b!c-->");
	});
});
