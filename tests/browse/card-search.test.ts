import { describe, expect, it } from "vitest";
import { parseCardSearch, searchesText, type CardSearch } from "../../src/browse/card-search";

function parsed(expression: string): CardSearch {
	const result = parseCardSearch(expression);
	if (!result.ok) throw new Error(result.error);
	return result.search;
}

function error(expression: string): string {
	const result = parseCardSearch(expression);
	if (result.ok) throw new Error(`"${expression}" parsed`);
	return result.error;
}

describe("parseCardSearch", () => {
	it("an empty search finds every card", () => {
		expect(parsed("").groups).toEqual([]);
		expect(parsed("   ").groups).toEqual([]);
	});

	it("keeps the deck filter language: tags, status words, negation, alternatives", () => {
		const search = parsed("#space/docker -#done, new");
		expect(search.groups).toEqual([
			[
				{ negated: false, kind: "filter", term: { negated: false, kind: "tag", tag: "#space/docker" } },
				{ negated: true, kind: "filter", term: { negated: false, kind: "tag", tag: "#done" } },
			],
			[{ negated: false, kind: "filter", term: { negated: false, kind: "status", status: "new" } }],
		]);
	});

	it("reads is:, flag:, prop:, due: and rated:", () => {
		expect(parsed("is:suspended is:Leech -is:buried flag:3").groups[0]).toEqual([
			{ negated: false, kind: "is", word: "suspended" },
			{ negated: false, kind: "is", word: "leech" },
			{ negated: true, kind: "is", word: "buried" },
			{ negated: false, kind: "flag", flag: 3 },
		]);
		expect(parsed("prop:ivl>30 prop:lapses>=4 prop:ease<2.5 prop:due=-1").groups[0]).toEqual([
			{ negated: false, kind: "prop", name: "ivl", op: ">", value: 30 },
			{ negated: false, kind: "prop", name: "lapses", op: ">=", value: 4 },
			{ negated: false, kind: "prop", name: "ease", op: "<", value: 2.5 },
			{ negated: false, kind: "prop", name: "due", op: "=", value: -1 },
		]);
		expect(parsed("due:<7 due:3 rated:7").groups[0]).toEqual([
			{ negated: false, kind: "prop", name: "due", op: "<", value: 7 },
			{ negated: false, kind: "prop", name: "due", op: "<=", value: 3 },
			{ negated: false, kind: "rated", days: 7 },
		]);
	});

	it("reads free text, lower-cased, with quotes keeping spaces and commas", () => {
		const search = parsed('Docker "multi stage, build" -"old one"');
		expect(search.groups).toEqual([
			[
				{ negated: false, kind: "text", text: "docker" },
				{ negated: false, kind: "text", text: "multi stage, build" },
				{ negated: true, kind: "text", text: "old one" },
			],
		]);
		expect(searchesText(search)).toBe(true);
		expect(searchesText(parsed("is:due"))).toBe(false);
	});

	it("explains bad expressions", () => {
		expect(error("is:sleeping")).toContain("after is: write one of due, new, learning, overdue, suspended, buried, leech, flagged");
		expect(error("flag:9")).toContain("flag:0 (no flag) to flag:7");
		expect(error("prop:color>3")).toContain("Unknown property");
		expect(error("prop:ivl>>3")).toContain("needs a comparison and a number");
		expect(error("prop:ivl")).toContain("e.g. prop:ivl>=4");
		expect(error("due:soon")).toContain("due:<7");
		expect(error("rated:0")).toContain("rated:7");
		expect(error('"open')).toContain("A quote is not closed");
		expect(error("#a,,#b")).toContain("Alternative 2 of the search is empty");
		expect(error("-")).toContain('A "-" must be followed');
		expect(error("deck:x")).toContain('Unknown search key "deck:"');
		expect(error("#a#b")).toContain("is not a tag");
		expect(error('""')).toContain("Empty quotes");
	});
});
