/** One test (or more) per rule of docs/format.md on reading cards (which notes, lines, card kinds, decks, comments). */
import { describe, expect, it } from "vitest";
import { noteLines, taggedNote } from "../builders";
import { cardsOf, parse, sides } from "./helpers";

describe("which notes are read", () => {
	it("reads a note with the flashcard tag or a sub-tag, not a look-alike", () => {
		expect(parse(noteLines("#space", "Q::A"), { flashcardTags: ["#space"] }).included).toBe(true);
		expect(parse(noteLines("#Space/Docker/x", "Q::A"), { flashcardTags: ["#space"] }).included).toBe(true);
		expect(parse(noteLines("#spaced #done-space", "Q::A"), { flashcardTags: ["#space"] }).included).toBe(false);
		expect(parse(noteLines("#done-space", "Q::A"), { flashcardTags: ["#space"] }).cards).toEqual([]);
	});
	it("reads frontmatter tags as a list, a flow list or a string, with or without #", () => {
		for (const fm of [["tags:", "  - flashcards"], ["tags: [other, flashcards]"], ["tag: other, #flashcards"], ["tags: other flashcards"]]) {
			const parsed = parse(noteLines("---", ...fm, "---", "Q::A"));
			expect(parsed.included).toBe(true);
			expect(parsed.tags).toContain("#flashcards");
		}
	});
	it("does not take tags from code, inline code, comments or math", () => {
		for (const body of ["```\n#flashcards\n```", "`#flashcards`", "<!-- #flashcards -->", "%% #flashcards %%", "$$\n#flashcards\n$$", "$#flashcards$"]) {
			expect(parse(noteLines(body, "Q::A")).included).toBe(false);
		}
	});
	it("follows Obsidian's tag shape: not after a letter, not only digits", () => {
		expect(parse(noteLines("a#flashcards Q::A")).included).toBe(false);
		expect(parse(noteLines("#123 text")).tags).toEqual([]);
		expect(parse(noteLines("x #a/b_c-d #1x")).tags).toEqual(["#a/b_c-d", "#1x"]);
	});
	it("skips notes with an ignored tag or in an ignored folder", () => {
		expect(parse(noteLines("#flashcards #private", "Q::A"), { ignoredTags: ["#private"] }).included).toBe(false);
		expect(parse(taggedNote("Q::A"), { ignoredFolders: ["templates/**"] }, "templates/a/b.md").included).toBe(false);
		expect(parse(taggedNote("Q::A"), { ignoredFolders: ["templates"] }, "templates/b.md").included).toBe(false);
		expect(parse(taggedNote("Q::A"), { ignoredFolders: ["templates"] }, "templatesx/b.md").included).toBe(true);
	});
});

