/**
 * The promise behind every write, tried on random vaults as an attacker would: notes in every
 * layout, UTF-8 with and without a BOM, Latin-1, Windows-1252 and invalid bytes; random answers,
 * skips and undos; another program editing the note between question and answer. After every
 * step, no byte outside scheduling comments changed but the other program's own edits, a note
 * that is not UTF-8 is untouched, and every card of every note reads as before.
 *
 * Seeded and bounded for CI; `npm run fuzz -- --runs N` runs it longer and prints the figures.
 */
import fc from "fast-check";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseArgs } from "../../src/cli/args";
import { DiskNotes } from "../../src/cli/disk-notes";
import { loadIndex } from "../../src/cli/load-index";
import { parseNote } from "../../src/cards/parse";
import type { Card } from "../../src/model/card";
import { Rating } from "../../src/model/schedule";
import { ReviewController } from "../../src/review/controller";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import { noteArbitrary } from "../writeback/note-gen";
import { stripSchedulingComments } from "../writeback/strip";

const RUNS = Number(process.env.FUZZ_RUNS ?? 250);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const figures = { runs: 0, notes: 0, steps: 0, answers: 0, saved: 0, stale: 0, unsaved: 0, undos: 0, externalEdits: 0 };
const dirs: string[] = [];

afterAll(() => {
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
	console.log(`fuzz: ${JSON.stringify(figures)}`);
});

type Encoding = "utf8" | "utf8-bom" | "latin1" | "cp1252" | "invalid";
const encoding = fc.constantFrom<Encoding>("utf8", "utf8", "utf8", "utf8-bom", "latin1", "cp1252", "invalid");

/** The bytes of `text` in `encoding`; the non-UTF-8 ones carry bytes that are not UTF-8. */
function encode(text: string, as: Encoding): Buffer {
	if (as === "utf8") return Buffer.from(text, "utf8");
	if (as === "utf8-bom") return Buffer.from(`\uFEFF${text}`, "utf8");
	const accented = `${text}\nCafé £5 naïve\n`;
	if (as === "latin1") return Buffer.from(accented, "latin1");
	if (as === "cp1252") return Buffer.concat([Buffer.from(accented, "latin1"), Buffer.from([0x93, 0x80, 0x94, 0x0a])]);
	return Buffer.concat([Buffer.from(text, "utf8"), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x0a])]);
}

type Step = { kind: "answer"; rating: Rating } | { kind: "skip" } | { kind: "undo" } | { kind: "append"; line: string } | { kind: "reschedule" };
const step: fc.Arbitrary<Step> = fc.oneof(
	{ weight: 6, arbitrary: fc.constantFrom(Rating.Again, Rating.Hard, Rating.Good, Rating.Easy).map((rating) => ({ kind: "answer" as const, rating })) },
	{ weight: 1, arbitrary: fc.constant({ kind: "skip" as const }) },
	{ weight: 2, arbitrary: fc.constant({ kind: "undo" as const }) },
	{ weight: 1, arbitrary: fc.constantFrom("appended by a sync client", "another::card", "- a list item").map((line) => ({ kind: "append" as const, line })) },
	{ weight: 1, arbitrary: fc.constant({ kind: "reschedule" as const }) },
);

/** What a reader sees of the cards (comments aside). */
const readings = (text: string, path: string) =>
	parseNote(text, { path, settings: DEFAULT_SETTINGS }).cards.map((card: Card) => ({
		kind: card.kind,
		front: card.front,
		back: card.back,
		decks: card.decks,
		sides: card.siblings.map((s) => [s.question, s.answer]),
	}));

describe("review fuzz", () => {
	it(`keeps every byte and every card over ${RUNS} random vaults`, async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.tuple(noteArbitrary, encoding), { minLength: 1, maxLength: 3 }),
				fc.array(step, { minLength: 1, maxLength: 12 }),
				async (notes, steps) => {
					figures.runs++;
					const dir = mkdtempSync(join(tmpdir(), "sn-fuzz-"));
					dirs.push(dir);
					/** Per note: its path, encoding, and the text expected outside comments (updated by external edits). */
					const files = notes.map(([note, as], i) => {
						const path = join(dir, `note-${i}.md`);
						const bytes = encode(note.text, as);
						writeFileSync(path, bytes);
						return { path, name: `note-${i}.md`, as, bytes, text: note.text };
					});
					figures.notes += files.length;
					const loaded = loadIndex(parseArgs([dir], [], []), { cwd: dir, stdout: () => {}, stderr: () => {} });
					const store = new DiskNotes(loaded.vault);
					let clock = Date.parse("2026-03-10T10:00:00Z");
					const settings = { ...DEFAULT_SETTINGS, deterministicOrder: true };
					const controller = new ReviewController(
						{ settings: () => settings, index: () => loaded.index, notes: store, now: () => new Date(clock), notify: () => {} },
						{ title: "All cards" },
					);
					await controller.load();
					const utf8 = (as: Encoding) => as === "utf8" || as === "utf8-bom";
					const check = () => {
						for (const file of files) {
							const now = readFileSync(file.path);
							if (!utf8(file.as)) {
								expect(now.equals(file.bytes), `${file.name} (${file.as}) changed`).toBe(true);
								continue;
							}
							// Decoded as Node does (a BOM stays a character), as the expected text was made.
							const text = (file.as === "utf8-bom" ? now.subarray(3) : now).toString("utf8");
							expect(stripSchedulingComments(text)).toBe(stripSchedulingComments(file.text));
							expect(readings(text, file.name)).toEqual(readings(file.text, file.name));
							if (file.as === "utf8-bom") expect(now.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
						}
					};
					for (const s of steps) {
						figures.steps++;
						clock += 61_000;
						const state = controller.state();
						const shown = state.card;
						if (s.kind === "answer") {
							if (state.phase !== "question" && state.phase !== "answer") continue;
							controller.reveal();
							figures.answers++;
							const outcome = await controller.answer(s.rating);
							if (outcome === "saved") figures.saved++;
							else if (outcome === "stale") figures.stale++;
							else if (outcome === "unsaved") figures.unsaved++;
						} else if (s.kind === "skip") controller.skip();
						else if (s.kind === "undo") {
							if (await controller.undo()) figures.undos++;
						} else if (shown) {
							// Another program edits the note of the card shown, between question and answer.
							const file = files.find((f) => f.name === shown.path);
							if (!file || !utf8(file.as)) continue;
							figures.externalEdits++;
							const current = readFileSync(file.path, "utf8");
							let next: string;
							if (s.kind === "append") {
								// A paragraph of its own, so it does not join the last card's answer.
								next = `${current}\n\n${s.line}\n`;
								file.text = `${file.text}\n\n${s.line}\n`;
							} else {
								// Another device answers every card: every comment gets another schedule.
								// (A comment-like text inside an answer is answer text: the expected text changes with it.)
								next = current.replace(/<!--SR:[^>]*?-->/g, "<!--SR:!2026-04-01,20,270-->");
								file.text = file.text.replace(/<!--SR:[^>]*?-->/g, "<!--SR:!2026-04-01,20,270-->");
							}
							writeFileSync(file.path, next);
							file.bytes = Buffer.from(next, "utf8");
						}
						check();
					}
					await store.close();
				},
			),
			{ numRuns: RUNS, seed: SEED },
		);
	}, 600_000);
});
