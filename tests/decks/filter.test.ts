import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { matchesFilter, parseFilter, type Filter } from "../../src/decks/filter";

function parsed(expression: string): Filter {
	const result = parseFilter(expression);
	if (!result.ok) throw new Error(result.error);
	return result.filter;
}

describe("parseFilter", () => {
	it("reads AND within a group, OR between groups, negation and status words", () => {
		expect(parsed("#space/Docker -#done-space, #k8s DUE").groups).toEqual([
			[
				{ negated: false, kind: "tag", tag: "#space/docker" },
				{ negated: true, kind: "tag", tag: "#done-space" },
			],
			[
				{ negated: false, kind: "tag", tag: "#k8s" },
				{ negated: false, kind: "status", status: "due" },
			],
		]);
	});

	it.each([
		["", /empty/],
		["   ", /empty/],
		["#a,,#b", /Alternative 2 .* empty/],
		["#a,", /Alternative 2 .* empty/],
		["-", /"-" must be followed/],
		["#", /"#" must be followed/],
		["space", /Unknown word "space".*#space/],
		["#a#b", /not a tag/],
	])("explains what is wrong with %j", (expression, message) => {
		const result = parseFilter(expression);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toMatch(message);
	});

	it("never throws, whatever the input", () => {
		fc.assert(
			fc.property(fc.string(), (text) => {
				const result = parseFilter(text);
				expect(typeof result.ok).toBe("boolean");
			}),
		);
	});

	it("refuses more than 31 distinct tags", () => {
		const many = Array.from({ length: 32 }, (_, i) => `#t${i}`).join(" ");
		expect(parseFilter(many).ok).toBe(false);
		expect(parseFilter(many.replace("#t31", "#t0")).ok).toBe(true);
	});
});

describe("matchesFilter", () => {
	const subject = (tags: string[], status: "new" | "learning" | "due" | "later" = "new", overdue = false) => ({ tags, status, overdue });

	it("matches tags with their sub-tags, ignoring case, but not look-alikes", () => {
		const filter = parsed("#space");
		expect(matchesFilter(filter, subject(["Space/Docker"]))).toBe(true);
		expect(matchesFilter(filter, subject(["#spaced"]))).toBe(false);
		expect(matchesFilter(filter, subject(["#done-space"]))).toBe(false);
	});

	it("combines AND, OR and NOT", () => {
		const filter = parsed("#space/docker -#done-space, #k8s");
		expect(matchesFilter(filter, subject(["space/docker"]))).toBe(true);
		expect(matchesFilter(filter, subject(["space/docker", "#done-space"]))).toBe(false);
		expect(matchesFilter(filter, subject(["space/docker", "#done-space", "#k8s"]))).toBe(true);
		expect(matchesFilter(filter, subject(["#other"]))).toBe(false);
	});

	it("reads status words per sibling; overdue is a due review from before today", () => {
		expect(matchesFilter(parsed("due"), subject([], "due"))).toBe(true);
		expect(matchesFilter(parsed("overdue"), subject([], "due", false))).toBe(false);
		expect(matchesFilter(parsed("overdue"), subject([], "due", true))).toBe(true);
		expect(matchesFilter(parsed("new, learning"), subject([], "learning"))).toBe(true);
		expect(matchesFilter(parsed("-new"), subject([], "new"))).toBe(false);
	});
});
