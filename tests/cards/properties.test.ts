/** Property tests on arbitrary notes built from the parser's hard parts. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseNote } from "../../src/cards/parse";
import { joinLines, splitLines } from "../../src/cards/lines";
import { parserSettings } from "../builders";
import { noteText } from "./arbitrary-note";

const options = fc.record({ endMarker: fc.constantFrom("", "+++"), bom: fc.boolean() });

describe("parseNote on arbitrary notes", () => {
	it("never throws; cards lie inside the file, in order, and share no line", () => {
		fc.assert(
			fc.property(noteText, options, (body, { endMarker, bom }) => {
				const text = (bom ? "\uFEFF" : "") + "#flashcards\n" + body;
				const lineCount = splitLines(text).lines.length;
				const parsed = parseNote(text, { path: "a/b.md", settings: parserSettings({ endMarker, clozeKinds: ["highlight", "curly"] }) });
				let previousEnd = -1;
				for (const card of parsed.cards) {
					expect(card.startLine).toBeGreaterThan(previousEnd);
					expect(card.endLine).toBeGreaterThanOrEqual(card.startLine);
					expect(card.endLine).toBeLessThan(lineCount);
					expect(card.siblings.length).toBeGreaterThan(0);
					if (card.comment) {
						expect(card.comment.line).toBeGreaterThanOrEqual(card.startLine);
						expect(card.comment.line).toBeLessThanOrEqual(card.endLine);
					}
					previousEnd = card.endLine;
				}
				for (const problem of parsed.problems) expect(problem.line).toBeLessThan(lineCount);
			}),
			{ numRuns: 400 },
		);
	});
	it("never throws on any string", () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 300 }), (text) => {
				const parsed = parseNote(`#flashcards\n${text}`, { path: "x.md", settings: parserSettings({ endMarker: "+++" }) });
				expect(parsed.included).toBe(true);
			}),
			{ numRuns: 300 },
		);
	});
	it("finds each card's comment text at its location", () => {
		fc.assert(
			fc.property(noteText, (body) => {
				const text = "#flashcards\n" + body;
				const { lines } = splitLines(text);
				for (const card of parseNote(text, { path: "n.md", settings: parserSettings() }).cards) {
					if (card.comment) expect(lines[card.comment.line].slice(card.comment.start, card.comment.end)).toBe(card.comment.raw);
				}
			}),
			{ numRuns: 300 },
		);
	});
	it("splitLines round-trips generated notes", () => {
		fc.assert(
			fc.property(noteText, fc.boolean(), (text, bom) => {
				const full = (bom ? "\uFEFF" : "") + text;
				expect(joinLines(splitLines(full))).toBe(full);
			}),
		);
	});
});
