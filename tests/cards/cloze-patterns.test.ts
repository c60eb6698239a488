/**
 * Cloze patterns in the Spaced Repetition plugin's syntax (docs/format.md, "Cloze patterns"):
 * `answer`, an optional group number (`[123;;]`) and an optional hint (`[;;hint]`) around fixed text.
 */
import { describe, expect, it } from "vitest";
import { performance } from "node:perf_hooks";
import { clozePatternsOf, LineOccurrences, matchPattern } from "../../src/cards/cloze-patterns";
import { findDeletions } from "../../src/cards/cloze";
import { taggedNote } from "../builders";
import { cardsOf, sides } from "./helpers";

const ANKI = "{{[123::]answer[::hint]}}";
const FOOTNOTE = "==answer==[^\\[hint\\]][\\[^123\\]]";
const questions = (text: string, overrides = {}) => sides(taggedNote(text), overrides).map(([q]) => q);

describe("cloze patterns", () => {
	it("reads the Anki-like pattern: numbers group, hints show", () => {
		// Its `::` clashes with the single-line separator, as in the Spaced Repetition plugin: change that first.
		const s = { clozePatterns: [ANKI], clozeKinds: [], singleLineSeparator: "=>", singleLineReversedSeparator: "<=>" };
		expect(sides(taggedNote("Brazilians speak {{1::Portuguese::language}} in {{2::Brazil}} and {{1::Brasília}}"), s)).toEqual([
			["Brazilians speak [language] in Brazil and [...]", "Brazilians speak Portuguese in Brazil and Brasília"],
			["Brazilians speak Portuguese in [...] and Brasília", "Brazilians speak Portuguese in Brazil and Brasília"],
		]);
		expect(questions("{{plain}} and {{hinted::hint}}", s)).toEqual(["[...] and hinted", "plain and [hint]"]);
	});

	it("reads a group number only right against its fixed text: spaces make it part of the answer, as its (\\d+) does", () => {
		// Its harness reads `== 1;;p== and ==1 ;;q== and == 2 ;;r==` as three deletions with hints p, q, r.
		expect(sides(taggedNote("== 1;;p== and ==1 ;;q== and == 2 ;;r=="))).toEqual([
			["[p] and 1  and  2", "1 and 1  and  2"],
			["1 and [q] and  2", "1 and 1  and  2"],
			["1 and 1  and [r]", "1 and 1  and  2"],
		]);
		expect(questions("==1;;a== ==2;;b==")).toEqual(["[...] b", "a [...]"]);
	});

	it("with the default separators a `::` inside the Anki-like pattern makes a single-line card, as in the other plugin", () => {
		const [card] = cardsOf(taggedNote("Brazilians speak {{1::Portuguese}}"), { clozePatterns: [ANKI], clozeKinds: [] });
		expect([card.kind, card.front, card.back]).toEqual(["singleline", "Brazilians speak {{1", "Portuguese}}"]);
	});

	it("reads the footnote pattern: the hint and the number follow the deletion", () => {
		const s = { clozePatterns: [FOOTNOTE], clozeKinds: [] };
		expect(sides(taggedNote("Brazilians speak ==Portuguese==^[language][^1] in ==Brazil==[^2], ==really==^[adverb]"), s)).toEqual([
			["Brazilians speak [language] in Brazil, really", "Brazilians speak Portuguese in Brazil, really"],
			["Brazilians speak Portuguese in [...], really", "Brazilians speak Portuguese in Brazil, really"],
			["Brazilians speak Portuguese in Brazil, [adverb]", "Brazilians speak Portuguese in Brazil, really"],
		]);
	});

	it("reads custom patterns and several patterns at once; one number groups across patterns", () => {
		const s = { clozePatterns: ["<<[123|]answer[|hint]>>", "==[123;;]answer[;;hint]=="], clozeKinds: [] };
		expect(questions("<<1|a>> ==1;;b== <<c|letter>> ==d==", s)).toEqual(["[...] [...] c d", "a b [letter] d", "a b c [...]"]);
		// Deletions without a number follow the groups in the order of the patterns, not of the text.
		expect(questions("==d== <<c>> ==1;;b==", s)).toEqual(["d c [...]", "d [...] b", "[...] c b"]);
	});

	it("the standard patterns read as the cloze switches always did", () => {
		const text = "==1;;a== and ==1;;b== then ==2;;c;;letter== and ==d;;hint== **e** {{f}}";
		expect(sides(taggedNote(text), { clozeKinds: ["highlight", "bold", "curly"], clozePatterns: [] })).toEqual(
			sides(taggedNote(text), { clozeKinds: [], clozePatterns: ["==[123;;]answer[;;hint]==", "**[123;;]answer[;;hint]**", "{{[123;;]answer[;;hint]}}"] }),
		);
		expect(questions("==a== **b**", { clozePatterns: [], clozeKinds: [] })).toEqual([]);
	});

	it("leaves out patterns that cannot be read, and text that does not complete a pattern", () => {
		expect(clozePatternsOf({ clozePatterns: ["==answer==", "[[answer]]", ANKI], clozeKinds: [] }).map((p) => p.opener)).toEqual(["{{"]);
		const s = { clozePatterns: ["<<answer>>![123][(hint)]"], clozeKinds: [] };
		// The answer runs to the first `>>!`, as the pattern's own regular expression would take it.
		// Group 1 is the first sibling, the deletion without a number follows it.
		expect(questions("<<a>> <<b>>! <<c>>!1", s)).toEqual(["a>> <<b [...]", "[...] c"]);
		expect(questions("<<c>>!1(hint) and <<a>>", s)).toEqual(["[hint] and <<a>>"]);
	});

	it("an answer never holds its closing text, is never blank, and stays on one line", () => {
		const patterns = clozePatternsOf({ clozePatterns: [ANKI], clozeKinds: [] });
		const texts = (line: string) => findDeletions(line, patterns).map((d) => d.text);
		expect(texts("{{a}}b}} {{ }} {{c\nd}} {{e}}")).toEqual(["a", "e"]);
		const [pattern] = patterns;
		expect(matchPattern(pattern, "{{1::x::y}}", 0, new LineOccurrences("{{1::x::y}}"))).toEqual({ end: 11, text: "x", hint: "y", number: "1" });
	});

	it("takes linear time on lines full of openers that never close", () => {
		const patterns = clozePatternsOf({ clozePatterns: [ANKI, FOOTNOTE, "**[123;;]answer[;;hint]**"], clozeKinds: [] });
		const time = (n: number): number => {
			const lines = ["{{".repeat(n), "==a== ".repeat(n), "{{1::".repeat(n) + "}}", "**".repeat(n) + "x"];
			let best = Infinity;
			for (let run = 0; run < 3; run++) {
				const start = performance.now();
				for (const line of lines) findDeletions(line, patterns);
				best = Math.min(best, performance.now() - start);
			}
			return best;
		};
		time(5_000);
		const small = time(25_000);
		const large = time(100_000);
		// Four times the input: linear work takes about four times as long, quadratic sixteen.
		expect(large / Math.max(small, 1)).toBeLessThan(9);
	});
});
