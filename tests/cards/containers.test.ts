/** Container syntax around cards: callout headers, list markers, and the heading/callout context. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withoutEmphasis } from "../../src/cards/emphasis";
import { splitLines } from "../../src/cards/lines";
import { taggedNote } from "../builders";
import { cardsOf, parse } from "./helpers";

/** Each card's source must be its own lines, comment aside (the writer finds it by that). */
function expectOwnSource(text: string): void {
	const { lines } = splitLines(text);
	for (const card of cardsOf(text)) {
		const own = lines.slice(card.startLine, card.endLine + 1).filter((_, i) => !(card.comment?.ownLine && card.comment.line === card.startLine + i));
		if (card.comment && !card.comment.ownLine)
			own[card.comment.line - card.startLine] = own[card.comment.line - card.startLine].slice(0, card.comment.start).trimEnd();
		expect(card.source).toBe(own.join("\n"));
	}
}

describe("callout header lines", () => {
	it("start the question after `> [!type] Title` and put the title in the context", () => {
		const text = taggedNote("## Docker", "> [!question] Layers", "> What does every RUN create?", "> ?", "> A new layer.", "> <!--SR:!2025-01-02,3,250-->");
		const [card] = cardsOf(text);
		expect([card.kind, card.front, card.back]).toEqual(["multiline", "What does every RUN create?", "A new layer."]);
		expect([card.startLine, card.endLine, card.comment?.line]).toEqual([4, 7, 7]);
		expect(card.source).toBe("> What does every RUN create?\n> ?\n> A new layer.");
		expect(card.context).toEqual(["test", "Docker", "Layers"]);
		expectOwnSource(text);
	});
	it("handles folding marks, no title, and a single-line card on the line after the header", () => {
		const [a, b, c] = cardsOf(
			taggedNote(
				"> [!tip]- **Folded** title",
				"> Q1::A1",
				"",
				"> [!note]",
				"> Q2:::A2 <!--SR:!2025-01-02,3,250-->",
				"",
				"> [!faq]+ Why",
				"> Q3",
				"> ??",
				"> A3",
			),
		);
		expect([a.kind, a.front, a.back, a.startLine, a.source, a.context]).toEqual(["singleline", "Q1", "A1", 3, "> Q1::A1", ["test", "Folded title"]]);
		expect([b.kind, b.front, b.startLine, b.source, b.context]).toEqual(["singleline-reversed", "Q2", 6, "> Q2:::A2", ["test"]]);
		expect([c.kind, c.front, c.back, c.startLine, c.context]).toEqual(["multiline-reversed", "Q3", "A3", 9, ["test", "Why"]]);
	});
	it("keeps the header line in the block: the lines after it, up to the callout's end, are one card", () => {
		const found = cardsOf(taggedNote("> [!question] T", "> Q1", "> ?", "> A1", ">", "> Q2", "> ?", "> A2", "", "Q3", "?", "A3"));
		expect(found.map((c) => [c.front, c.back, c.context])).toEqual([
			["Q1", "A1", ["test", "T"]],
			["Q2", "A2", ["test", "T"]],
			["Q3", "A3", ["test"]],
		]);
	});
	it("uses the title as the question when `?` follows the header directly", () => {
		const [card] = cardsOf(taggedNote("> [!question] What does RUN create? ^q1", "> ?", "> A layer."));
		expect([card.front, card.back, card.startLine, card.context]).toEqual(["What does RUN create?", "A layer.", 2, ["test"]]);
		expect(card.source).toBe("> [!question] What does RUN create? ^q1\n> ?\n> A layer.");
		const untitled = parse(taggedNote("> [!question]", "> ?", "> A"));
		expect(untitled.cards).toEqual([]);
		expect(untitled.problems.map((p) => [p.code, p.line])).toContainEqual(["empty-question", 3]);
	});
	it("reads a single-line card written in the header's title, without the header syntax", () => {
		const [card] = cardsOf(taggedNote("> [!question] Q::A"));
		expect([card.front, card.back, card.source, card.context]).toEqual(["Q", "A", "> [!question] Q::A", ["test"]]);
	});
	it("does not read a header or its title as cloze text, and nests callout titles", () => {
		const found = cardsOf(taggedNote("> [!note] ==Title==", "> > [!info] Inner", "> > The ==cat== sat.", "> back out::yes"));
		expect(found.map((c) => [c.kind, c.front, c.context])).toEqual([
			["cloze", "The ==cat== sat.", ["test", "Title", "Inner"]],
			["singleline", "back out", ["test", "Title"]],
		]);
	});
	it("does not treat `[!x]` outside a callout as a header", () => {
		expect(cardsOf(taggedNote("[!note] Q", "?", "A")).map((c) => c.front)).toEqual(["[!note] Q"]);
	});
});

