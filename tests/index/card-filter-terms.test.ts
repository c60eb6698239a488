import { describe, expect, it } from "vitest";
import { matchesCardFilter, parseCardFilter, type CardFilter, type SiblingFacts } from "../../src/index/card-filter-terms";

const base: SiblingFacts = {
	tags: ["space/docker", "#todo"],
	status: "due",
	overdue: false,
	scheduleStatus: "due",
	suspended: false,
	buried: false,
	leech: false,
	flag: 0,
	lapses: 0,
	interval: 10,
};

function filter(expression: string): CardFilter {
	const parsed = parseCardFilter(expression);
	if (!parsed.ok) throw new Error(parsed.error);
	return parsed.filter;
}

describe("card filter terms", () => {
	it("evaluate is:, flag: and prop: with deck filter words, negation and alternatives", () => {
		const cases: [string, Partial<SiblingFacts>, boolean][] = [
			["is:suspended", { suspended: true, status: "later" }, true],
			["is:suspended", {}, false],
			["-is:suspended due", {}, true],
			["is:suspended prop:lapses>=4", { suspended: true, lapses: 4 }, true],
			["is:suspended prop:lapses>=4", { suspended: true, lapses: 3 }, false],
			["prop:ivl>30", { interval: 31 }, true],
			["prop:ivl>30", { interval: 30 }, false],
			["flag:3", { flag: 3 }, true],
			["flag:0", { flag: 3 }, false],
			["is:flagged", { flag: 1 }, true],
			["is:leech, is:buried", { buried: true }, true],
			["#space is:new", { scheduleStatus: "new" }, true],
			["#k8s is:new", { scheduleStatus: "new" }, false],
			["is:due", { suspended: true, status: "later" }, true],
			["due", { suspended: true, status: "later" }, false],
		];
		for (const [expression, facts, expected] of cases) expect(matchesCardFilter(filter(expression), { ...base, ...facts }), expression).toBe(expected);
	});

	it("says what is wrong with a bad term, and whether lapses are needed", () => {
		for (const bad of ["is:frozen", "flag:9", "prop:ease>2", "prop:lapses>>2", "", "is:new,", "#a b"]) expect(parseCardFilter(bad).ok, bad).toBe(false);
		expect(filter("is:leech").needsLapses).toBe(true);
		expect(filter("is:new flag:1").needsLapses).toBe(false);
	});
});
