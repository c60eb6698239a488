/**
 * Card separators from the settings (docs/format.md, "Separators"): any text, multi-character or
 * clashing, with the Spaced Repetition plugin's precedence — the longer single-line separator is
 * looked for first (the plain one on a tie), the first one found decides; a multi-line separator
 * is a line that is exactly it (the plain one on a tie); an empty separator turns its kind off.
 */
import { describe, expect, it } from "vitest";
import { taggedNote } from "../builders";
import { cardsOf, parse, sides } from "./helpers";

const kinds = (text: string, overrides = {}) => cardsOf(text, overrides).map((c) => [c.kind, c.front, c.back]);

describe("single-line separators", () => {
	it("reads custom multi-character separators", () => {
		const s = { singleLineSeparator: " - ", singleLineReversedSeparator: " <-> " };
		expect(kinds(taggedNote("der Hund - the dog", "die Katze <-> the cat", "Q::A"), s)).toEqual([
			["singleline", "der Hund", "the dog"],
			["singleline-reversed", "die Katze", "the cat"],
		]);
	});

	it("looks for the longer separator first, whichever kind it is", () => {
		// Reversed shorter than plain: a line with the plain one is plain, even though it holds the reversed one too.
		const s = { singleLineSeparator: "::", singleLineReversedSeparator: ":" };
		expect(kinds(taggedNote("a:b::c", "x:y"), s)).toEqual([
			["singleline", "a:b", "c"],
			["singleline-reversed", "x", "y"],
		]);
		// The defaults: `:::` before `::`, split at the first `:::`.
		expect(kinds(taggedNote("Q::A:::B"))).toEqual([["singleline-reversed", "Q::A", "B"]]);
	});

	it("takes the plain separator when both are as long, or equal", () => {
		expect(kinds(taggedNote("Q;;A", "Q,,A"), { singleLineSeparator: ";;", singleLineReversedSeparator: ",," })).toEqual([
			["singleline", "Q", "A"],
			["singleline-reversed", "Q", "A"],
		]);
		expect(kinds(taggedNote("Q;;A"), { singleLineSeparator: ";;", singleLineReversedSeparator: ";;" })).toEqual([["singleline", "Q", "A"]]);
	});

	it("an empty separator turns its kind off", () => {
		expect(kinds(taggedNote("Q::A", "R:::B"), { singleLineReversedSeparator: "" })).toEqual([
			["singleline", "Q", "A"],
			["singleline", "R", ":B"],
		]);
		expect(cardsOf(taggedNote("Q::A", "R:::B"), { singleLineSeparator: "", singleLineReversedSeparator: "" })).toEqual([]);
	});

	it("never sees a separator inside inline code, math, links or comments", () => {
		const s = { singleLineSeparator: "->", singleLineReversedSeparator: "<->" };
		expect(kinds(taggedNote("`a->b` then->now", "[[x<->y]] is<->si", "<!-- a->b -->"), s)).toEqual([
			["singleline", "`a->b` then", "now"],
			["singleline-reversed", "[[x<->y]] is", "si"],
		]);
	});

	it("reads custom separators in lists, callouts and callout titles", () => {
		const s = { singleLineSeparator: "=>" };
		expect(kinds(taggedNote("- [ ] Q1 => A1", "", "> [!note] Q2 => A2", "> Q3 => A3"), s)).toEqual([
			["singleline", "Q1", "A1"],
			["singleline", "Q2", "A2"],
			["singleline", "Q3", "A3"],
		]);
	});

	it("a separator that is also a list marker is looked for after the marker", () => {
		expect(kinds(taggedNote("- Q - A", "* R * B"), { singleLineSeparator: "-", singleLineReversedSeparator: "*" })).toEqual([
			["singleline", "Q", "A"],
			["singleline-reversed", "R", "B"],
		]);
	});

	it("puts the scheduling comment after a custom separator line as before", () => {
		const [card] = cardsOf(taggedNote("Q => A", "<!--SR:!2026-03-01,3,250-->"), { singleLineSeparator: "=>" });
		expect(card.comment?.raw).toBe("<!--SR:!2026-03-01,3,250-->");
		expect(card.endLine).toBe(3);
	});
});

describe("multi-line separators", () => {
	it("reads custom line separators, trimmed, in lists and callouts too", () => {
		const s = { multiLineSeparator: "---?", multiLineReversedSeparator: "<=>" };
		expect(kinds(taggedNote("Question", "---?", "Answer", "", "Front", "  <=>  ", "Back", "", "> In a callout", "> ---?", "> out"), s)).toEqual([
			["multiline", "Question", "Answer"],
			["multiline-reversed", "Front", "Back"],
			["multiline", "In a callout", "out"],
		]);
		// The default `?` is no separator any more.
		expect(cardsOf(taggedNote("Question", "?", "Answer"), s)).toEqual([]);
	});

	it("takes the plain kind when both are equal; empty turns the kind off", () => {
		expect(kinds(taggedNote("Q", "&&&", "A"), { multiLineSeparator: "&&&", multiLineReversedSeparator: "&&&" })).toEqual([["multiline", "Q", "A"]]);
		expect(kinds(taggedNote("Q", "??", "A", "", "R", "?", "B"), { multiLineReversedSeparator: "" })).toEqual([["multiline", "R", "B"]]);
	});

	it("names the separator in the empty-question problem", () => {
		const { problems } = parse(taggedNote("&&&", "A"), { multiLineSeparator: "&&&" });
		expect(problems.map((p) => p.message)).toContain('The separator "&&&" has no question above it in its block.');
	});

	it("a line that is a single-line card is not a multi-line separator (clashing settings)", () => {
		// The multi-line separator holds the single-line one with text around it: the single-line card wins.
		const s = { singleLineSeparator: "-", multiLineSeparator: "a-b" };
		expect(kinds(taggedNote("Q", "a-b", "A"), s)).toEqual([["singleline", "a", "b"]]);
		// A single-line separator alone on a line has empty sides, so the line splits a multi-line card.
		expect(kinds(taggedNote("Q", "::", "A"), { multiLineSeparator: "::" })).toEqual([["multiline", "Q", "A"]]);
	});

	it("ends at the end marker with custom separators", () => {
		const s = { multiLineSeparator: "Answer:", endMarker: "+++" };
		expect(sides(taggedNote("Q", "Answer:", "line 1", "", "line 2", "+++", "Q2::A2"), s)).toEqual([
			["Q", "line 1\n\nline 2"],
			["Q2", "A2"],
		]);
	});
});
