/** Frontmatter tag values read by offsets, against the split-and-regex reading they replace. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { frontmatterTags } from "../../src/cards/tags-in-note";

/** The reading by `split` and regexes: any value but digits alone (Obsidian checks no characters there). */
function reference(text: string): string[] {
	const out: string[] = [];
	for (const part of text.split(/[,\s]+/)) {
		const value = part
			.trim()
			.replace(/^["']|["']$/g, "")
			.replace(/^#/, "");
		if (value && !/^\d+$/.test(value)) out.push(`#${value}`);
	}
	return out;
}

/** The line as the regex reading took it: `tags:` / `tag:` (any case), then its values. */
function referenceLine(line: string): string[] | null {
	const match = /^(tags|tag)\s*:(.*)$/i.exec(line);
	if (!match) return null;
	const rest = match[2].trim();
	return rest ? reference(rest.startsWith("[") ? rest.replace(/^\[|\]$/g, "") : rest) : [];
}

const key = fc.constantFrom("tags", "Tags", "TAG", "tag ", "tags\t", "tagz", "tag s", "tagss", "tags  ");
const piece = fc.constantFrom(
	"[",
	"]",
	"a",
	"#b",
	"'c'",
	'"#d"',
	"Flashcards",
	"x/y",
	",",
	" ",
	", ",
	"\t",
	"'",
	'"',
	"#",
	"1",
	"12",
	"a-b_c",
	"#12",
	"''",
	"#'e'",
);

describe("frontmatter tag values", () => {
	it("a string value gives the same tags as split and regexes", () => {
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
				const value = parts.join("");
				expect(frontmatterTags([`tags: ${value}`], 0, 0)).toEqual(referenceLine(`tags: ${value}`));
			}),
			{ numRuns: 2000 },
		);
	});
	it("any key and value gives the same tags as the regex reading", () => {
		fc.assert(
			fc.property(key, fc.array(piece, { maxLength: 10 }), (k, parts) => {
				const line = `${k}:${parts.join("")}`;
				expect(frontmatterTags([line], 0, 0)).toEqual(referenceLine(line) ?? []);
				expect(frontmatterTags([line.replace(":", "")], 0, 0)).toEqual(referenceLine(line.replace(":", "")) ?? []);
			}),
			{ numRuns: 3000 },
		);
	});
	it("a flow list and a block list", () => {
		expect(frontmatterTags(["tags: [flashcards/docker, '#b', \"c\"]"], 0, 0)).toEqual(["#flashcards/docker", "#b", "#c"]);
		expect(frontmatterTags(["tags:", "  - '#x'", "- y z"], 0, 2)).toEqual(["#x", "#y", "#z"]);
		expect(frontmatterTags(["tags: é, a"], 0, 0)).toEqual(["#é", "#a"]);
	});
	it("keeps a value with characters a body tag may not hold, as Obsidian's cache does (polyipseity/information)", () => {
		expect(frontmatterTags(["tags:", "  - flashcard/active/general/eng/Le_Chatelier's_principle"], 0, 1)).toEqual([
			"#flashcard/active/general/eng/Le_Chatelier's_principle",
		]);
		expect(frontmatterTags(["tags: [c++, v1.0, 2024]"], 0, 0)).toEqual(["#c++", "#v1.0"]);
	});
});
