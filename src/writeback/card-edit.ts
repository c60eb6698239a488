/**
 * Replacing a card's text from the review's edit box: a pure text-to-text step meant to run
 * inside one `Vault.process` call. Only the card's own lines change; its scheduling comment is
 * kept where it was, and every other byte of the note stays as it was.
 */
import { joinLines, splitLines } from "../cards/lines";
import { parseNote } from "../cards/parse";
import type { ParserSettings } from "../settings/settings";
import { findCard, type CardTarget } from "./find-card";
import { predominantEnding } from "./note-lines";
import { refusal, type TextEdit } from "./text-edit";

/** An edited card: the note's whole new `text`, and the card's first line (unchanged). */
export type CardEditResult = TextEdit<{ startLine: number }>;

/**
 * Replaces the lines of the card `target` describes by `newSource` (one or more lines, any line
 * endings; the note's own ending is used). The card is found again by its source as shown; if
 * it is gone or was changed meanwhile, nothing is replaced. A comment alone on the card's last
 * line stays there after the new lines; a comment at the end of the last line moves to the end
 * of the new last line.
 */
export function replaceCardSource(text: string, target: CardTarget, newSource: string, options: { path: string; settings: ParserSettings }): CardEditResult {
	const parsed = parseNote(text, { path: options.path, settings: options.settings });
	const found = findCard(parsed.cards, target);
	if (!found.ok) return refusal(found.conflict, `The card was not edited: ${found.message}`);
	const card = found.card;
	const note = splitLines(text);
	const comment = card.comment;
	if (comment !== null && comment.line !== card.endLine) {
		return refusal("unwritable", "The card's scheduling comment is not on its last line; edit this card in the note.");
	}
	// The lines the source covers: all of the card's lines but a comment's own line.
	const lastSourceLine = comment?.ownLine ? card.endLine - 1 : card.endLine;
	const covered = note.lines.slice(card.startLine, lastSourceLine + 1);
	if (covered.length === 0 || covered.length !== card.source.split("\n").length) {
		return refusal("unwritable", "The card's lines could not be told apart from its comment; edit this card in the note.");
	}
	const replacement = newSource.split(/\r\n|\r|\n/);
	if (comment !== null && !comment.ownLine) {
		const last = note.lines[card.endLine];
		const from = last[comment.start - 1] === " " ? comment.start - 1 : comment.start;
		replacement[replacement.length - 1] += last.slice(from);
	}
	const ending = note.endings[card.startLine] || predominantEnding(note.endings);
	const lastEnding = note.endings[lastSourceLine];
	const endings = replacement.map((_, i) => (i === replacement.length - 1 ? lastEnding : ending));
	const lines = note.lines.slice();
	const allEndings = note.endings.slice();
	const count = lastSourceLine - card.startLine + 1;
	lines.splice(card.startLine, count, ...replacement);
	allEndings.splice(card.startLine, count, ...endings);
	return { ok: true, text: joinLines({ bom: note.bom, lines, endings: allEndings }), startLine: card.startLine };
}
