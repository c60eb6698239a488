/**
 * Notes written for the Spaced Repetition plugin (1.15) read as that plugin reads them, where
 * docs/format.md does not say otherwise ("Differences from the Spaced Repetition plugin"). One
 * minimal note per layout found in its parser or in real vaults.
 */
import { describe, expect, it } from "vitest";
import { taggedNote } from "../builders";
import { cardsOf, sides } from "./helpers";

describe("cloze deletions in opaque regions", () => {
	it("makes no cloze of a deletion inside a $$ block, a fence, a %% or a multi-line <!-- comment", () => {
		expect(cardsOf(taggedNote("$$", "x ==y==", "$$"))).toEqual([]);
		expect(cardsOf(taggedNote("```python", "print('==x==')", "```"))).toEqual([]);
		expect(cardsOf(taggedNote("%%", "a ==b==", "%%"))).toEqual([]);
		expect(cardsOf(taggedNote("<!--", "a ==b==", "-->"))).toEqual([]);
		expect(cardsOf(taggedNote("**x** {{y}}", "```", "**z** {{w}}", "```"), { clozeKinds: ["bold", "curly"] }).map((c) => c.siblings.length)).toEqual([2]);
	});
	it("keeps a fence after a multi-line answer's blank line out of the cards", () => {
		const found = cardsOf(taggedNote("Q", "?", "A", "", "```python", "print('==x==')", "```"));
		expect(found.map((c) => c.kind)).toEqual(["multiline"]);
	});
	it("counts only the deletions outside the opaque lines of a cloze", () => {
		expect(sides(taggedNote("text ==a==", "```", "==b==", "```", "%% ==c== %% ==d==")).map(([q]) => q)).toEqual([
			"text [...]\n```\n==b==\n```\n%% ==c== %% d",
			"text a\n```\n==b==\n```\n%% ==c== %% [...]",
		]);
	});
});
