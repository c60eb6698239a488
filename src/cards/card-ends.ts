/**
 * Where blocks and cards end (docs/format.md, "Lines, frontmatter and blocks" and "Multi-line
 * cards"): a block's last line, the multi-line separator lines, a multi-line card's last line,
 * and the end marker that closes a card.
 */
import type { ParserSettings } from "../settings/settings";
import { containerOf } from "./container";
import { isInlineCardText, lineSeparatorOf, mayHoldInlineSeparator, type Separators } from "./separators";
import { LineKind, type NoteRegions } from "./line-kinds";
import { Mark } from "./line-marks";
import { isOwnCommentLine, type CommentNote } from "./card-comments";

/** A card's last line and the line to read on from. */
export interface CardEnd {
	last: number;
	next: number;
}

/** The ends of blocks and cards in one note. */
export class CardEnds {
	private readonly n: number;
	/** See {@link stopLines}; made on first use. */
	private stops: Int32Array | null = null;

	constructor(
		private readonly regions: NoteRegions,
		private readonly settings: ParserSettings,
		/** Per line, the needles it holds (`markLines`). */
		private readonly marks: Uint8Array,
		private readonly separators: Separators,
		private readonly commentNote: CommentNote,
	) {
		this.n = regions.kind.length;
	}

	/**
	 * The last line of the block that starts on line `i`. Lines of only `>` inside a callout do
	 * not end it when the callout goes on below them: a cloze runs across them, as in the other
	 * plugin; multi-line cards still end there ({@link softBreakAfter}).
	 */
	blockEnd(i: number): number {
		const { kind, depth } = this.regions;
		let end = i;
		for (;;) {
			while (end + 1 < this.n && !isBreak(kind[end + 1])) end++;
			if (depth[end] === 0) return end;
			let j = end + 1;
			while (j < this.n && kind[j] === LineKind.Blank && depth[j] > 0) j++;
			// The other plugin's next-line write under a callout cloze whose comment was a `> <!--SR:…-->`
			// line leaves that line's `>` and puts the comment at column 0 below it: the comment is the
			// cloze's (docs/format.md, "Where a card's comment is read").
			if (j > end + 1 && j < this.n && depth[j] === 0 && isOwnCommentLine(this.commentNote, j)) return j;
			if (j === end + 1 || j >= this.n || isBreak(kind[j]) || depth[j] === 0) return end;
			end = j;
		}
	}

	/** True when line `l` is a line of only `>` inside a block (a soft break, see {@link blockEnd}). */
	isSoftBreak(l: number): boolean {
		return this.regions.kind[l] === LineKind.Blank;
	}

	/** The first soft break after line `from` up to `end`, or -1. */
	softBreakAfter(from: number, end: number): number {
		for (let j = from + 1; j <= end; j++) if (this.isSoftBreak(j)) return j;
		return -1;
	}

	/**
	 * 1 when text line `i` is exactly the multi-line separator (`?`), 2 for the reversed one
	 * (`??`), prefix and spaces aside, else 0. A line that is a single-line card is not one.
	 */
	separator(i: number): number {
		if (this.regions.kind[i] !== LineKind.Text) return 0;
		const vis = this.regions.visible[i];
		const contentStart = containerOf(vis).contentStart;
		const sep = lineSeparatorOf(vis, this.separators, contentStart);
		if (sep === null) return 0;
		if ((this.marks[i] & Mark.Colons) !== 0 && isInlineCardText(vis.slice(contentStart), this.separators)) return 0;
		return sep.reversed ? 2 : 1;
	}

	/** Where a multi-line card whose separator is on line `sep` ends, honouring the end marker. */
	multilineEnd(sep: number, blockEnd: number): CardEnd {
		// Inside a callout a line of only `>` ends the answer: a callout can hold several cards.
		const soft = this.softBreakAfter(sep, blockEnd);
		if (soft >= 0) return { last: soft - 1, next: soft + 1 };
		if (!this.settings.endMarker.trim()) return { last: blockEnd, next: blockEnd + 1 };
		const kind = this.regions.kind;
		for (let j = sep + 1; j < this.n; j++) {
			if (kind[j] === LineKind.EndMarker) {
				let last = j - 1;
				while (last > sep && kind[last] === LineKind.Blank) last--;
				return { last, next: j + 1 };
			}
			if (this.separator(j) > 0 || kind[j] === LineKind.Frontmatter) break;
		}
		return { last: blockEnd, next: blockEnd + 1 };
	}

	/**
	 * The end marker line that closes a card whose block ends on line `end`: the card's last line
	 * (blank lines before the marker left out) and the line after the marker. Null when a card
	 * line or the end of the note comes first.
	 */
	endMarkerAfter(end: number): CardEnd | null {
		if (!this.settings.endMarker.trim()) return null;
		const stops = (this.stops ??= this.stopLines());
		const at = end + 1 < this.n ? stops[end + 1] : this.n;
		if (at >= this.n || this.regions.kind[at] !== LineKind.EndMarker) return null;
		let last = at - 1;
		while (last > end && this.regions.kind[last] === LineKind.Blank) last--;
		return { last, next: at + 1 };
	}

	/**
	 * For each line, the first line at or below it that is an end marker or starts a card (`?`,
	 * `??`, a line that may hold a single-line separator): one backward pass, made once, so that searching for the marker
	 * after every cloze stays linear.
	 */
	private stopLines(): Int32Array {
		const stops = new Int32Array(this.n);
		let next = this.n;
		for (let j = this.n - 1; j >= 0; j--) {
			const k = this.regions.kind[j];
			if (
				k === LineKind.EndMarker ||
				k === LineKind.Frontmatter ||
				this.separator(j) > 0 ||
				((this.marks[j] & Mark.Colons) !== 0 && k === LineKind.Text && mayHoldInlineSeparator(this.regions.visible[j], this.separators))
			) {
				next = j;
			}
			stops[j] = next;
		}
		return stops;
	}
}

/** True for a line that ends a block: blank, frontmatter or the end marker. */
function isBreak(kind: number): boolean {
	return kind === LineKind.Blank || kind === LineKind.Frontmatter || kind === LineKind.EndMarker;
}
