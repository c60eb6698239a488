/**
 * Pass two over a note: groups lines into blocks and reads the cards of each block
 * (cards.md §2–3, §5). Every line is looked at a bounded number of times.
 */
import type { ParserSettings } from "../settings/settings";
import { leadingFlashcardTag } from "../decks/resolve";
import type { Card, CardKind, CommentLocation, NoteProblem, SegmentState, Sibling } from "./types";
import { clozeSides, findDeletions } from "./cloze";
import { ownLineComment, readSchedulingComment, trailingComment, type FoundComment } from "./comment";
import { containerOf } from "./container";
import { indexOutside, scanInline } from "./inline";
import { LineKind, type NoteRegions } from "./regions";
import { sourceOf, textOf, type Cuts } from "./card-text";

/** A card before its decks and context are known, with the tag that opened its first line. */
export interface FoundCard {
	card: Card;
	leadingTag: string | null;
}

interface CommentFinding {
	comment: (FoundComment & { line: number; ownLine: boolean }) | null;
	/** Lines (own-line comments) and cut offsets that are not card text. */
	cuts: Cuts;
	/** Last line of card text (before own-line comments). */
	lastText: number;
}

/** Reads the cards of a note whose lines were classified by `findRegions`. */
export class CardBuilder {
	readonly cards: FoundCard[] = [];
	readonly problems: NoteProblem[] = [];
	private readonly n: number;

