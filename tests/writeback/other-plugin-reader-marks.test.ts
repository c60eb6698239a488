/**
 * Comments with marks (docs/format.md, "Suspended and flagged cards") read by the Spaced
 * Repetition plugin (1.15.4) as the same schedules. Its reader, described in our words from its
 * source: it takes the first `<!--SR:…-->` of a card's text (on one line), splits the inside on
 * `!`, trims each part and drops empty ones, one schedule per part in order. A part starting with
 * `fsrs,` is split on `,` and fields 1–9 are read (due and last review as moments, `-` = never;
 * interval, stability, difficulty with parseFloat; state, reps, lapses, step with parseInt); any
 * other part is split on `,` and fields 0–2 are read (a date, then parseInt of interval and
 * ease); a date of 2000-01-01 or one it cannot read gives no schedule, i.e. a new card. Sibling i
 * takes schedule i; schedules past the last sibling are dropped; a sibling without one is new.
 * Fields after those it reads are not looked at.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseNote } from "../../src/cards/parse";
import type { Card } from "../../src/model/card";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import { applyCardAction } from "../../src/writeback/card-actions";
import { formatComment, formatSegment } from "../../src/writeback/format";
import { writeSchedule } from "../../src/writeback/write-schedule";
import { actionArbitrary, stepArbitrary } from "./action-gen";
import { noteArbitrary } from "./note-gen";

type Read = { fsrs: (string | number | null)[] } | { classic: [string, number, number] } | null;

/** The schedules its reader takes from a card's text, one per sibling (null = a new card). */
function readAsTheOtherPlugin(cardText: string, siblings: number): Read[] {
	const inside = /<!--SR:(.+?)-->/m.exec(cardText)?.[1];
	const parts =
		inside === undefined
			? []
			: inside
					.split("!")
					.map((p) => p.trim())
					.filter((p) => p.length > 0);
	const read = parts.map((part): Read => {
		const fields = part.split(",");
		if (part.startsWith("fsrs,")) {
			const [, due, interval, stability, difficulty, state, reps, lapses, step, last] = fields;
			const moment = (v: string | undefined) => (v === undefined || Number.isNaN(Date.parse(v)) ? null : new Date(v).toISOString());
			if (moment(due) === null) return null;
			return {
				fsrs: [
					moment(due),
					Number.parseFloat(interval),
					Number.parseFloat(stability),
					Number.parseFloat(difficulty),
					Number.parseInt(state, 10),
					Number.parseInt(reps, 10),
					Number.parseInt(lapses, 10),
					Number.parseInt(step, 10),
					last === "-" ? null : moment(last),
				],
			};
		}
		const [due, interval, ease] = fields;
		if (!/^\d{4}-\d{2}-\d{2}$/.test(due) || due === "2000-01-01") return null;
		return { classic: [due, Number.parseInt(interval, 10), Number.parseInt(ease, 10)] };
	});
	return Array.from({ length: siblings }, (_, i) => read[i] ?? null);
}

/** What the card's text says to that reader when the segments hold our schedules without marks. */
function unmarkedReading(card: Card): Read[] {
	// An unreadable segment stays as written (without its marks): both readers keep it.
	const segments = card.siblings.map((s) =>
		s.segment.kind === "ok" ? formatSegment(s.segment.schedule) : s.segment.kind === "unreadable" ? `!${s.segment.raw}` : "!2000-01-01,1,250",
	);
	return readAsTheOtherPlugin(formatComment(segments), card.siblings.length);
}

const options = { path: "deck/note.md", settings: DEFAULT_SETTINGS, placement: DEFAULT_SETTINGS.commentPlacement };
const now = new Date("2026-03-01T10:00:00Z");
const parse = (text: string) => parseNote(text, { path: options.path, settings: DEFAULT_SETTINGS }).cards;
const cardText = (text: string, card: Card) =>
	text
		.split(/\r\n|\n|\r/)
		.slice(card.startLine, card.endLine + 1)
		.join("\n");

describe("comments with marks, read by the Spaced Repetition plugin's reader", () => {
	it("read a suspended new sibling as the same new card", () => {
		expect(readAsTheOtherPlugin("q::a <!--SR:!2000-01-01,1,250,s-->", 1)).toEqual([null]);
		expect(readAsTheOtherPlugin("q:::a <!--SR:!2026-02-01,4,250,f3!2000-01-01,1,250,s,f1-->", 2)).toEqual([{ classic: ["2026-02-01", 4, 250] }, null]);
	});

	it("give every schedule we hold, none new that is not, for every comment we write with marks", () => {
		let withMarks = 0;
		fc.assert(
			fc.property(noteArbitrary, fc.array(stepArbitrary, { minLength: 1, maxLength: 8 }), (note, steps) => {
				let text = note.text;
				for (const step of steps) {
					const cards = parse(text);
					if (cards.length === 0) return;
					const card = cards[step.card % cards.length];
					const sibling = step.sibling % card.siblings.length;
					const target = { source: card.source, startLine: card.startLine, sibling, siblingCount: card.siblings.length };
					const result =
						"action" in step
							? applyCardAction(text, target, step.action, options, now, DEFAULT_SETTINGS)
							: writeSchedule(text, target, step.schedule, options);
					if (!result.ok) continue;
					text = result.text;
					for (const written of parse(text)) {
						if (!written.siblings.some((s) => s.marks)) continue;
						withMarks++;
						const theirs = readAsTheOtherPlugin(cardText(text, written), written.siblings.length);
						expect(theirs).toEqual(unmarkedReading(written));
						written.siblings.forEach((s, i) => {
							const isNew = s.segment.kind !== "ok" || s.segment.schedule === null;
							if (s.segment.kind !== "unreadable") expect(theirs[i] === null, `sibling ${i}`).toBe(isNew);
						});
						// One comment, not duplicated: the segments it splits equal the ones we read.
						const inside = /<!--SR:(.+?)-->/m.exec(cardText(text, written))?.[1] ?? "";
						expect(inside.split("!").filter((p) => p.trim() !== "").length).toBe(readSegmentsCount(written, text));
					}
				}
			}),
			{ numRuns: 300 },
		);
		expect(withMarks).toBeGreaterThan(100);
	});

	it("keep a card's schedule as that reader sees it through any single action but reset, forget and set due", () => {
		fc.assert(
			fc.property(noteArbitrary, actionArbitrary, fc.nat(), (note, action, pick) => {
				if (action.kind === "reset" || action.kind === "forget" || action.kind === "set-due") return;
				const cards = parse(note.text);
				if (cards.length === 0) return;
				const card = cards[pick % cards.length];
				const target = { source: card.source, startLine: card.startLine, sibling: pick % card.siblings.length, siblingCount: card.siblings.length };
				const result = applyCardAction(note.text, target, action, options, now, DEFAULT_SETTINGS);
				if (!result.ok || result.note === null) return;
				const after = result.note.cards.find((c) => c.startLine === result.card.startLine);
				if (!after) throw new Error("card lost");
				expect(readAsTheOtherPlugin(cardText(result.text, after), after.siblings.length)).toEqual(
					readAsTheOtherPlugin(cardText(note.text, card), card.siblings.length),
				);
			}),
			{ numRuns: 300 },
		);
	});
});

/** How many segments our reader found in the card's comment (siblings plus extra ones). */
function readSegmentsCount(card: Card, text: string): number {
	const raw = card.comment?.raw ?? "";
	void text;
	return raw === ""
		? 0
		: raw
				.slice(7, -3)
				.split("!")
				.filter((p) => p.trim() !== "").length;
}
