/**
 * Compatibility with the Spaced Repetition plugin (obsidian-spaced-repetition 1.15.4): notes in
 * the forms that plugin writes (tests/compat/fixtures, written by us in our own words), and, as
 * expected values, the cards and schedules that plugin reads from them.
 *
 * The expected values were derived by running that plugin's own parser and scheduling-comment
 * reader (its NoteQuestionParser and NotesDataStore.createSchedule, bundled in a scratch harness
 * outside this repository, see docs/compatibility.md) on these fixtures with its default settings
 * and today = 2026-03-01, and then written into this file by hand. None of its code is here.
 *
 * Sides are compared as it reads them, less one presentation choice of ours (docs/format.md):
 * it keeps a list bullet, task box or callout `>` in front of a single-line card's question, we
 * show the question without it. `withoutContainer` takes that off its side before comparing.
 *
 * Forms we still read differently on purpose are not here: docs/format.md ("Differences from
 * the Spaced Repetition plugin") says why, and docs/compatibility.md counts them in real vaults.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/cards/parse";
import type { Card, CardKind } from "../../src/model/card";
import { parserSettings } from "../builders";

type Classic = { due: string; interval: number; ease: number };
type Fsrs = { due: string; interval: number; stability: number; difficulty: number; state: number; reps: number; lapses: number };
/** One sibling as it reads it: [first line (1-based), kind, sibling, question, answer, schedule]. */
type Row = [number, CardKind, number, string, string, Classic | Fsrs | null];

const sm2 = (due: string, interval: number, ease: number): Classic => ({ due, interval, ease });
const fsrs = (due: string, interval: number, stability: number, difficulty: number, state: number, reps: number, lapses: number): Fsrs => ({
	due,
	interval,
	stability,
	difficulty,
	state,
	reps,
	lapses,
});

