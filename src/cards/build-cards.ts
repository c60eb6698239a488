/**
 * Pass two over a note: groups lines into blocks and reads the cards of each block
 * (docs/format.md). Every line is looked at a bounded number of times.
 */
import type { ParserSettings } from "../settings/settings";
import type { Card, CardKind, NoteProblem } from "../model/card";
import { Char } from "../model/char-codes";
import { inlineSeparatorOf, mayHoldInlineSeparator, separatorsOf, type Separators } from "./separators";
import { afterListItemMarkers, containerOf } from "./container";
import { LineKind, type NoteRegions } from "./line-kinds";
import { Mark } from "./line-marks";
import { textOf, withoutBlockId, type Cut } from "./card-text";
import { cardComment, isOwnCommentLine, isScheduleCalloutOn, reportUnreadComments, type CommentNote } from "./card-comments";
import { assembleCard, type CardNote, type CardParts } from "./assemble-card";
import { ClozeCardReader } from "./cloze-card";
import { CardEnds } from "./card-ends";
import { deckTagOf } from "./deck-tag";
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
	/** Reads the cloze card of a run of lines. */
	private readonly clozes: ClozeCardReader;
	/** The settings' card separators, in the order they are tried. */
	private readonly separators: Separators;
	/** What every card is assembled in. */
	private readonly note: CardNote;
	/** Where the cards' comments are searched. */
	private readonly commentNote: CommentNote;
	/** Where blocks and cards end. */
	private readonly ends: CardEnds;

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
		this.commentNote = { lines, visible: regions.visible, kind: regions.kind, marks };
		this.ends = new CardEnds(regions, settings, marks, this.separators, this.commentNote);
		this.clozes = new ClozeCardReader(lines, regions, settings, marks, this.commentNote, this.problems, withText);
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
			i = this.block(i, this.ends.blockEnd(i));
		}
		reportUnreadComments(this.commentNote, this.cards, this.problems);
		return this;
	}

	private visible(i: number): string {
		return this.regions.visible[i];
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
			const sep = this.ends.separator(l);
			if (sep > 0 && soft >= runStart) {
				// A multi-line question starts after the last `>` line; a cloze above it is a card of its own.
				this.cloze(runStart, soft - 1);
				runStart = soft + 1;
			}
			if (sep > 0) {
				const kindOf: CardKind = sep === 2 ? "multiline-reversed" : "multiline";
				if (l === runStart && headerLine === l - 1 && this.hasText(l - 1, titleStart)) {
					// `> [!question] Title` then `> ?`: the title is the question.
					const { last, next } = this.ends.multilineEnd(l, end);
					this.multiline(l - 1, l, last, kindOf, titleStart);
					return next;
				}
				if (l === runStart) {
					const mark = (sep === 2 ? this.settings.multiLineReversedSeparator : this.settings.multiLineSeparator).trim();
					this.problems.push({ code: "empty-question", line: l, message: `The separator "${mark}" has no question above it in its block.` });
					runStart = l + 1;
					continue;
				}
				const { last, next } = this.ends.multilineEnd(l, end);
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
		const leading = deckTagOf(line.slice(0, frontStart), frontText, this.settings.flashcardTags);
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
		const { depth, contentStart } = containerOf(this.lines[qs]);
		const qText =
			titleStart >= 0
				? withoutBlockId(partOf(this.lines[qs], titleStart, this.lines[qs].length, found.cut?.line === qs ? found.cut : null)).trim()
				: textOf(this.lines, qs, sep - 1, depth, found.cut);
		const leading = deckTagOf(this.lines[qs].slice(0, titleStart >= 0 ? titleStart : contentStart), qText, this.settings.flashcardTags);
		const front = leading ? leading.rest.trim() : qText;
		const back = this.withText ? textOf(this.lines, sep + 1, found.lastText, depth, found.cut) : "";
		this.add({ kind, startLine: qs, endLine: last, front, back, sides: null, comment: found.comment, lastText: found.lastText }, leading?.tag ?? null);
	}

	/** A cloze card from lines `from..to` when they hold deletions. */
	private cloze(from: number, to: number): void {
		const found = this.clozes.read(from, to);
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
		const found = this.clozes.read(from, end);
		if (!found) return end + 1;
		const marker = this.ends.endMarkerAfter(end);
		if (marker && marker.last > end) {
			// The longer run is read instead: its problems replace the shorter one's.
			const kept = this.problems.splice(reported);
			const longer = this.clozes.read(from, marker.last);
			if (longer) {
				this.add(longer.parts, longer.leadingTag);
				return marker.next;
			}
			for (const problem of kept) this.problems.push(problem);
		}
		this.add(found.parts, found.leadingTag);
		return end + 1;
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