	constructor(
		private readonly lines: readonly string[],
		private readonly regions: NoteRegions,
		private readonly settings: ParserSettings,
	) {
		this.n = lines.length;
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
			let end = i;
			while (end + 1 < this.n && !isBreak(kind[end + 1])) end++;
			i = this.block(i, end);
		}
		return this;
	}

	private visible(i: number): string {
		return this.regions.masked.get(i) ?? this.lines[i];
	}

	/** The trimmed content of a text line (container prefix removed), or null for other lines. */
	private content(i: number): string | null {
		if (this.regions.kind[i] !== LineKind.Text) return null;
		const vis = this.visible(i);
		return vis.slice(containerOf(vis).contentStart).trim();
	}

	/** Reads block `start..end`; returns the line to continue from. */
	private block(start: number, end: number): number {
		let runStart = start;
		for (let l = start; l <= end; l++) {
			const content = this.content(l);
			if (content === null) continue;
			if (content === "?" || content === "??") {
				if (l === runStart) {
					this.problems.push({ code: "empty-question", line: l, message: `The separator "${content}" has no question above it in its block.` });
					runStart = l + 1;
					continue;
				}
				const { last, next } = this.multilineEnd(l, end);
				this.multiline(runStart, l, last, content === "??" ? "multiline-reversed" : "multiline");
				return next;
			}
			if (content.includes("::")) {
				const after = this.singleline(l, end, runStart);
				if (after > l) {
					runStart = after;
					l = after - 1;
				}
			}
		}
		this.cloze(runStart, end);
		return end + 1;
	}

	/** Where a multi-line card whose separator is on line `sep` ends, honouring the end marker. */
	private multilineEnd(sep: number, blockEnd: number): { last: number; next: number } {
		if (!this.settings.endMarker.trim()) return { last: blockEnd, next: blockEnd + 1 };
		const kind = this.regions.kind;
		for (let j = sep + 1; j < this.n; j++) {
			if (kind[j] === LineKind.EndMarker) {
				let last = j - 1;
				while (last > sep && kind[last] === LineKind.Blank) last--;
				return { last, next: j + 1 };
			}
			const c = this.content(j);
			if (c === "?" || c === "??" || kind[j] === LineKind.Frontmatter) break;
		}
		return { last: blockEnd, next: blockEnd + 1 };
	}

	/**
	 * A single-line card on line `l`; returns the line after it (and its comments), or `l` if none.
	 * The lines `runStart..l-1` before it are read as a cloze first, to keep cards in line order.
	 */
	private singleline(l: number, blockEnd: number, runStart: number): number {
		const vis = this.visible(l);
		const { contentStart, depth } = containerOf(vis);
		let p = contentStart;
		while (vis.charCodeAt(p) === 32 || vis.charCodeAt(p) === 9) p++;
		if (vis.charCodeAt(p) === 124) return l; // table row
		const needsSpans = /[`$]|\[\[|\]\(|<!--/.test(vis);
		const spans = needsSpans ? scanInline(vis, 0, true).spans : [];
		let at = indexOutside(vis, ":::", spans);
		const reversed = at >= 0;
		if (!reversed) at = indexOutside(vis, "::", spans);
		if (at < 0) return l;
		const line = this.lines[l];
		const sepEnd = at + (reversed ? 3 : 2);
		const leading = leadingFlashcardTag(line.slice(contentStart, at), this.settings.flashcardTags);
		const front = (leading ? leading.rest : line.slice(contentStart, at)).trim();
		const same = trailingComment(line);
		const sameComment = same && same.start >= sepEnd ? same : null;
		const back = textOf([line.slice(sepEnd, sameComment ? sameComment.start : line.length)], 0, 0, 0, { skip: new Set(), cutAt: new Map() });
		if (front === "" || back === "") return l;

		let comment: CommentFinding["comment"] = sameComment ? { ...sameComment, line: l, ownLine: false } : null;
		let last = l;
		while (last + 1 <= blockEnd) {
			const next = this.ownComment(last + 1);
			if (!next) break;
			last++;
			if (comment) this.duplicate(last, l);
			else comment = { ...next, line: last, ownLine: true };
		}
		this.cloze(runStart, l - 1);
		const kind: CardKind = reversed ? "singleline-reversed" : "singleline";
		const sides = reversed ? [{ question: front, answer: back }, { question: back, answer: front }] : [{ question: front, answer: back }];
		this.add(kind, l, last, front, back, sides, comment, l, depth, leading?.tag ?? null);
		return last + 1;
	}

	/** A multi-line card: question `qs..sep-1`, answer `sep+1..last`. */
	private multiline(qs: number, sep: number, last: number, kind: CardKind): void {
		const found = this.endComment(sep + 1, last);
		const depth = containerOf(this.lines[qs]).depth;
		const qText = textOf(this.lines, qs, sep - 1, depth, found.cuts);
		const leading = leadingFlashcardTag(qText, this.settings.flashcardTags);
		const front = leading ? leading.rest.trim() : qText;
		const back = textOf(this.lines, sep + 1, found.lastText, depth, found.cuts);
		const sides = kind === "multiline-reversed" ? [{ question: front, answer: back }, { question: back, answer: front }] : [{ question: front, answer: back }];
		this.add(kind, qs, last, front, back, sides, found.comment, found.lastText, depth, leading?.tag ?? null);
	}

	/** A cloze card from lines `from..to` when they hold deletions. */
	private cloze(from: number, to: number): void {
		if (to < from || this.settings.clozeKinds.length === 0) return;
		const found = this.endComment(from, to);
		if (found.lastText < from) return;
		const depth = containerOf(this.lines[from]).depth;
		const full = textOf(this.lines, from, found.lastText, depth, found.cuts);
		const leading = leadingFlashcardTag(full, this.settings.flashcardTags);
		const text = leading ? leading.rest.trim() : full;
		const deletions = findDeletions(text, this.settings.clozeKinds);
		if (deletions.length === 0) return;
		this.add("cloze", from, to, text, "", clozeSides(text, deletions), found.comment, found.lastText, depth, leading?.tag ?? null);
	}

	/** The scheduling comment of a multi-line or cloze card whose text lines are `from..to`. */
	private endComment(from: number, to: number): CommentFinding {
		const skip = new Set<number>();
		const cutAt = new Map<number, number>();
		let comment: CommentFinding["comment"] = null;
		let lastText = to;
		while (lastText >= from) {
			const own = this.ownComment(lastText);
			if (!own) break;
			skip.add(lastText);
			if (comment) this.duplicate(lastText, from);
			else comment = { ...own, line: lastText, ownLine: true };
			lastText--;
		}
		if (lastText >= from && this.regions.kind[lastText] === LineKind.Text) {
			const trailing = trailingComment(this.lines[lastText]);
			if (trailing) {
				cutAt.set(lastText, trailing.start);
				if (comment) this.duplicate(lastText, from);
				else comment = { ...trailing, line: lastText, ownLine: false };
			}
		}
		return { comment, cuts: { skip, cutAt }, lastText };
	}

	/** The scheduling comment alone on text line `i`, if any. */
	private ownComment(i: number): FoundComment | null {
		if (this.regions.kind[i] !== LineKind.Text) return null;
		const line = this.lines[i];
		return ownLineComment(line, containerOf(line).contentStart);
	}

	private duplicate(line: number, cardLine: number): void {
		this.problems.push({
			code: "duplicate-comment",
			line,
			message: `The card at line ${cardLine + 1} has more than one scheduling comment; only the one where the card's comment belongs is used.`,
		});
	}

	private add(
		kind: CardKind,
		startLine: number,
		endLine: number,
		front: string,
		back: string,
		sides: { question: string; answer: string }[],
		found: CommentFinding["comment"],
		lastText: number,
		_depth: number,
		leadingTag: string | null,
	): void {
		const segments = found ? this.segments(found, sides.length) : [];
		const siblings: Sibling[] = sides.map((side, index) => ({ index, ...side, segment: segments[index] ?? { kind: "absent" } }));
		const comment: CommentLocation | null = found ? { line: found.line, start: found.start, end: found.end, raw: found.raw, ownLine: found.ownLine } : null;
		const k = this.regions.kind[lastText];
		const card: Card = {
			kind,
			startLine,
			endLine,
			front,
			back,
			siblings,
			comment,
			source: sourceOf(this.lines, startLine, endLine, comment),
			decks: [],
			context: [],
			endsInFence: k === LineKind.FenceClose || k === LineKind.Opaque,
		};
		this.cards.push({ card, leadingTag });
	}

	private segments(found: NonNullable<CommentFinding["comment"]>, siblings: number): SegmentState[] {
		const states = readSchedulingComment(found.raw) ?? [];
		states.forEach((state, index) => {
			if (state.kind === "unreadable") {
				this.problems.push({ code: "unreadable-segment", line: found.line, message: `Segment ${index + 1} "${state.raw}" cannot be read: ${state.reason}. The card is reviewed as new.` });
			}
		});
		if (states.length > siblings) {
			this.problems.push({ code: "extra-segments", line: found.line, message: `The scheduling comment has ${states.length} segments but the card has ${siblings} sibling${siblings === 1 ? "" : "s"}.` });
		}
		return states.slice(0, siblings);
	}
}

function isBreak(kind: number): boolean {
	return kind === LineKind.Blank || kind === LineKind.Frontmatter || kind === LineKind.EndMarker;
}
