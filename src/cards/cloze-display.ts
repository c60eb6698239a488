/**
 * How the review shows a cloze sibling (docs/format.md, "Card kinds"): the question with its
 * gaps marked (a hint styled as a hint), and the answer as the same sentence once, with this
 * sibling's words marked in place. The marks are private-use characters the screen turns into
 * elements after rendering the Markdown (they survive Markdown untouched and never occur in notes
 * we write: a note that holds one anyway gets the plain sides).
 */
import { clozeSides, findDeletions, siblingsOf } from "./cloze";
import type { ClozePattern } from "./cloze-patterns";

/** The marks around a revealed answer, a gap without hint, and a gap with its hint. */
export const CLOZE_MARKS = {
	answer: ["\uE000", "\uE001"],
	gap: ["\uE002", "\uE003"],
	hint: ["\uE004", "\uE005"],
} as const;

export type ClozeMarkKind = keyof typeof CLOZE_MARKS;

const ANY_MARK = /[\uE000-\uE005]/;
const ALL_MARKS = /[\uE000-\uE005]/g;

/** `text` without the marks. */
export function withoutClozeMarks(text: string): string {
	return text.replace(ALL_MARKS, "");
}

/**
 * The marked question and answer of sibling `sibling` of the cloze `text` (the card's front), or
 * null when they would not read as the card's own sides (`expected`): the review then shows
 * those, unmarked, rather than something that differs from what the parser found.
 */
export function clozeDisplay(
	text: string,
	patterns: readonly ClozePattern[],
	sibling: number,
	expected: { question: string; answer: string },
): { question: string; answer: string } | null {
	if (ANY_MARK.test(text)) return null;
	const deletions = findDeletions(text, patterns);
	const { of } = siblingsOf(deletions);
	const plain = clozeSides(text, deletions)[sibling];
	if (plain === undefined || plain.question !== expected.question || plain.answer !== expected.answer) return null;
	let question = "";
	let answer = "";
	let last = 0;
	for (let i = 0; i < deletions.length; i++) {
		const d = deletions[i];
		const between = text.slice(last, d.start);
		last = d.end;
		if (of[i] !== sibling) {
			question += between + d.text;
			answer += between + d.text;
			continue;
		}
		const [open, close] = d.hint === null ? CLOZE_MARKS.gap : CLOZE_MARKS.hint;
		question += between + open + (d.hint === null ? "[...]" : `[${d.hint}]`) + close;
		answer += between + CLOZE_MARKS.answer[0] + d.text + CLOZE_MARKS.answer[1];
	}
	const rest = text.slice(last);
	const shown = { question: (question + rest).trim(), answer: (answer + rest).trim() };
	// Marks can hold spaces that the plain sides trim away (a deletion of only spaces at an end).
	if (withoutClozeMarks(shown.question) !== expected.question || withoutClozeMarks(shown.answer) !== expected.answer) return null;
	return shown;
}
