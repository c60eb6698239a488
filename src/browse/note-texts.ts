/**
 * A note's card text for the browser: per card, per sibling, the question and answer (one line
 * each, as a table cell shows them), the card id and the marks, from a full parse of the note.
 */
import type { Card } from "../model/card";
import { cardId } from "../stats/card-id";
import type { SiblingText } from "./card-rows";

/** Longest text kept per sibling: enough to recognise and search a card, bounded for huge cards. */
const MAX_TEXT = 2000;

export function siblingTexts(path: string, cards: readonly Card[]): SiblingText[][] {
	return cards.map((card) =>
		card.siblings.map((sibling) => ({
			question: oneLine(sibling.question),
			answer: oneLine(sibling.answer),
			id: cardId(path, card.source, sibling.index),
			...(sibling.marks ? { marks: sibling.marks } : {}),
		})),
	);
}

/**
 * One line of plain-looking text: heading marks, bold, italic-by-underscores and highlight marks
 * removed (they only clutter a table cell); code, links and cloze brackets stay as written.
 */
function oneLine(markdown: string): string {
	const line = markdown
		.replace(/^\s*#{1,6}\s+/gm, "")
		.replace(/\*\*|__|==/g, "")
		.replace(/\s+/g, " ")
		.trim();
	return line.length > MAX_TEXT ? line.slice(0, MAX_TEXT) : line;
}
