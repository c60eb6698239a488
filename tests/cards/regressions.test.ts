/** The defects of the other plugin listed in docs/format.md ("Defects of the other plugin that we do not repeat") that concern reading notes. */
import { describe, expect, it } from "vitest";
import { noteLines, taggedNote } from "../builders";
import { cardsOf, parse } from "./helpers";

describe("the other plugin's defects, not repeated", () => {
	it("a multi-line <!-- comment does not hide the cards after it", () => {
		expect(cardsOf(taggedNote("<!--", "old text", "-->", "", "Q1::A1", "", "Q2", "?", "A2")).map((c) => c.front)).toEqual(["Q1", "Q2"]);
	});
	it("a one-line comment does not hide the next line", () => {
		expect(cardsOf(taggedNote("<!-- remark -->", "Q::A")).map((c) => c.front)).toEqual(["Q"]);
		expect(cardsOf(taggedNote("text <!-- remark --> text", "Q::A")).map((c) => c.front)).toEqual(["Q"]);
	});
	it(":: inside a multi-line answer does not destroy the card", () => {
		const [card, ...rest] = cardsOf(taggedNote("Question", "?", "term::definition", "more"));
		expect(rest).toEqual([]);
		expect([card.kind, card.front, card.back]).toEqual(["multiline", "Question", "term::definition\nmore"]);
	});
	it("indented fences, %% comments and $$ blocks are opaque", () => {
		expect(cardsOf(taggedNote("  ```", "  a::b", "  ```", "%%", "c::d", "%%", "$$", "e::f", "$$", "", "Q::A")).map((c) => c.front)).toEqual(["Q"]);
	});
	it("callout multi-line cards are read", () => {
		const [card] = cardsOf(taggedNote("> [!question] Title", "> What is it?", "> ?", "> The answer", "> <!--SR:!2025-01-02,3,250-->"));
		expect([card.kind, card.front, card.back, card.comment?.line]).toEqual(["multiline", "What is it?", "The answer", 6]);
		expect([card.startLine, card.context]).toEqual([3, ["test", "Title"]]);
	});
	it("an indented next-line comment in a list is recognised (comments do not pile up)", () => {
		const [card] = cardsOf(taggedNote("- item", "  - Q::A", "    <!--SR:!2025-01-02,3,250-->"));
		expect([card.comment?.line, card.comment?.start, card.endLine]).toEqual([4, 4, 4]);
		const piled = parse(taggedNote("- Q::A", "  <!--SR:!2025-01-03,3,250-->", "  <!--SR:!2025-01-02,3,250-->", "- next"));
		expect(piled.cards[0].comment?.raw).toBe("<!--SR:!2025-01-03,3,250-->");
		expect(piled.problems.map((p) => p.code)).toEqual(["duplicate-comment"]);
	});
	it("duplicate cards keep their own schedules and positions", () => {
		const found = cardsOf(taggedNote("Q::A <!--SR:!2025-01-02,3,250-->", "", "Q::A <!--SR:!2025-02-02,9,270-->"));
		expect(found.map((c) => [c.source, c.startLine, c.comment?.raw])).toEqual([
			["Q::A", 2, "<!--SR:!2025-01-02,3,250-->"],
			["Q::A", 4, "<!--SR:!2025-02-02,9,270-->"],
		]);
	});
	it("CRLF files keep their endings: cards read from CRLF equal those from LF", () => {
		const lines = ["#flashcards", "", "Q", "?", "A", "<!--SR:!2025-01-02,3,250-->", "", "x::y"];
		expect(cardsOf(lines.join("\r\n"))).toEqual(cardsOf(lines.join("\n")));
	});
	it("a missing end marker does not swallow the rest of the note", () => {
		const found = cardsOf(taggedNote("Q1", "?", "A1", "", "Q2::A2", "", "Q3", "?", "A3", "+++"), { endMarker: "+++" });
		expect(found.map((c) => [c.front, c.back])).toEqual([
			["Q1", "A1"],
			["Q2", "A2"],
			["Q3", "A3"],
		]);
	});
	it("an unclosed comment or math block ends at the blank line and is reported", () => {
		const parsed = parse(taggedNote("<!-- never closed", "x::y", "", "Q::A", "", "$$", "a::b", "", "R::B"));
		expect(parsed.cards.map((c) => c.front)).toEqual(["Q", "R"]);
		expect(parsed.problems.map((p) => p.code)).toEqual(["unclosed-comment", "unclosed-math"]);
	});
	it("a cloze whose block goes on with a single-line card stays a card", () => {
		expect(cardsOf(taggedNote("- a ==b==", "- Q::A")).map((c) => [c.kind, c.startLine])).toEqual([
			["cloze", 2],
			["singleline", 3],
		]);
		expect(cardsOf(taggedNote("> a ==b==", ">", "> - Q::A")).map((c) => [c.kind, c.startLine])).toEqual([
			["cloze", 2],
			["singleline", 4],
		]);
	});
	it("a line that is only the separator makes no empty card", () => {
		expect(cardsOf(taggedNote("Q", "::", "A"))).toEqual([]);
	});
	it("a card starts where its text does, after a single-line card or below a one-line comment", () => {
		expect(cardsOf(taggedNote("Q::A", "a ==b==")).map((c) => c.startLine)).toEqual([2, 3]);
		expect(cardsOf(taggedNote("<!-- note -->", "", "a ==b==")).map((c) => c.startLine)).toEqual([4]);
	});
	it("flashcard tags are compared without case, as Obsidian compares tags", () => {
		expect(cardsOf(noteLines("#sl", "", "Q::A"), { flashcardTags: ["#SL"] }).map((c) => c.decks)).toEqual([["sl"]]);
	});
	it("an unclosed code fence ends at the next blank line", () => {
		const parsed = parse(taggedNote("`````", "```x::y", "", "Q::A"));
		expect(parsed.cards.map((c) => c.front)).toEqual(["Q"]);
		expect(parsed.problems.map((p) => p.code)).toEqual(["unclosed-fence"]);
	});
});
