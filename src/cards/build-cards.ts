/**
 * Pass two over a note: groups lines into blocks and reads the cards of each block
 * (docs/format.md). Every line is looked at a bounded number of times.
 */
import type { ParserSettings } from "../settings/settings";
import { leadingFlashcardTag } from "../decks/resolve";
import type { Card, CardKind, NoteProblem } from "../model/card";
import { Char } from "../model/char-codes";
import { clozeSides, findDeletions, textlessClozeSides } from "./cloze";
import { clozePatternsOf, type ClozePattern } from "./cloze-patterns";
import { inlineSeparatorOf, isInlineCardText, lineSeparatorOf, mayHoldInlineSeparator, separatorsOf, type Separators } from "./separators";
import { afterListItemMarkers, containerOf } from "./container";
import { LineKind, type NoteRegions } from "./regions";
import { Mark } from "./line-marks";
import { maskedTextOf, textOf, withoutBlockId, type Cut } from "./card-text";
import { cardComment, isOwnCommentLine, isScheduleCalloutOn, reportUnreadComments, type CommentNote } from "./card-comments";
import { assembleCard, type CardNote, type CardParts } from "./assemble-card";
import { CalloutTitles, calloutHeaderTitle } from "./callout-titles";

/** A card before its decks and context are known, with the tag that opened its first line. */
export interface FoundCard {
	card: Card;
	leadingTag: string | null;
	/** Titles of the callouts around the card's first line, outermost first (for its context). */
	callouts: readonly string[];
}

/** Reads the cards of a note whose lines were classified by `findRegions`. */
export class CardBuilder {
	readonly cards: FoundCard[] = [];
	readonly problems: NoteProblem[] = [];
	private readonly n: number;
	/** Titles of the callouts around each card, for its context. */
	private readonly callouts: CalloutTitles;
	/** The marks of the cloze openers that are on (looked up once per note, not per line). */
	private readonly clozeMarks: number;
	/** The settings' card separators and cloze patterns, in the order they are tried. */
	private readonly separators: Separators;
	private readonly clozePatterns: readonly ClozePattern[];
	/** What every card is assembled in. */
	private readonly note: CardNote;
	/** Where the cards' comments are searched. */
	private readonly commentNote: CommentNote;
	/** See {@link stopLines}; made on first use. */
	private stops: Int32Array | null = null;

	constructor(
		private readonly lines: readonly string[],
		private readonly regions: NoteRegions,
		private readonly settings: ParserSettings,
		/** Per line, the needles it holds (`markLines` with `::` and the cloze openers in use). */
		private readonly marks: Uint8Array,
		/** False for the index: cards without the text no one reads there (see ParseOptions.textless). */
		private readonly withText = true,
	) {
		this.n = lines.length;
		this.callouts = new CalloutTitles(regions);
		this.note = { lines, kinds: regions.kind, problems: this.problems, withSource: withText };
		this.separators = separatorsOf(settings);
		this.clozePatterns = clozePatternsOf(settings);
		this.clozeMarks = this.clozePatterns.length > 0 ? Mark.Cloze : 0;
		this.commentNote = { lines, visible: regions.visible, kind: regions.kind, marks };
	}

	run(): this {
		const kind = this.regions.kind;
		let i = 0;
		while (i < this.n) {
			const k = kind[i];
			if (k === LineKind.Blank || k === LineKind.Frontmatter || k === LineKind.EndMarker) {
				i++;
				continue;
			}
			i = this.block(i, this.blockEnd(i));
		}
		reportUnreadComments(this.commentNote, this.cards, this.problems);
		return this;
	}

