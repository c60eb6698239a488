import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseNote } from "../../src/cards/parse";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import { applyCardAction, type CardAction } from "../../src/writeback/card-actions";
import { cardTarget, restoreComment, writeSchedule, type CardTarget } from "../../src/writeback/write-schedule";
import { stepArbitrary } from "./action-gen";
import { noteArbitrary } from "./note-gen";
import { stripSchedulingComments } from "./strip";

const options = { path: "deck/note.md", settings: DEFAULT_SETTINGS, placement: DEFAULT_SETTINGS.commentPlacement };
const now = new Date("2026-03-01T10:00:00Z");
const parse = (text: string) => parseNote(text, { path: options.path, settings: DEFAULT_SETTINGS }).cards;
const act = (text: string, action: CardAction, line = 2, sibling = 0) => {
	const card = parse(text).find((c) => c.startLine === line);
	if (!card) throw new Error("no card");
	const result = applyCardAction(text, cardTarget(card, sibling), action, options, now, DEFAULT_SETTINGS);
	if (!result.ok) throw new Error(result.message);
	return result.text;
};

describe("card actions on a note's text", () => {
	it("suspend, flag, unflag and unsuspend write and remove only the marks", () => {
		let text = "#flashcards\n\nq::a <!--SR:!2026-02-01,12,250-->\n";
		text = act(text, { kind: "suspend" });
		expect(text).toBe("#flashcards\n\nq::a <!--SR:!2026-02-01,12,250,s-->\n");
		text = act(text, { kind: "flag", flag: 3 });
		expect(text).toBe("#flashcards\n\nq::a <!--SR:!2026-02-01,12,250,s,f3-->\n");
		text = act(text, { kind: "flag", flag: 0 });
		text = act(text, { kind: "unsuspend" });
		expect(text).toBe("#flashcards\n\nq::a <!--SR:!2026-02-01,12,250-->\n");
	});

	it("gives a new sibling the placeholder, and its siblings before it too", () => {
		expect(act("#flashcards\n\nq:::a\n", { kind: "suspend" }, 2, 1)).toBe("#flashcards\n\nq:::a\n<!--SR:!2000-01-01,1,250!2000-01-01,1,250,s-->\n");
	});

	it("keeps the marks through an answer, a reset and a new due date", () => {
		const marked = "#flashcards\n\nq::a <!--SR:!2026-02-01,12,250,s,f2-->\n";
		const card = parse(marked)[0];
		const answered = writeSchedule(marked, cardTarget(card, 0), { type: "classic", due: "2026-03-05", interval: 4, ease: 230 }, options);
		expect(answered.ok && answered.text).toBe("#flashcards\n\nq::a <!--SR:!2026-03-05,4,230,s,f2-->\n");
		expect(act(marked, { kind: "reset" })).toBe("#flashcards\n\nq::a <!--SR:!2000-01-01,1,250,s,f2-->\n");
		expect(act(marked, { kind: "forget" })).toBe("#flashcards\n\nq::a <!--SR:!2000-01-01,1,250-->\n");
		expect(act(marked, { kind: "set-due", due: "2026-03-11" })).toBe("#flashcards\n\nq::a <!--SR:!2026-03-11,10,250,s,f2-->\n");
	});

	it("moves an FSRS schedule to the start of the day, keeping its memory", () => {
		const text = "#flashcards\n\nq::a <!--SR:!fsrs,2026-12-07T10:00:00.000Z,11,11.16,9.586,2,2,0,0,2026-11-26T10:00:00.000Z-->\n";
		const due = new Date(2026, 2, 4, DEFAULT_SETTINGS.nextDayStartsAt).toISOString();
		expect(act(text, { kind: "set-due", due: "2026-03-04" })).toBe(
			`#flashcards\n\nq::a <!--SR:!fsrs,${due},3,11.16,9.586,2,2,0,0,2026-11-26T10:00:00.000Z-->\n`,
		);
	});

	it("refuses a bad flag or day and changes nothing", () => {
		const text = "#flashcards\n\nq::a\n";
		const card = parse(text)[0];
		for (const action of [
			{ kind: "flag", flag: 8 },
			{ kind: "set-due", due: "2026-02-30" },
		] as CardAction[]) {
			const result = applyCardAction(text, cardTarget(card, 0), action, options, now, DEFAULT_SETTINGS);
			expect(result.ok).toBe(false);
		}
	});

	it("undo puts back a next-line comment that an action moved to a list card's line", () => {
		const text = "#flashcards\n\n    * alpha::alpha\n      <!--SR:!2025-05-06,1,170-->";
		const card = parse(text)[0];
		const target = { source: card.source, startLine: card.startLine, sibling: 0, siblingCount: 1 };
		const result = applyCardAction(text, target, { kind: "set-due", due: "2026-03-01" }, options, now, DEFAULT_SETTINGS);
		if (!result.ok) throw new Error(result.message);
		expect(result.text).toBe("#flashcards\n\n    * alpha::alpha <!--SR:!2026-03-01,1,170-->");
		const undo = restoreComment(result.text, target, result.undoComment, options);
		if (!undo.ok) throw new Error(undo.message);
		expect(undo.text).toBe(text);
	});

	it("a next-line comment is not moved when the card's line and the comment's end differently (mixed endings)", () => {
		const text = "#flashcards\n\n1. alpha::alpha\r   <!--SR:!2025-05-06,1,170-->\n\nalpha::alpha";
		const card = parse(text)[0];
		const target = { source: card.source, startLine: card.startLine, sibling: 0, siblingCount: 1 };
		const result = applyCardAction(text, target, { kind: "flag", flag: 1 }, options, now, DEFAULT_SETTINGS);
		if (!result.ok) throw new Error(result.message);
		expect(result.text).toBe("#flashcards\n\n1. alpha::alpha\r   <!--SR:!2025-05-06,1,170,f1-->\n\nalpha::alpha");
		const undo = restoreComment(result.text, target, result.undoComment, options);
		if (!undo.ok) throw new Error(undo.message);
		expect(undo.text).toBe(text);
	});

	it("any sequence of actions and answers changes only scheduling comments, and undo restores the exact bytes", () => {
		fc.assert(
			fc.property(noteArbitrary, fc.array(stepArbitrary, { minLength: 1, maxLength: 10 }), (note, steps) => {
				let text = note.text;
				const history: { text: string; after: string; target: CardTarget; previous: string | null }[] = [];
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
					if (!result.ok) {
						// Only a schedule our writer refuses to format may be refused (never a card it found).
						expect(result.conflict).toBe("unwritable");
						continue;
					}
					{
						expect(stripSchedulingComments(result.text)).toBe(stripSchedulingComments(text));
						expect(parse(result.text).map((c) => c.source.trimEnd())).toEqual(cards.map((c) => c.source.trimEnd()));
					}
					if (result.text !== text)
						history.push({
							text,
							after: result.text,
							target: { ...target, comment: undefined },
							previous: "undoComment" in result ? result.undoComment : result.previousComment,
						});
					text = result.text;
				}
				// Undo, newest first, gives back each earlier text byte for byte.
				for (const done of history.reverse()) {
					const undo = restoreComment(text, done.target, done.previous, options);
					if (!undo.ok) throw new Error(`undo ${undo.conflict}: ${undo.message}`);
					expect(undo.text).toBe(done.text);
					text = undo.text;
				}
				expect(text).toBe(note.text);
			}),
			{ numRuns: 300 },
		);
	});
});