describe("heading context", () => {
	it("is the chain of higher headings when the card's first line is a heading", () => {
		const found = cardsOf(taggedNote("# Top", "## Five", "### Commands", "x::y", "", "## **6. Tips**", "?", "A", "", "### Sub", "?", "B"));
		expect(found.map((c) => c.context)).toEqual([
			["test", "Top", "Five", "Commands"],
			["test", "Top"],
			["test", "Top", "6. Tips"],
		]);
	});
	it("strips emphasis markup from context entries", () => {
		const found = cardsOf(taggedNote("# __Bold__ *it* _em_ ==hl== `co*de*` snake_case 2 * 3", "", "Q::A"));
		expect(found.map((c) => c.kind)).toEqual(["cloze", "singleline"]);
		expect(found[1].context).toEqual(["test", "Bold it em hl co*de* snake_case 2 * 3"]);
	});
	it("gives the real note's cards the note's title, not the previous section's headings", () => {
		const text = readFileSync(join(__dirname, "..", "..", "examples", "vault", "docker", "docker-multistage.md"), "utf8");
		const { cards } = parse(text, { flashcardTags: ["#space"] }, "notes/docker-multistage.md");
		expect(cards[4].startLine).toBe(101);
		const expected = ["docker-multistage", "Docker Multi-Stage Builds & Distroless Images - Notes"];
		for (const card of cards) expect(card.context).toEqual(expected);
	});
});

describe("withoutEmphasis", () => {
	it.each([
		["**6. Interview Tips**", "6. Interview Tips"],
		["***both***", "both"],
		["a ``x ` y`` b", "a x ` y b"],
		["unclosed **bold", "unclosed **bold"],
		["a_b_c and x_y_ and _z", "a_b_c and x_y_ and _z"],
		["__init__ is bold", "init is bold"],
		["plain", "plain"],
	])("%s → %s", (input, output) => {
		expect(withoutEmphasis(input)).toBe(output);
	});
});

describe("list markers in single-line cards", () => {
	it("are not part of the front", () => {
		const found = cardsOf(taggedNote("- Q1::A1", "  * Q2::A2", "1. Q3::A3", "- [ ] Q4::A4", "- [x] Q5:::A5", "+ #flashcards/deck Q6::A6", "10) Q7::A7"));
		// A tag after the marker stays question text and sets no deck (docs/format.md, "Decks").
		expect(found.map((c) => c.front)).toEqual(["Q1", "Q2", "Q3", "Q4", "Q5", "#flashcards/deck Q6", "Q7"]);
		expect(found[4].siblings.map((s) => s.answer)).toEqual(["A5", "Q5"]);
		expect(found[5].decks).toEqual(["flashcards"]);
		expect(found.map((c) => c.source)).toEqual([
			"- Q1::A1",
			"  * Q2::A2",
			"1. Q3::A3",
			"- [ ] Q4::A4",
			"- [x] Q5:::A5",
			"+ #flashcards/deck Q6::A6",
			"10) Q7::A7",
		]);
	});
	it("are kept in callouts only after the callout marker, and not stripped from multi-line cards", () => {
		expect(cardsOf(taggedNote("> - Q::A"))[0].front).toBe("Q");
		expect(cardsOf(taggedNote("- Q", "?", "- A"))[0].front).toBe("- Q");
		expect(cardsOf(taggedNote("-Q::A", "", "1.5::x", "", "- [ ]::x", "", "- [ ] ::x")).map((c) => c.front)).toEqual(["-Q", "1.5", "[ ]"]);
	});
});
