/**
 * What we write is what the Spaced Repetition plugin (1.15) reads (docs/format.md, "Writing
 * back"). Its reader, described in our words: it takes the first `<!--SR:…-->` in a card's text,
 * splits it on `!`, trims each part and drops empty ones; a part starting with `fsrs,` has ten
 * comma-separated fields (due moment, interval, stability, difficulty, state, reps, lapses,
 * learning step, last review or `-`), dates as ISO 8601 moments, numbers read as decimals
 * (interval, stability, difficulty) or whole numbers. For a single-line card it looks for the
 * comment only at the end of the card's line or at the very start of the next line.
 * The same check against its own source runs outside the repository (see the compatibility notes).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseNote } from "../../src/cards/parse";
import { splitLines } from "../../src/cards/lines";
import type { FsrsSchedule } from "../../src/model/schedule";
import { Rating } from "../../src/model/schedule";
import { answer } from "../../src/schedule/scheduler";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import { formatSegment } from "../../src/writeback/format";
import { writeSchedule } from "../../src/writeback/write-schedule";
import { noteArbitrary, scheduleArbitrary } from "./note-gen";

/** The values its FSRS reader takes from the first scheduling comment of `text`, one per segment (null: not an FSRS segment it accepts). */
function readAsTheOtherPlugin(text: string): (Omit<FsrsSchedule, "type"> | null)[] {
	const inside = /<!--SR:(.+?)-->/.exec(text)?.[1];
	if (inside === undefined) return [];
	return inside
		.split("!")
		.map((part) => part.trim())
		.filter((part) => part !== "")
		.map((part) => {
			if (!part.startsWith("fsrs,")) return null;
			const [, due, interval, stability, difficulty, state, reps, lapses, step, last] = part.split(",");
			const moment = (value: string | undefined): string | null => {
				if (value === undefined || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/.test(value)) return null;
				const time = Date.parse(value);
				return Number.isNaN(time) ? null : new Date(time).toISOString();
			};
			const read = {
				due: moment(due),
				interval: Number.parseFloat(interval),
				stability: Number.parseFloat(stability),
				difficulty: Number.parseFloat(difficulty),
				state: Number.parseInt(state, 10),
				reps: Number.parseInt(reps, 10),
				lapses: Number.parseInt(lapses, 10),
				learningStep: Number.parseInt(step, 10),
				lastReview: last === "-" ? null : moment(last),
			};
			const numbers = [read.interval, read.stability, read.difficulty, read.state, read.reps, read.lapses, read.learningStep];
			if (read.due === null || (last !== "-" && read.lastReview === null) || !numbers.every(Number.isFinite) || ![0, 1, 2, 3].includes(read.state))
				return null;
			return { ...read, due: read.due, state: read.state as FsrsSchedule["state"] };
		});
}

const normal = (s: FsrsSchedule): Omit<FsrsSchedule, "type"> => ({
	due: new Date(s.due).toISOString(),
	interval: s.interval,
	stability: s.stability,
	difficulty: s.difficulty,
	state: s.state,
	reps: s.reps,
	lapses: s.lapses,
	learningStep: s.learningStep,
	lastReview: s.lastReview === null ? null : new Date(s.lastReview).toISOString(),
});

describe("the FSRS segments we write", () => {
	it("are accepted by the other plugin's reader with the values we wrote, from real answers", () => {
		const rating = fc.constantFrom(Rating.Again, Rating.Hard, Rating.Good, Rating.Easy);
		fc.assert(
			fc.property(fc.array(fc.record({ rating, minutes: fc.integer({ min: 1, max: 60 * 24 * 400 }) }), { minLength: 1, maxLength: 12 }), (answers) => {
				let now = Date.UTC(2026, 0, 1, 9);
				let segment = { kind: "ok" as const, schedule: null as FsrsSchedule | null };
				for (const a of answers) {
					now += a.minutes * 60_000;
					const next = answer(segment, a.rating, new Date(now), DEFAULT_SETTINGS, { cardKey: "n.md:0:0" });
					if (next.type !== "fsrs") throw new Error("FSRS is the default algorithm");
					expect(readAsTheOtherPlugin(`<!--SR:${formatSegment(next)}-->`)).toEqual([normal(next)]);
					segment = { kind: "ok", schedule: next };
				}
			}),
			{ numRuns: 200 },
		);
	});

	it("are accepted beside other segments, for any schedule we can write", () => {
		const fsrs = scheduleArbitrary.filter((s): s is FsrsSchedule => s.type === "fsrs");
		fc.assert(
			fc.property(fc.array(fsrs, { minLength: 1, maxLength: 3 }), (schedules) => {
				const comment = `<!--SR:${schedules.map(formatSegment).join("")}-->`;
				expect(readAsTheOtherPlugin(comment)).toEqual(schedules.map(normal));
			}),
		);
	});
});

describe("where a new comment of a single-line card goes by default", () => {
	it("is a place the other plugin reads: the end of the card's line, or the start of the next line", () => {
		fc.assert(
			fc.property(noteArbitrary, fc.nat(), (note, pick) => {
				const options = { path: "deck/note.md", settings: DEFAULT_SETTINGS, placement: DEFAULT_SETTINGS.commentPlacement };
				const cards = parseNote(note.text, options).cards.filter((c) => c.comment === null && c.kind.startsWith("singleline"));
				if (cards.length === 0) return;
				const card = cards[pick % cards.length];
				const schedule = answer({ kind: "absent" }, Rating.Good, new Date("2026-03-01T10:00:00Z"), DEFAULT_SETTINGS, { cardKey: "k" });
				const result = writeSchedule(
					note.text,
					{ source: card.source, startLine: card.startLine, sibling: 0, siblingCount: card.siblings.length },
					schedule,
					options,
				);
				if (!result.ok) return;
				const written = result.note.cards.find((c) => c.startLine === card.startLine);
				const at = written?.comment;
				expect(at).toBeDefined();
				if (!at) return;
				const line = splitLines(result.text).lines[at.line];
				const onItsLine = at.line === card.startLine && line.slice(at.end).trim() === "";
				const startOfNext = at.line === card.startLine + 1 && at.start === 0;
				expect(onItsLine || startOfNext, JSON.stringify(line)).toBe(true);
			}),
			{ numRuns: 300 },
		);
	});
});