/** What it reads from each fixture (its harness output, copied by hand). */
const EXPECTED: Record<string, Row[]> = {
	"single-line.md": [
		// next line
		[3, "singleline", 0, "Capital of Peru", "Lima", sm2("2026-03-10", 9, 250)],
		// same line
		[6, "singleline", 0, "Longest river in Africa", "the Nile", sm2("2026-03-04", 3, 230)],
		// a block id, the comment on the next line (as it writes a card with a block id)
		[8, "singleline", 0, "Boiling point of water at sea level", "100 °C", sm2("2026-04-01", 31, 270)],
		// a block id, then the comment on the same line
		[11, "singleline", 0, "Freezing point of water", "0 °C", sm2("2026-03-20", 19, 250)],
		// the "new" placeholder
		[13, "singleline", 0, "Symbol of gold", "Au", null],
		// the old form without "!"
		[16, "singleline", 0, "Old comment without the bang", "kept readable", sm2("2026-03-15", 12, 210)],
		// reversed, two segments
		[19, "singleline-reversed", 0, "Hola", "Hello", sm2("2026-03-05", 4, 250)],
		[19, "singleline-reversed", 1, "Hello", "Hola", sm2("2026-03-06", 5, 270)],
		// reversed, one segment on the same line: the second sibling is new
		[22, "singleline-reversed", 0, "Gato", "Cat", sm2("2026-03-07", 6, 250)],
		[22, "singleline-reversed", 1, "Cat", "Gato", null],
		// FSRS segments, next line and same line
		[24, "singleline", 0, "Tokyo is the capital of", "Japan", fsrs("2026-03-12T08:30:00.000Z", 11, 10.5321, 5.2108, 2, 4, 1)],
		[27, "singleline", 0, "Ottawa is the capital of", "Canada", fsrs("2026-03-02T10:00:00.000Z", 1, 1.2931, 6.8134, 1, 1, 0)],
	],
	"multi-line.md": [
		[5, "multiline", 0, "What does a load balancer do?", "It spreads requests\nover several servers.", sm2("2026-03-08", 7, 250)],
		// the comment at the end of the last answer line
		[11, "multiline", 0, "Name the three states of matter", "solid, liquid and gas", sm2("2026-03-03", 2, 210)],
		[15, "multiline-reversed", 0, "Two-way fact: the smallest prime", "2", sm2("2026-03-09", 8, 250)],
		[15, "multiline-reversed", 1, "2", "Two-way fact: the smallest prime", sm2("2026-03-11", 10, 250)],
		// an answer ending in a code fence: the comment always on the next line
		[20, "multiline", 0, "How do you list files in a shell?", "```sh\nls -la\n```", sm2("2026-03-14", 13, 270)],
		// a block id on the last answer line, an FSRS segment below
		[27, "multiline", 0, "What is the speed of light?", "about 300,000 km/s", fsrs("2026-03-25T07:00:00.000Z", 24, 23.8812, 3.9015, 2, 5, 0)],
	],
	"clozes.md": [
		[3, "cloze", 0, "The [...] pumps blood around the body.", "The heart pumps blood around the body.", sm2("2026-03-05", 4, 250)],
		[3, "cloze", 1, "The heart pumps [...] around the body.", "The heart pumps blood around the body.", sm2("2026-03-06", 5, 250)],
		// same line, the second segment the placeholder
		[6, "cloze", 0, "Water is made of [...] and oxygen.", "Water is made of hydrogen and oxygen.", sm2("2026-03-07", 6, 250)],
		[6, "cloze", 1, "Water is made of hydrogen and [...].", "Water is made of hydrogen and oxygen.", null],
		// numbered groups: group 1 hides two deletions
		[8, "cloze", 0, "[...] is on the Seine, and [...] is its country.", "Paris is on the Seine, and France is its country.", sm2("2026-03-08", 7, 250)],
		[8, "cloze", 1, "Paris is on the [...], and France is its country.", "Paris is on the Seine, and France is its country.", sm2("2026-03-09", 8, 230)],
		// a hint, an FSRS segment
		[
			11,
			"cloze",
			0,
			"The [organelle] makes most of a cell's ATP.",
			"The mitochondrion makes most of a cell's ATP.",
			fsrs("2026-03-04T09:15:00.000Z", 3, 3.1262, 5.3181, 2, 2, 0),
		],
		// three siblings
		[
			14,
			"cloze",
			0,
			"A [...] has one pair of parallel sides and four corners.",
			"A trapezium has one pair of parallel sides and four corners.",
			sm2("2026-03-10", 9, 250),
		],
		[
			14,
			"cloze",
			1,
			"A trapezium has [...] pair of parallel sides and four corners.",
			"A trapezium has one pair of parallel sides and four corners.",
			sm2("2026-03-11", 10, 250),
		],
		[
			14,
			"cloze",
			2,
			"A trapezium has one pair of parallel sides and [...] corners.",
			"A trapezium has one pair of parallel sides and four corners.",
			sm2("2026-03-12", 11, 250),
		],
	],
	"lists-and-callouts.md": [
		// in a list, the comment at column 0 below (as it writes it), or on the same line
		[5, "singleline", 0, "- Largest planet", "Jupiter", sm2("2026-03-06", 5, 250)],
		[7, "singleline", 0, "- Smallest planet", "Mercury", sm2("2026-03-07", 6, 250)],
		[8, "singleline", 0, "  - Hottest planet", "Venus", sm2("2026-03-08", 7, 250)],
		[10, "singleline", 0, "1. First element", "hydrogen", sm2("2026-03-09", 8, 270)],
		[11, "singleline", 0, "- [ ] Chemical symbol of iron", "Fe", sm2("2026-03-10", 9, 250)],
		// in a callout, same line; and a callout line with the comment at column 0 below
		[17, "singleline", 0, "> Red planet", "Mars", sm2("2026-03-11", 10, 250)],
		[19, "singleline", 0, "> Ringed planet", "Saturn", sm2("2026-03-12", 11, 250)],
		// a cloze in a callout across a line of only `>`: one card, as it reads it (its sides here
		// with the `> ` of every line and the comment's emptied last line taken off)
		[22, "cloze", 0, "The [...] is\n\nthe powerhouse of the cell.", "The mitochondrion is\n\nthe powerhouse of the cell.", sm2("2026-03-05", 4, 250)],
		[22, "cloze", 1, "The mitochondrion is\n\nthe [...] of the cell.", "The mitochondrion is\n\nthe powerhouse of the cell.", sm2("2026-03-06", 5, 250)],

		// a flashcard tag after the bullet is question text there, not the card's deck
		[29, "singleline", 0, "* #flashcards/chemistry Noble gas with the lowest boiling point", "helium", sm2("2026-03-13", 12, 250)],
	],
	// Layouts its own review wrote (docs/compatibility.md, section (e)). Its sides keep the callout
	// markup of these layouts (`> ` in front of each cloze line, its `> [!sr|card-metadata]` header
	// and the `>` left of the comment line in the answer): taken off here, as for the cloze above.
	"written-by-it.md": [
		// next line under a callout cloze whose comment was `> <!--SR:…-->`: the `>` stays, the
		// comment goes to column 0 below it
		[
			5,
			"cloze",
			0,
			"Light from the [...] reaches the Earth\n\nin about eight minutes.",
			"Light from the Sun reaches the Earth\n\nin about eight minutes.",
			sm2("2026-06-03", 2, 230),
		],
		[
			5,
			"cloze",
			1,
			"Light from the Sun reaches the Earth\n\nin about [...] minutes.",
			"Light from the Sun reaches the Earth\n\nin about eight minutes.",
			sm2("2026-06-19", 18, 270),
		],
		// its callout form after a code fence (two spaces before the comment), with a block id, on a
		// reversed card (one space: a write into a callout that was already there)
		[13, "multiline", 0, "How do you print the working directory?", "```sh\npwd\n```", fsrs("2026-03-01T00:10:00.000Z", 0, 2.3065, 2.11810397, 1, 1, 0)],
		[21, "singleline", 0, "Deepest ocean", "the Pacific", sm2("2026-03-12", 11, 270)],
		[25, "multiline-reversed", 0, "Tallest mountain", "Everest", sm2("2026-03-09", 8, 250)],
		[25, "multiline-reversed", 1, "Everest", "Tallest mountain", sm2("2026-03-01", 0, 230)],
		// a list item, the comment at column 0 below it
		[33, "singleline", 0, "- Largest desert", "Antarctica", fsrs("2026-03-09T00:00:00.000Z", 8, 8.2956, 1, 2, 1, 0)],
	],
};