	/**
	 * The last line of the block that starts on line `i`. Lines of only `>` inside a callout do
	 * not end it when the callout goes on below them: a cloze runs across them, as in the other
	 * plugin; multi-line cards still end there ({@link softBreakAfter}).
	 */
	private blockEnd(i: number): number {
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
	private isSoftBreak(l: number): boolean {
		return this.regions.kind[l] === LineKind.Blank;
	}

	/** The first soft break after line `from` up to `end`, or -1. */
	private softBreakAfter(from: number, end: number): number {
		for (let j = from + 1; j <= end; j++) if (this.isSoftBreak(j)) return j;
		return -1;
	}

	private visible(i: number): string {
		return this.regions.visible[i];
	}

	/**
	 * 1 when text line `i` is exactly the multi-line separator (`?`), 2 for the reversed one
	 * (`??`), prefix and spaces aside, else 0. A line that is a single-line card is not one.
	 */
	private separator(i: number): number {
		if (this.regions.kind[i] !== LineKind.Text) return 0;
		const vis = this.visible(i);
		const contentStart = containerOf(vis).contentStart;
		const sep = lineSeparatorOf(vis, this.separators, contentStart);
		if (sep === null) return 0;
		if ((this.marks[i] & Mark.Colons) !== 0 && isInlineCardText(vis.slice(contentStart), this.separators)) return 0;
		return sep.reversed ? 2 : 1;
	}

	/** Reads block `start..end`; returns the line to continue from. */
	private block(start: number, end: number): number {
		let runStart = start;
		// A callout header line just before `runStart` and the offset of its title, or -1.
		let headerLine = -1;
		let titleStart = -1;
		const kind = this.regions.kind;
		// The last soft break (a line of only `>`) at or after `runStart`, or -1.
		let soft = -1;
		for (let l = start; l <= end; l++) {
			if (kind[l] !== LineKind.Text) {
				if (kind[l] === LineKind.Blank) soft = l;
				continue;
			}
			const sep = this.separator(l);
			if (sep > 0 && soft >= runStart) {
				// A multi-line question starts after the last `>` line; a cloze above it is a card of its own.
				this.cloze(runStart, soft - 1);
				runStart = soft + 1;
			}
			if (sep > 0) {
				const kindOf: CardKind = sep === 2 ? "multiline-reversed" : "multiline";
				if (l === runStart && headerLine === l - 1 && this.hasText(l - 1, titleStart)) {
					// `> [!question] Title` then `> ?`: the title is the question.
					const { last, next } = this.multilineEnd(l, end);
					this.multiline(l - 1, l, last, kindOf, titleStart);
					return next;
				}
				if (l === runStart) {
					const mark = (sep === 2 ? this.settings.multiLineReversedSeparator : this.settings.multiLineSeparator).trim();
					this.problems.push({ code: "empty-question", line: l, message: `The separator "${mark}" has no question above it in its block.` });
					runStart = l + 1;
					continue;
				}
				const { last, next } = this.multilineEnd(l, end);
				this.multiline(runStart, l, last, kindOf, -1);
				return next;
			}
			const title = this.regions.depth[l] > 0 ? this.calloutTitle(l) : -1;
			if (title >= 0) {
				// Container syntax, not card text: the next card starts after it.
				this.cloze(runStart, l - 1);
				runStart = l + 1;
				headerLine = l;
				titleStart = title;
			}
			if ((this.marks[l] & Mark.Colons) !== 0 && mayHoldInlineSeparator(this.visible(l), this.separators)) {
				const after = this.singleline(l, end, runStart, title);
				if (after > l) {
					runStart = after;
					l = after - 1;
					// A header whose title is a single-line card is not the question of a `?` below it.
					headerLine = -1;
				}
			}
		}
		return this.lastCloze(runStart, end);
	}

	/** Offset of the title when text line `l` is a callout header (`[!type] Title`), else -1. */
	private calloutTitle(l: number): number {
		return calloutHeaderTitle(this.visible(l));
	}

	/** True when line `l` has non-blank text from offset `from` on. */
	private hasText(l: number, from: number): boolean {
		return this.lines[l].slice(from).trim() !== "";
	}

	/** Where a multi-line card whose separator is on line `sep` ends, honouring the end marker. */
	private multilineEnd(sep: number, blockEnd: number): { last: number; next: number } {
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
	 * A single-line card on line `l`; returns the line after it (and its comments), or `l` if none.
	 * The lines `runStart..l-1` before it are read as a cloze first, to keep cards in line order.
	 * `titleStart` >= 0 when the line is a callout header: only its title is card text.
	 */
	private singleline(l: number, blockEnd: number, runStart: number, titleStart: number): number {
		const vis = this.visible(l);
		const contentStart = titleStart >= 0 ? titleStart : containerOf(vis).contentStart;
		let p = contentStart;
		while (vis.charCodeAt(p) === Char.Space || vis.charCodeAt(p) === Char.Tab) p++;
		if (vis.charCodeAt(p) === Char.Pipe) return l; // table row
		// After a list marker and task box: a separator such as `-` is not the marker itself.
		const separator = inlineSeparatorOf(vis, afterListItemMarkers(vis, p), this.separators);
		if (separator === null) return l;
		const { at, end: sepEnd, reversed } = separator;
		const line = this.lines[l];
		// The card's lines: its own, then the lines below that hold only a scheduling comment, or
		// the callout header above one (`> [!sr|card-metadata]`, the other plugin's 1.15 form).
		let last = l;
		for (;;) {
			if (last + 1 <= blockEnd && isOwnCommentLine(this.commentNote, last + 1)) last++;
			else if (last + 2 <= blockEnd && isScheduleCalloutOn(this.commentNote, last + 1) && isOwnCommentLine(this.commentNote, last + 2)) last += 2;
			else break;
		}
		// The comment's problems are taken back if the line turns out to be no card.
		const reported = this.problems.length;
		const found = cardComment(this.commentNote, l, last, this.problems, l);
		// The front is what follows a list marker or task box (`- `, `1. `, `- [ ] `).
		const frontStart = Math.min(afterListItemMarkers(line, p), at);
		const cut = found.cut !== null && found.cut.line === l ? found.cut : null;
		const frontText = partOf(line, frontStart, at, cut);
		// A deck tag only where nothing but spaces precedes it on the line (docs/format.md, "Decks").
		const leading = line.slice(0, frontStart).trim() === "" ? leadingFlashcardTag(frontText, this.settings.flashcardTags) : null;
		const front = (leading ? leading.rest : frontText).trim();
		const back = textOf([partOf(line, sepEnd, line.length, cut)], 0, 0, 0, null);
		if (front === "" || back === "") {
			this.problems.length = reported;
			return l;
		}
		this.cloze(runStart, l - 1);
		const kind: CardKind = reversed ? "singleline-reversed" : "singleline";
		this.add({ kind, startLine: l, endLine: last, front, back, sides: null, comment: found.comment, lastText: l }, leading?.tag ?? null);
		return last + 1;
	}

	/**
	 * A multi-line card: question `qs..sep-1`, answer `sep+1..last`. With `titleStart` >= 0 the
	 * question is the title of the callout header on line `qs`, from that offset.
	 */
	private multiline(qs: number, sep: number, last: number, kind: CardKind, titleStart: number): void {
		const found = cardComment(this.commentNote, qs, last, this.problems, qs);
		const depth = containerOf(this.lines[qs]).depth;
		const qText =
			titleStart >= 0
				? withoutBlockId(partOf(this.lines[qs], titleStart, this.lines[qs].length, found.cut?.line === qs ? found.cut : null)).trim()
				: textOf(this.lines, qs, sep - 1, depth, found.cut);
		const leading = titleStart < 0 && depth === 0 ? leadingFlashcardTag(qText, this.settings.flashcardTags) : null;
		const front = leading ? leading.rest.trim() : qText;
		const back = this.withText ? textOf(this.lines, sep + 1, found.lastText, depth, found.cut) : "";
		this.add({ kind, startLine: qs, endLine: last, front, back, sides: null, comment: found.comment, lastText: found.lastText }, leading?.tag ?? null);
	}

	/** A cloze card from lines `from..to` when they hold deletions. */
	private cloze(from: number, to: number): void {
		const found = this.clozeCard(from, to);
		if (found) this.add(found.parts, found.leadingTag);
	}

	/**
	 * The cloze that ends a block on line `end`. With the end marker set, a cloze runs on across
	 * blank lines to the next marker line, as in the other plugin; the search stops at the next
	 * card line (a separator line or a single-line card), so a forgotten marker never swallows the cards below.
	 * Returns the line to continue from.
	 */
	private lastCloze(from: number, end: number): number {
		const reported = this.problems.length;
		const found = this.clozeCard(from, end);
		if (!found) return end + 1;
		const marker = this.endMarkerAfter(end);
		if (marker && marker.last > end) {
			// The longer run is read instead: its problems replace the shorter one's.
			const kept = this.problems.splice(reported);
			const longer = this.clozeCard(from, marker.last);
			if (longer) {
				this.add(longer.parts, longer.leadingTag);
				return marker.next;
			}
			for (const problem of kept) this.problems.push(problem);
		}
		this.add(found.parts, found.leadingTag);
		return end + 1;
	}

	/**
	 * The end marker line that closes a card whose block ends on line `end`: the card's last line
	 * (blank lines before the marker left out) and the line after the marker. Null when a card
	 * line or the end of the note comes first.
	 */
	private endMarkerAfter(end: number): { last: number; next: number } | null {
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
				((this.marks[j] & Mark.Colons) !== 0 && k === LineKind.Text && mayHoldInlineSeparator(this.visible(j), this.separators))
			) {
				next = j;
			}
			stops[j] = next;
		}
		return stops;
	}

