/**
 * The cloze card of a run of lines (docs/format.md, "Clozes"): its text, the deletions found
 * where card markers can see them (not in code, math or comments), its siblings and comment.
 */
import type { ParserSettings } from "../settings/settings";
import type { NoteProblem } from "../model/card";
import { clozeSides, findDeletions, textlessClozeSides } from "./cloze";
import { clozePatternsOf, type ClozePattern } from "./cloze-patterns";
import { containerOf } from "./container";
import { LineKind, type NoteRegions } from "./line-kinds";
import { Mark } from "./line-marks";
import { maskedTextOf } from "./card-text";
import { cardComment, type CommentNote } from "./card-comments";
import { deckTagOf } from "./deck-tag";
import type { CardParts } from "./assemble-card";

/** A cloze card's parts and the flashcard tag that opened its first line. */
export interface FoundCloze {
	parts: CardParts;
	leadingTag: string | null;
}

/** Reads cloze cards in one note; see {@link ClozeCardReader.read}. */
export class ClozeCardReader {
	private readonly patterns: readonly ClozePattern[];
	/** The marks of the cloze openers that are on (looked up once per note, not per line). */
	private readonly clozeMarks: number;
	private readonly flashcardTags: readonly string[];

	constructor(
		private readonly lines: readonly string[],
		private readonly regions: NoteRegions,
		settings: ParserSettings,
		/** Per line, the needles it holds (`markLines`). */
		private readonly marks: Uint8Array,
		private readonly commentNote: CommentNote,
		/** The note's problems: a cloze's comment problems are kept only when it is a card. */
		private readonly problems: NoteProblem[],
		/** False for the index: the siblings without their texts. */
		private readonly withText: boolean,
	) {
		this.patterns = clozePatternsOf(settings);
		this.clozeMarks = this.patterns.length > 0 ? Mark.Cloze : 0;
		this.flashcardTags = settings.flashcardTags;
	}

	/**
	 * The parts of a cloze card on lines `from..to`, or null when they hold no deletion. Its
	 * comment's problems are reported only when it is a card.
	 */
	read(from: number, to: number): FoundCloze | null {
		// A run may start or end at a line of only `>` (a soft break): the card does not.
		while (from < to && this.regions.kind[from] === LineKind.Blank) from++;
		while (to > from && this.regions.kind[to] === LineKind.Blank) to--;
		if (to < from || this.patterns.length === 0) return null;
		if (!this.mayHoldCloze(from, to)) return null;
		const reported = this.problems.length;
		const parts = this.clozeParts(from, to);
		if (parts === null) this.problems.length = reported;
		return parts;
	}

	private clozeParts(from: number, to: number): FoundCloze | null {
		const found = cardComment(this.commentNote, from, to, this.problems);
		if (found.lastText < from) return null;
		const { depth, contentStart } = containerOf(this.lines[from]);
		const full = maskedTextOf(this.lines, (i) => this.maskAt(i), from, found.lastText, depth, found.cut);
		const leading = deckTagOf(this.lines[from].slice(0, contentStart), full.text, this.flashcardTags);
		let text = full.text;
		let mask = full.mask;
		if (leading) {
			text = leading.rest.trim();
			// The rest is a suffix of the trimmed text: cut the mask at the same place.
			const start = full.text.length - leading.rest.trimStart().length;
			mask = mask === null ? null : mask.slice(start, start + text.length);
		}
		const deletions = findDeletions(text, this.patterns, mask);
		if (deletions.length === 0) return null;
		const sides = this.withText ? clozeSides(text, deletions) : textlessClozeSides(deletions);
		// Only group 0 (never hidden): nothing to ask, as in the other plugin.
		if (sides.length === 0) return null;
		const parts: CardParts = {
			kind: "cloze",
			startLine: from,
			endLine: to,
			front: text,
			back: "",
			sides,
			comment: found.comment,
			lastText: found.lastText,
		};
		return { parts, leadingTag: leading?.tag ?? null };
	}

	/**
	 * Line `i` as cloze deletions see it: a text line with its comments as spaces, an opaque line
	 * (fenced code, math, comment) all spaces; null when the line hides nothing.
	 *
	 * A method, not an arrow function in a class field: with the field, V8 kept every object of
	 * every note alive through its minor collections and then moved all the parser's allocations to
	 * the old generation, which made the parse 3–5 times slower (docs/performance.md).
	 */
	private maskAt(i: number): string | null {
		const k = this.regions.kind[i];
		if (k === LineKind.Text) {
			const vis = this.regions.visible[i];
			return vis === this.lines[i] ? null : vis;
		}
		return k === LineKind.Opaque || k === LineKind.FenceClose ? " ".repeat(this.lines[i].length) : null;
	}

	/** Cheap test before the real work: does any line of `from..to` hold a cloze opener? */
	private mayHoldCloze(from: number, to: number): boolean {
		for (let i = from; i <= to; i++) if ((this.marks[i] & this.clozeMarks) !== 0) return true;
		return false;
	}
}