describe("lines and regions", () => {
	it("reads cards in CRLF and lone-CR files, keeping the text free of \\r", () => {
		const crlf = cardsOf(["#flashcards", "", "Q", "?", "A1", "A2"].join("\r\n"));
		expect(crlf.map((c) => [c.front, c.back])).toEqual([["Q", "A1\nA2"]]);
		expect(cardsOf(["#flashcards", "Q::A"].join("\r"))).toHaveLength(1);
	});
	it("reads no cards in the frontmatter", () => {
		expect(cardsOf(noteLines("---", "tags: flashcards", "a::b", "---", "Q::A")).map((c) => c.front)).toEqual(["Q"]);
	});
	it("keeps fenced code opaque, at any indentation and behind callout and list prefixes", () => {
		expect(cardsOf(taggedNote("```", "x::y", "?", "```"))).toEqual([]);
		expect(cardsOf(taggedNote("    ~~~~", "x::y", "    ~~~~"))).toEqual([]);
		expect(cardsOf(taggedNote("> ```", "> x::y", "> ```"))).toEqual([]);
		expect(cardsOf(taggedNote("- ```", "  x::y", "  ```"))).toEqual([]);
	});
	it("closes a fence only with the same character, at least as long", () => {
		expect(cardsOf(taggedNote("````", "```", "~~~~", "x::y", "````", "Q::A")).map((c) => c.front)).toEqual(["Q"]);
	});
	it("ends an unclosed fence at its block's end and reports it", () => {
		const parsed = parse(taggedNote("```", "x::y", "", "Q::A"));
		expect(parsed.cards.map((c) => c.front)).toEqual(["Q"]);
		expect(parsed.problems.map((p) => [p.code, p.line])).toEqual([["unclosed-fence", 2]]);
	});
	it("keeps $$ math, HTML comments and %% comments opaque", () => {
		expect(cardsOf(taggedNote("$$", "x::y", "$$"))).toEqual([]);
		expect(cardsOf(taggedNote("<!--", "x::y", "-->"))).toEqual([]);
		expect(cardsOf(taggedNote("%%", "x::y", "%%"))).toEqual([]);
		expect(cardsOf(taggedNote("text <!-- x::y --> more"))).toEqual([]);
		expect(cardsOf(taggedNote("text %% x::y %% more"))).toEqual([]);
	});
	it("hides :: inside inline code, inline math, table rows, wikilinks and link targets", () => {
		for (const line of ["a `x::y` b", "a $x::y$ b", "| a::b | c |", "see [[x::y]]", "[t](http://a::b)"]) {
			expect(cardsOf(taggedNote(line))).toEqual([]);
		}
		expect(cardsOf(taggedNote("`code` Q::A")).map((c) => c.front)).toEqual(["`code` Q"]);
	});
	it("keeps opaque regions inside a card verbatim, blank lines included", () => {
		const [card] = cardsOf(taggedNote("Q", "?", "```js", "a", "", "b", "```", "after"));
		expect(card.back).toBe("```js\na\n\nb\n```\nafter");
		expect(card.endLine).toBe(9);
	});
	it("ends a block at a blank line and at a > only line inside a callout", () => {
		const found = cardsOf(taggedNote("> Q1", "> ?", "> A1", ">", "> Q2", "> ?", "> A2"));
		expect(found.map((c) => [c.front, c.back])).toEqual([
			["Q1", "A1"],
			["Q2", "A2"],
		]);
	});
	it("does not end a block at a heading", () => {
		expect(cardsOf(taggedNote("## Heading", "?", "A", "## Next"))[0].back).toBe("A\n## Next");
	});
});