	/**
	 * The parts of a cloze card on lines `from..to`, or null when they hold no deletion. Its
	 * comment's problems are reported only when it is a card.
	 */
	private clozeCard(from: number, to: number): { parts: CardParts; leadingTag: string | null } | null {
		// A run may start or end at a line of only `>` (a soft break): the card does not.
		while (from < to && this.isSoftBreak(from)) from++;
		while (to > from && this.isSoftBreak(to)) to--;
		if (to < from || this.clozePatterns.length === 0) return null;
		if (!this.mayHoldCloze(from, to)) return null;
		const reported = this.problems.length;
		const parts = this.clozeParts(from, to);
		if (parts === null) this.problems.length = reported;
		return parts;
	}

	private clozeParts(from: number, to: number): { parts: CardParts; leadingTag: string | null } | null {
		const found = cardComment(this.commentNote, from, to, this.problems);
		if (found.lastText < from) return null;
		const depth = containerOf(this.lines[from]).depth;
		const full = maskedTextOf(this.lines, (i) => this.maskAt(i), from, found.lastText, depth, found.cut);
		const leading = depth === 0 ? leadingFlashcardTag(full.text, this.settings.flashcardTags) : null;
		let text = full.text;
		let mask = full.mask;
		if (leading) {
			text = leading.rest.trim();
			// The rest is a suffix of the trimmed text: cut the mask at the same place.
			const start = full.text.length - leading.rest.trimStart().length;
			mask = mask === null ? null : mask.slice(start, start + text.length);
		}
		const deletions = findDeletions(text, this.clozePatterns, mask);
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

	/** Adds the card `parts` describe (see {@link assembleCard}) with its leading tag and callout titles. */
	private add(parts: CardParts, leadingTag: string | null): void {
		const card: Card = assembleCard(this.note, parts);
		this.cards.push({ card, leadingTag, callouts: this.withText ? this.callouts.at(parts.startLine) : NO_TITLES });
	}
}

const NO_TITLES: readonly string[] = [];

/** `line[from..to)` without the part `cut` leaves out of it (a comment inside that range). */
function partOf(line: string, from: number, to: number, cut: Cut | null): string {
	if (cut === null || cut.start < from || cut.end > to) return line.slice(from, to);
	return line.slice(from, cut.start) + line.slice(cut.end, to);
}

function isBreak(kind: number): boolean {
	return kind === LineKind.Blank || kind === LineKind.Frontmatter || kind === LineKind.EndMarker;
}
