/**
 * Writing into the layouts the Spaced Repetition plugin writes (docs/format.md, "Where a card's
 * comment is read"): the comment it wrote is replaced where it stands, with what follows it, and
 * a second comment is never added.
 */
import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/cards/parse";
import type { Card } from "../../src/model/card";
import { DEFAULT_SETTINGS, type ParserSettings } from "../../src/settings/settings";
import { cardTarget, restoreComment, writeSchedule } from "../../src/writeback/write-schedule";
import { classicSchedule } from "../builders";

const settings: ParserSettings = DEFAULT_SETTINGS;
const OLD = "<!--SR:!2025-05-01,3,250-->";
const NEW = "<!--SR:!2026-01-04,3,250-->";
const schedule = classicSchedule({ due: "2026-01-04", interval: 3, ease: 250 });
const cardsOf = (text: string): Card[] => parseNote(text, { path: "n.md", settings }).cards;

/** Reviews card `index` of the note made of `lines` in both placements; the result must be the same and undo exact. */
function review(lines: string[], index = 0): string {
	const text = ["#flashcards", "", ...lines, ""].join("\n");
	const results = (["next-line", "same-line"] as const).map((placement) => {
		const options = { path: "n.md", settings, placement };
		const card = cardsOf(text)[index];
		const result = writeSchedule(text, cardTarget(card, 0), schedule, options);
		if (!result.ok) throw new Error(`${result.conflict}: ${result.message}`);
		const undo = restoreComment(result.text, cardTarget(cardsOf(result.text)[index], 0), result.previousComment, options);
		expect(undo.ok && undo.text).toBe(text);
		return result.text;
	});
	expect(results[1]).toBe(results[0]);
	return results[0].split("\n").slice(2, -1).join("\n");
}

describe("a comment the plugin wrote is replaced in place", () => {
	it("before a block id, on a single-line card, a multi-line answer and a cloze line", () => {
		expect(review([`Q1::A1 ${OLD} ^abc123`])).toBe(`Q1::A1 ${NEW} ^abc123`);
		expect(review(["Q", "?", "A1", `A2 ${OLD} ^abc123`])).toBe(`Q\n?\nA1\nA2 ${NEW} ^abc123`);
		expect(review([`a ==b== ${OLD} ^abc123`])).toBe(`a ==b== ${NEW} ^abc123`);
	});
	it("at the end of a multi-line card's question line", () => {
		expect(review([`Q ${OLD}`, "?", "A"])).toBe(`Q ${NEW}\n?\nA`);
	});
	it("above a heading, before math, and before a no-break space", () => {
		expect(review(["Q", "?", "A", OLD, "## Next"])).toBe(`Q\n?\nA\n${NEW}\n## Next`);
		expect(review(["Q", "?", "A", `${OLD}$$x$$`])).toBe(`Q\n?\nA\n${NEW}$$x$$`);
		expect(review(["Q::A", `${OLD}\u00a0`])).toBe(`Q::A\n${NEW}\u00a0`);
	});
	it("at column 0 below a callout cloze and the `>` line its next-line write leaves", () => {
		expect(review(["> a ==b==", ">", "> c", ">", OLD])).toBe(`> a ==b==\n>\n> c\n>\n${NEW}`);
	});
});

describe("the 1.15 callout form", () => {
	it("gets its comment replaced inside the callout, never a second one", () => {
		expect(review(["Q1::A1", "> [!sr|card-metadata] ", `> ${OLD}`])).toBe(`Q1::A1\n> [!sr|card-metadata] \n> ${NEW}`);
		expect(review(["Q", "?", "A", "> [!sr|card-metadata] ", `> ${OLD}`])).toBe(`Q\n?\nA\n> [!sr|card-metadata] \n> ${NEW}`);
		expect(review(["a ==b==", "> [!sr|card-metadata] ", `> ${OLD}`])).toBe(`a ==b==\n> [!sr|card-metadata] \n> ${NEW}`);
		expect(review(["Q1::A1 ^abc123", "> [!sr|card-metadata] ", `>  ${OLD} ^abc123`])).toBe(`Q1::A1 ^abc123\n> [!sr|card-metadata] \n>  ${NEW} ^abc123`);
	});
});

describe("an unterminated comment", () => {
	it("is replaced by a whole comment", () => {
		expect(review(["Q::A <!--SR:!2023-09-02,4,270"])).toBe(`Q::A ${NEW}`);
		expect(review(["Q", "?", "A", "<!--SR:!2023-09-02,4,270 "])).toBe(`Q\n?\nA\n${NEW} `);
	});
});

describe("display math", () => {
	it("keeps a comment after a one-line $$…$$ answer where it is", () => {
		expect(review(["Q", "?", `$$x^2$$ ${OLD}`])).toBe(`Q\n?\n$$x^2$$ ${NEW}`);
	});
	it("replaces the comment below a math block opened at the end of a line", () => {
		expect(review(["Q", "?", "as:$$", "  x^2", "  $$", OLD])).toBe(`Q\n?\nas:$$\n  x^2\n  $$\n${NEW}`);
	});
});
