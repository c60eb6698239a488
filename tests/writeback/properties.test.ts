import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseNote } from "../../src/cards/parse";
import { splitLines } from "../../src/cards/lines";
import type { Card } from "../../src/model/card";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import { sourceKey } from "../../src/writeback/find-card";
import { formatSegment } from "../../src/writeback/format";
import { restoreComment, writeSchedule } from "../../src/writeback/write-schedule";
import { noteArbitrary, scheduleArbitrary } from "./note-gen";
import { countComments, stripSchedulingComments } from "./strip";

const settings = DEFAULT_SETTINGS;
const parse = (text: string): Card[] => parseNote(text, { path: "deck/note.md", settings }).cards;

const answer = fc.record({ card: fc.nat(), sibling: fc.nat(), schedule: scheduleArbitrary });

describe("writeSchedule on generated notes", () => {
	it("changes only scheduling comments, keeps one per card, reads back, and undoes exactly", () => {
		fc.assert(
			fc.property(
				noteArbitrary,
				fc.array(answer, { minLength: 1, maxLength: 6 }),
				fc.constantFrom("next-line" as const, "same-line" as const),
				(note, answers, placement) => {
					const options = { path: "deck/note.md", settings, placement };
					let text = note.text;
					for (const a of answers) {
						const before = parse(text);
						if (before.length === 0) return;
						const index = a.card % before.length;
						const card = before[index];
						const sibling = a.sibling % card.siblings.length;
						const target = { source: card.source, startLine: card.startLine, sibling, siblingCount: card.siblings.length };
						const result = writeSchedule(text, target, a.schedule, options);
						if (!result.ok) throw new Error(`${result.conflict}: ${result.message}\n${JSON.stringify(text)}`);

						// Only scheduling comments changed, BOM and endings included.
						expect(stripSchedulingComments(result.text)).toBe(stripSchedulingComments(text));
						expect(countComments(result.text)).toBe(countComments(text) + (card.comment === null ? 1 : 0));

						// The same cards, the others untouched, the reviewed one with its new segment.
						const after = parse(result.text);
						// (The reviewed card's source may lose trailing spaces: the parser cuts a same-line
						// comment with the spaces before it.)
						expect(after.map((c, i) => (i === index ? sourceKey(c.source) : c.source))).toEqual(
							before.map((c, i) => (i === index ? sourceKey(c.source) : c.source)),
						);
						after.forEach((other, i) => {
							if (i === index) return;
							expect(other.comment?.raw).toBe(before[i].comment?.raw);
							expect(other.siblings.map((s) => s.segment)).toEqual(before[i].siblings.map((s) => s.segment));
						});
						const reviewed = after[index];
						expect(reviewed.comment).not.toBeNull();
						expect(result.card).toEqual({ startLine: reviewed.startLine, endLine: reviewed.endLine });
						// Exactly one comment more on the card's lines when it had none, else as many (no pile-up);
						// comment-like text inside an answer is answer text and stays.
						const linesOf = (t: string, c: Card): string =>
							splitLines(t)
								.lines.slice(c.startLine, c.endLine + 1)
								.join("\n");
						expect(countComments(linesOf(result.text, reviewed))).toBe(countComments(linesOf(text, card)) + (card.comment === null ? 1 : 0));
						reviewed.siblings.forEach((s, j) => {
							const old = card.siblings[j].segment;
							if (j === sibling) {
								expect(s.segment.kind).toBe("ok");
								if (s.segment.kind === "ok") expect(formatSegment(s.segment.schedule)).toBe(formatSegment(a.schedule));
							} else if (old.kind === "absent") {
								expect(s.segment).toEqual({ kind: "ok", schedule: null });
							} else {
								expect(s.segment).toEqual(old);
							}
						});

						// Undo gives back the exact bytes.
						const undo = restoreComment(result.text, target, result.previousComment, options);
						if (!undo.ok) throw new Error(`undo ${undo.conflict}: ${undo.message}`);
						expect(undo.text).toBe(text);
						text = result.text;
					}
				},
			),
			{ numRuns: 300 },
		);
	});
});
