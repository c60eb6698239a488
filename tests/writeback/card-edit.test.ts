import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/cards/parse";
import { replaceCardSource } from "../../src/writeback/card-edit";
import { cardTarget } from "../../src/writeback/write-schedule";
import { SETTINGS } from "../review/fixtures";

const options = { path: "n.md", settings: SETTINGS };
const SEG = "<!--SR:!2026-03-01,3,250-->";

function edit(text: string, cardIndex: number, source: string) {
	const card = parseNote(text, options).cards[cardIndex];
	return replaceCardSource(text, cardTarget(card, 0), source, options);
}

describe("replaceCardSource", () => {
	it("keeps a comment on its own line after the new lines, and the other bytes", () => {
		const text = `#flashcards\r\nA::1\r\n${SEG}\r\nB::2\r\n`;
		const result = edit(text, 0, "A changed::1\nsecond line");
		expect(result).toEqual({ ok: true, startLine: 1, text: `#flashcards\r\nA changed::1\r\nsecond line\r\n${SEG}\r\nB::2\r\n` });
	});

	it("moves a comment at the end of the card's line to the end of the new last line", () => {
		const text = `#flashcards\nA::1 ${SEG}\nB::2`;
		expect(edit(text, 0, "A::one")).toMatchObject({ ok: true, text: `#flashcards\nA::one ${SEG}\nB::2` });
	});

	it("keeps a callout card's comment line with its prefix", () => {
		const text = `#flashcards\n> [!note]\n> A::1\n> ${SEG}\n`;
		const card = parseNote(text, options).cards[0];
		expect(card.source).toBe("> A::1");
		expect(edit(text, 0, "> A::one")).toMatchObject({ ok: true, text: `#flashcards\n> [!note]\n> A::one\n> ${SEG}\n` });
	});

	it("refuses when the card changed since it was shown", () => {
		const text = "#flashcards\nA::1\n";
		const card = parseNote(text, options).cards[0];
		const result = replaceCardSource(text.replace("A::1", "A::2"), cardTarget(card, 0), "A::3", options);
		expect(result.ok).toBe(false);
	});
});
