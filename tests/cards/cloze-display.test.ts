import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clozeSides, findDeletions } from "../../src/cards/cloze";
import { CLOZE_MARKS, clozeDisplay, withoutClozeMarks } from "../../src/cards/cloze-display";
import { clozePatternsOf } from "../../src/cards/cloze-patterns";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";

const PATTERNS = clozePatternsOf(DEFAULT_SETTINGS);
const [A, Z] = CLOZE_MARKS.answer;
const [G, g] = CLOZE_MARKS.gap;
const [H, h] = CLOZE_MARKS.hint;

function display(text: string, sibling: number) {
	const sides = clozeSides(text, findDeletions(text, PATTERNS));
	return clozeDisplay(text, PATTERNS, sibling, sides[sibling]);
}

describe("a cloze as the review shows it", () => {
	it("marks the gap in the question and this sibling's words in the answer, the others plain", () => {
		expect(display("The ==mitochondria== is the ==powerhouse== of the cell", 0)).toEqual({
			question: `The ${G}[...]${g} is the powerhouse of the cell`,
			answer: `The ${A}mitochondria${Z} is the powerhouse of the cell`,
		});
	});

	it("a group's hint is marked as a hint; both words of the group are revealed in place", () => {
		expect(display("==1;;Paris;;city== is the capital of ==1;;France== and ==2;;Rome== of Italy", 0)).toEqual({
			question: `${H}[city]${h} is the capital of ${G}[...]${g} and Rome of Italy`,
			answer: `${A}Paris${Z} is the capital of ${A}France${Z} and Rome of Italy`,
		});
	});

	it("gives up (null) when the card's own sides differ, or the text holds a mark already", () => {
		expect(clozeDisplay("a ==b== c", PATTERNS, 0, { question: "other", answer: "a b c" })).toBeNull();
		expect(display(`a ==b== c${A}`, 0)).toBeNull();
	});

	it("gives up (null) when a deletion of only spaces ends the text: its marks would keep what the sides trim", () => {
		const text = "==== ==";
		clozeSides(text, findDeletions(text, PATTERNS)).forEach((side, i) => {
			const shown = clozeDisplay(text, PATTERNS, i, side);
			if (shown !== null) expect(withoutClozeMarks(shown.answer)).toBe(side.answer);
		});
	});

	it("without its marks, reads exactly as the parser's sides (any text, any sibling)", () => {
		const piece = fc.constantFrom("==", ";;", "1;;", "2;;", "word", " ", "`", "x", "\n", "[", "]");
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
				const text = pieces.join("").trim();
				const sides = clozeSides(text, findDeletions(text, PATTERNS));
				sides.forEach((side, i) => {
					const shown = clozeDisplay(text, PATTERNS, i, side);
					if (shown === null) return;
					expect(withoutClozeMarks(shown.question)).toBe(side.question);
					expect(withoutClozeMarks(shown.answer)).toBe(side.answer);
				});
			}),
		);
	});
});
