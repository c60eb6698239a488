/** Notes far larger than any real one are written like any other: no recursion or spread limits. */
import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/cards/parse";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import { cardTarget, writeSchedule } from "../../src/writeback/write-schedule";

describe("a note of 200,000 identical cards", () => {
	it("writes the answered copy, found by position among all the others", () => {
		const text = "#flashcards\n\n" + "q::a\n".repeat(200_000);
		const cards = parseNote(text, { path: "n.md", settings: DEFAULT_SETTINGS }).cards;
		const result = writeSchedule(
			text,
			cardTarget(cards[150_000], 0),
			{ type: "classic", due: "2026-03-13", interval: 3, ease: 250 },
			{ path: "n.md", settings: DEFAULT_SETTINGS, placement: "next-line" },
		);
		expect(result.ok).toBe(true);
		if (result.ok) expect(result.text.split("\n")[150_002 + 1]).toBe("<!--SR:!2026-03-13,3,250-->");
	}, 60_000);
});
