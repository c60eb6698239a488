import { describe, expect, it } from "vitest";
import { addExtraNew, deckKeyOf, extraNewFor, extraNewOn } from "../../src/review/extra-new";

describe("extra new cards today", () => {
	it("adds up raises of the same day and forgets those of another day", () => {
		const first = addExtraNew(undefined, "#Space/Docker", 5, "2026-03-10");
		expect(first).toEqual({ day: "2026-03-10", decks: { "space/docker": 5 } });
		const second = addExtraNew(first, "space/docker/", 3, "2026-03-10");
		expect(second.decks).toEqual({ "space/docker": 8 });
		expect(addExtraNew(second, "misc", 2, "2026-03-11")).toEqual({ day: "2026-03-11", decks: { misc: 2 } });
		expect(extraNewOn(second, "2026-03-11")).toEqual({});
	});

	it("reads nothing from local state in a form it did not write", () => {
		for (const stored of [null, 3, "x", { day: "2026-03-10" }, { day: "2026-03-10", decks: null }]) expect(extraNewOn(stored, "2026-03-10")).toEqual({});
		expect(extraNewOn({ day: "2026-03-10", decks: { a: -1, b: 2.5, c: "4", d: 4 } }, "2026-03-10")).toEqual({ d: 4 });
	});

	it("a raise holds for the deck and its sub-decks, not for decks that only share a prefix; all cards raise every deck", () => {
		const extra = { space: 2, "space/docker": 3 };
		expect(extraNewFor(extra, "space")).toBe(2);
		expect(extraNewFor(extra, "space/docker/build")).toBe(5);
		expect(extraNewFor(extra, "spaceship")).toBe(0);
		expect(extraNewFor({ [deckKeyOf(undefined)]: 4 }, "misc")).toBe(4);
	});
});
