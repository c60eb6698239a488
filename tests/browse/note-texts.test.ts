import { describe, expect, it } from "vitest";
import { siblingTexts } from "../../src/browse/note-texts";
import { parseNote } from "../../src/cards/parse";
import { cardId } from "../../src/stats/card-id";
import { parserSettings, taggedNote } from "../builders";

describe("siblingTexts", () => {
	it("gives each sibling its one-line question and answer and the log's card id", () => {
		const text = taggedNote("Capital of France:::Paris", "", "Multi", "line?", "?", "Yes,", "really");
		const cards = parseNote(text, { path: "geo.md", settings: parserSettings() }).cards;
		const texts = siblingTexts("geo.md", cards);
		expect(texts.map((card) => card.map((s) => [s.question, s.answer]))).toEqual([
			[
				["Capital of France", "Paris"],
				["Paris", "Capital of France"],
			],
			[["Multi line?", "Yes, really"]],
		]);
		expect(texts[0][1].id).toBe(cardId("geo.md", cards[0].source, 1));
		expect(texts[0][0].id).not.toBe(texts[0][1].id);
	});

	it("drops heading, bold and highlight marks from the one-line text, keeps code", () => {
		const text = taggedNote("## **Stages** and `FROM`", "?", "A ==new== __image__");
		const cards = parseNote(text, { path: "d.md", settings: parserSettings() }).cards;
		expect(siblingTexts("d.md", cards)[0][0]).toMatchObject({ question: "Stages and `FROM`", answer: "A new image" });
	});
});