describe("card kinds", () => {
	it("reads single-line basic and reversed cards", () => {
		const found = cardsOf(taggedNote("Q1::A1", "Q2:::A2"));
		expect(found.map((c) => [c.kind, c.front, c.back])).toEqual([
			["singleline", "Q1", "A1"],
			["singleline-reversed", "Q2", "A2"],
		]);
		expect(found[1].siblings.map((s) => [s.question, s.answer])).toEqual([
			["Q2", "A2"],
			["A2", "Q2"],
		]);
	});
	it("splits at the first ::: before trying ::", () => {
		expect(cardsOf(taggedNote("a::b:::c")).map((c) => [c.kind, c.front, c.back])).toEqual([["singleline-reversed", "a::b", "c"]]);
		expect(cardsOf(taggedNote("a::b::c")).map((c) => [c.front, c.back])).toEqual([["a", "b::c"]]);
	});
	it("removes a trailing block id and the scheduling comment from the back", () => {
		const [card] = cardsOf(taggedNote("Q::A ^abc-1 <!--SR:!2025-01-02,3,250-->"));
		expect([card.front, card.back]).toEqual(["Q", "A"]);
	});
	it("reads multi-line basic and reversed cards", () => {
		const found = cardsOf(taggedNote("Q1", "?", "A1", "", "Q2", "??", "A2"));
		expect(found.map((c) => [c.kind, c.startLine, c.endLine, c.front, c.back])).toEqual([
			["multiline", 2, 4, "Q1", "A1"],
			["multiline-reversed", 6, 8, "Q2", "A2"],
		]);
		expect(found[1].siblings).toHaveLength(2);
	});
	it("starts the question after the last single-line card of the block", () => {
		const found = cardsOf(taggedNote("a::b", "Q line 1", "Q line 2", "?", "A"));
		expect(found.map((c) => [c.kind, c.front])).toEqual([
			["singleline", "a"],
			["multiline", "Q line 1\nQ line 2"],
		]);
	});
	it("reports an empty question and makes no card of it", () => {
		const parsed = parse(taggedNote("a::b", "?", "A"));
		expect(parsed.cards.map((c) => c.kind)).toEqual(["singleline"]);
		expect(parsed.problems.map((p) => [p.code, p.line])).toEqual([["empty-question", 3]]);
	});
	it("keeps a later ? and :: lines as answer text", () => {
		const [card, ...rest] = cardsOf(taggedNote("Q", "?", "A", "?", "x::y"));
		expect(rest).toEqual([]);
		expect(card.back).toBe("A\n?\nx::y");
	});
	it("makes one cloze card with one sibling per deletion", () => {
		const [card] = cardsOf(taggedNote("The ==cat== sat on the ==mat==."));
		expect(card.kind).toBe("cloze");
		expect(card.siblings.map((s) => [s.question, s.answer])).toEqual([
			["The [...] sat on the mat.", "The cat sat on the mat."],
			["The cat sat on the [...].", "The cat sat on the mat."],
		]);
	});
	it("groups deletions by number and shows hints", () => {
		expect(sides(taggedNote("==1;;a== and ==1;;b== then ==2;;c;;letter== and ==d;;hint=="))).toEqual([
			["[...] and [...] then c and d", "a and b then c and d"],
			["a and b then [letter] and d", "a and b then c and d"],
			["a and b then c and [hint]", "a and b then c and d"],
		]);
	});
	it("ignores deletions inside inline code and reads bold/curly only when enabled", () => {
		expect(cardsOf(taggedNote("`a ==b== c`"))).toEqual([]);
		expect(cardsOf(taggedNote("**bold** {{curly}}"))).toEqual([]);
		expect(sides(taggedNote("**bold** {{curly}}"), { clozeKinds: ["bold", "curly"] }).map(([q]) => q)).toEqual(["[...] curly", "bold [...]"]);
	});
	it("continues a multi-line card across blank lines up to the end marker", () => {
		const parsed = parse(taggedNote("Q", "?", "A1", "", "A2", "+++", "next::card"), { endMarker: "+++" });
		expect(parsed.cards.map((c) => [c.front, c.back, c.endLine])).toEqual([
			["Q", "A1\n\nA2", 6],
			["next", "card", 8],
		]);
	});
	it("keeps the context: note name, then the heading chain above the card", () => {
		const [a, b] = cardsOf(taggedNote("# Top", "## Sub", "Q1::A1", "# Other", "### Deep ###", "Q2::A2"));
		expect(a.context).toEqual(["test", "Top", "Sub"]);
		expect(b.context).toEqual(["test", "Other", "Deep"]);
	});
});

describe("decks", () => {
	const opts = { flashcardTags: ["#flashcards"] };
	it("1. takes a flashcard tag at the start of the first line and removes it", () => {
		const [card] = cardsOf(noteLines("#flashcards/a", "", "#flashcards/b Q::A"), opts);
		expect([card.decks, card.front]).toEqual([["flashcards/b"], "Q"]);
		const [multi] = cardsOf(noteLines("#flashcards/b", "Q", "?", "A"), opts);
		expect([multi.decks, multi.front]).toEqual([["flashcards/b"], "Q"]);
	});
	it("2. takes all flashcard tags of the nearest line above that holds any", () => {
		const [card] = cardsOf(noteLines("#flashcards/x", "#flashcards/a #other #flashcards/b", "", "Q::A"), opts);
		expect(card.decks).toEqual(["flashcards/a", "flashcards/b"]);
	});
	it("3. takes the frontmatter tags, 4. else the first flashcard tag of the note", () => {
		expect(cardsOf(noteLines("---", "tags: [flashcards/fm]", "---", "Q::A", "#flashcards/later"), opts)[0].decks).toEqual(["flashcards/fm"]);
		expect(cardsOf(noteLines("Q::A", "", "#flashcards/later"), opts)[0].decks).toEqual(["flashcards/later"]);
	});
	it("keeps the case of the tag as written", () => {
		expect(cardsOf(noteLines("#Flashcards/Docker", "Q::A"), opts)[0].decks).toEqual(["Flashcards/Docker"]);
	});
});