/** Its side without the list bullet, task box or callout markers it keeps in front. */
function withoutContainer(side: string): string {
	return side.replace(/^(\s*>)+ ?/u, "").replace(/^\s*([-*+]|\d+[.)])\s+(\[.\]\s+)?/u, "");
}

function scheduleOf(card: Card, sibling: number): Classic | Fsrs | null {
	const segment = card.siblings[sibling].segment;
	if (segment.kind !== "ok" || !segment.schedule) return null;
	const s = segment.schedule;
	if (s.type === "classic") return sm2(s.due, s.interval, s.ease);
	return fsrs(s.due, s.interval, s.stability, s.difficulty, s.state, s.reps, s.lapses);
}

/** Our reading of a fixture, in the same rows. */
function ourRows(file: string): Row[] {
	const text = readFileSync(new URL(`fixtures/${file}`, import.meta.url), "utf8");
	const note = parseNote(text, { path: `compat/${file}`, settings: parserSettings() });
	return note.cards.flatMap((card) =>
		card.siblings.map((s): Row => [card.startLine + 1, card.kind, s.index, s.question, s.answer, scheduleOf(card, s.index)]),
	);
}

describe("notes in the Spaced Repetition plugin's forms read as that plugin reads them", () => {
	for (const [file, expected] of Object.entries(EXPECTED)) {
		describe(file, () => {
			const ours = ourRows(file);

			it("has the same cards at the same lines, of the same kinds, with as many siblings", () => {
				const shape = (rows: Row[]): string[] => rows.map(([line, kind, sibling]) => `${line} ${kind} #${sibling}`);
				expect(shape(ours)).toEqual(shape(expected));
			});

			for (const row of expected) {
				const [line, kind, sibling, question, answer, schedule] = row;
				it(`line ${line} ${kind} sibling ${sibling}: same sides and schedule`, () => {
					const mine = ours.find(([l, , s]) => l === line && s === sibling);
					expect(mine, `no card of ours at line ${line}`).toBeDefined();
					const [, ourKind, , ourQuestion, ourAnswer, ourSchedule] = mine as Row;
					expect(ourKind).toBe(kind);
					expect(ourQuestion).toBe(withoutContainer(question));
					expect(ourAnswer).toBe(answer);
					expect(ourSchedule).toEqual(schedule);
				});
			}
		});
	}
});
