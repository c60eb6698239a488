/** Cards due per day (SM-2 load balancing): counted by status class, equal to counting every segment. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseNote } from "../../src/cards/parse";
import { CardIndex } from "../../src/index/card-index";
import { dueCountsByDay } from "../../src/index/due-counts";
import { dueDay } from "../../src/schedule/status";
import { noteText } from "../cards/arbitrary-note";
import { card, classic, fsrs, NEW, noteForIndex, parserSettings } from "../builders";

const settings = parserSettings({ clozeKinds: ["highlight", "curly"] });

/** The plain count: every readable segment of every card, by its due day at `hour`. */
function counted(index: CardIndex, hour: number): Map<string, number> {
	const counts = new Map<string, number>();
	for (const file of index.files()) {
		for (const c of file.readCards()) {
			for (const segment of c.segments) {
				if (segment.kind !== "ok" || segment.schedule === null) continue;
				const day = dueDay(segment.schedule, hour);
				if (day !== null) counts.set(day, (counts.get(day) ?? 0) + 1);
			}
		}
	}
	return counts;
}

const sorted = (counts: Map<string, number>) => [...counts].sort(([a], [b]) => (a < b ? -1 : 1));

describe("dueCountsByDay", () => {
	it("counts the siblings due on each day", () => {
		const index = new CardIndex({ flashcardTags: ["#space"], dayStartHour: 4 });
		index.setFile(
			"a.md",
			noteForIndex({
				cards: [card({ decks: ["space"], segments: [classic("2026-03-01"), classic("2026-03-02")] }), card({ decks: ["space"], segments: [NEW] })],
			}),
		);
		index.setFile(
			"b.md",
			noteForIndex({ cards: [card({ decks: ["space"], segments: [classic("2026-03-01"), fsrs("2026-03-05T12:00:00Z", { state: 2 })] })] }),
		);
		const counts = dueCountsByDay(index, 4);
		expect(counts.get("2026-03-01")).toBe(2);
		expect(counts.get("2026-03-02")).toBe(1);
		expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(4);
	});

	it("equals counting every segment, at the index's hour and at another", () => {
		fc.assert(
			fc.property(fc.array(noteText, { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 23 }), (bodies, hour) => {
				const index = new CardIndex({ flashcardTags: settings.flashcardTags, dayStartHour: 4 });
				bodies.forEach((body, i) => index.setFile(`${i}.md`, parseNote(`#flashcards\n${body}`, { path: `${i}.md`, settings })));
				expect(sorted(dueCountsByDay(index, 4))).toEqual(sorted(counted(index, 4)));
				expect(sorted(dueCountsByDay(index, hour))).toEqual(sorted(counted(index, hour)));
			}),
			{ numRuns: 200 },
		);
	});
});