describe("scheduling comments", () => {
	it("finds a single-line card's comment at the end of its line or alone on the next line, at any indentation", () => {
		const [a, b, c] = cardsOf(
			taggedNote("Q1::A1 <!--SR:!2025-01-02,3,250-->", "Q2::A2", "    <!--SR:!2025-01-03,4,260-->", "> Q3::A3", "> <!--SR:!2025-01-04,5,270-->"),
		);
		expect([a.comment?.ownLine, a.endLine]).toEqual([false, 2]);
		expect([b.comment?.ownLine, b.comment?.line, b.endLine, b.comment?.start]).toEqual([true, 4, 4, 4]);
		expect([c.comment?.line, c.back]).toEqual([6, "A3"]);
		expect(c.siblings[0].segment).toEqual({ kind: "ok", schedule: { type: "classic", due: "2025-01-04", interval: 5, ease: 270 } });
	});
	it("finds a multi-line card's comment alone on the last line or at the end of the last answer line", () => {
		const [a, b] = cardsOf(taggedNote("Q1", "?", "A1", "<!--SR:!2025-01-02,3,250-->", "", "Q2", "?", "A2 <!--SR:!2025-01-03,3,250-->"));
		expect([a.comment?.line, a.back, a.endLine]).toEqual([5, "A1", 5]);
		expect([b.comment?.line, b.comment?.ownLine, b.back]).toEqual([9, false, "A2"]);
	});
	it("gives each sibling its segment in order; a missing one is absent", () => {
		const [card] = cardsOf(taggedNote("Q:::A <!--SR:!2025-01-02,3,250-->"));
		expect(card.siblings.map((s) => s.segment.kind)).toEqual(["ok", "absent"]);
	});
	it("reports unreadable segments and more segments than siblings", () => {
		const parsed = parse(taggedNote("Q::A <!--SR:!2025-13-40,3,250!2025-01-02,1,250-->"));
		expect(parsed.cards[0].siblings[0].segment.kind).toBe("unreadable");
		expect(parsed.problems.map((p) => p.code).sort()).toEqual(["extra-segments", "unreadable-segment"]);
	});
	it("reports duplicate comments on one card and uses the first one", () => {
		const parsed = parse(taggedNote("Q::A <!--SR:!2025-01-02,3,250-->", "<!--SR:!2025-01-05,3,250-->"));
		expect(parsed.cards[0].comment?.line).toBe(2);
		expect(parsed.cards[0].endLine).toBe(3);
		expect(parsed.problems.map((p) => [p.code, p.line])).toEqual([["duplicate-comment", 3]]);
	});
	it("names a multi-line card by its question's line when it has two comments", () => {
		const parsed = parse(taggedNote("Question", "?", "Answer", "<!--SR:!2025-01-02,3,250-->", "<!--SR:!2025-01-05,3,250-->"));
		const [problem] = parsed.problems;
		expect([problem.code, problem.line]).toEqual(["duplicate-comment", 6]);
		expect(problem.message).toContain(`card at line ${parsed.cards[0].startLine + 1} `);
		expect(problem.message).toContain("card at line 3 ");
	});
	it("leaves the comment out of the source, and a card without one has the same source", () => {
		const withComment = cardsOf(taggedNote("Q", "?", "A", "<!--SR:!2025-01-02,3,250-->"))[0];
		const without = cardsOf(taggedNote("Q", "?", "A"))[0];
		expect(withComment.source).toBe(without.source);
		expect(cardsOf(taggedNote("Q::A <!--SR:!2025-01-02,3,250-->"))[0].source).toBe("Q::A");
	});
	it("marks a card whose last text line closes a fence", () => {
		expect(cardsOf(taggedNote("Q", "?", "```", "x", "```"))[0].endsInFence).toBe(true);
		expect(cardsOf(taggedNote("Q", "?", "x"))[0].endsInFence).toBe(false);
	});
	it("reports a tagged note without cards", () => {
		expect(parse(taggedNote("just text")).problems.map((p) => p.code)).toEqual(["tagged-without-cards"]);
	});
});
