/**
 * Writing a comment never changes another card, nor what the answered card is: on layouts where
 * the first placement would (a multi-line card with an empty answer becoming a cloze, a `<!--`
 * left open in a card, `-->` at a line start), the write takes the other placement or refuses,
 * and every card of the note reads as before.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/cards/parse";
import type { Card } from "../../src/model/card";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import { cardTarget, writeSchedule } from "../../src/writeback/write-schedule";
import { cardReading } from "../helpers/card-reading";
import { scheduleArbitrary } from "./note-gen";

const settings = DEFAULT_SETTINGS;
const parse = (text: string): Card[] => parseNote(text, { path: "n.md", settings }).cards;
const SCHEDULE = { type: "classic", due: "2026-03-13", interval: 3, ease: 250 } as const;

const reading = cardReading;

describe("regressions", () => {
	it("a multi-line card with an empty answer gets its comment on the next line, not on the ? line (no cloze)", () => {
		const text = "#flashcards\n\nWhat does the ==mitochondrion== do?\n?\n\nNext::card\n";
		const card = parse(text)[0];
		const result = writeSchedule(text, cardTarget(card, 0), SCHEDULE, { path: "n.md", settings, placement: "same-line" });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.text).toBe("#flashcards\n\nWhat does the ==mitochondrion== do?\n?\n<!--SR:!2026-03-13,3,250-->\n\nNext::card\n");
		expect(parse(result.text).map(reading)).toEqual(parse(text).map(reading));
	});
});

const line = fc.constantFrom(
	"Q::A",
	"Q2::A2 <!-- open",
	"Front:::Back",
	"-->Markdown::text",
	"a ==cloze== line",
	"What does the ==x== do?",
	"?",
	"??",
	"answer text",
	"<!-- open",
	"-->",
	"- Q::A",
	"> Q::A",
	"",
	"```",
	"$$",
	"%%",
	"Q::A <!--SR:!2025-01-02,3,250--> ^id",
	"Q <!--SR:!2025-01-02,3,250-->",
	"<!--SR:!2025-01-02,3,250-->$$x$$",
	"<!--SR:!2025-01-02,3,250",
	"> [!sr|card-metadata]",
	"> <!--SR:!2025-01-02,3,250-->",
	">",
	"as:$$",
	"$$x$$ <!--SR:!2025-01-02,3,250-->",
);

describe("any layout", () => {
	it("a successful write leaves every card reading as before and the answered one with its schedule", () => {
		fc.assert(
			fc.property(
				fc.array(line, { minLength: 1, maxLength: 14 }),
				fc.nat(),
				scheduleArbitrary,
				fc.constantFrom("auto" as const, "next-line" as const, "same-line" as const),
				(lines, pick, schedule, placement) => {
					const text = ["#flashcards", "", ...lines, ""].join("\n");
					const before = parse(text);
					if (before.length === 0) return;
					const index = pick % before.length;
					const result = writeSchedule(text, cardTarget(before[index], 0), schedule, { path: "n.md", settings, placement });
					if (!result.ok) return;
					const after = parse(result.text);
					expect(after.map(reading)).toEqual(before.map(reading));
					after.forEach((card, i) => {
						if (i !== index) expect(card.comment?.raw).toBe(before[i].comment?.raw);
					});
					expect(after[index].siblings[0].segment.kind).toBe("ok");
				},
			),
			{ numRuns: 3000, seed: 20261201 },
		);
	});
});
