/**
 * Pass one over a note: classifies every line (blank, text, opaque, frontmatter, end marker)
 * following docs/format.md, "Lines, frontmatter and blocks" — frontmatter, fenced code, `$$` math, HTML and `%%` comments — and
 * blanks out comment text inside text lines so card markers are never seen there.
 * Every region is found by scanning forward only; an unclosed region ends at the first blank
 * line (or where its callout ends) and is reported, so it never swallows the rest of the note.
 */
import type { NoteProblem } from "../model/card";
import { Char } from "../model/char-codes";
import { afterListMarker, containerOf, isBlankText } from "./container";
import { maskSpans, scanInline, SpanKind } from "./inline";
import { closingFenceLength, fenceAt, type FenceChar } from "./fences";
import { LineKind, type NoteNeedles, type NoteRegions } from "./line-kinds";

const ALL_NEEDLES: NoteNeedles = { percent: true, plainHtml: true, math: true };

/**
 * Classifies the lines of a note. `endMarker` may be empty. `needles`, from `needlesOf` (line-kinds.ts)
 * on the note's text, lets lines skip searches for delimiters the note does not contain.
 */
export function findRegions(lines: readonly string[], endMarker: string, needles: NoteNeedles = ALL_NEEDLES): NoteRegions {
	return new RegionScanner(lines, endMarker.trim(), needles).run();
}

class RegionScanner {
	private readonly n: number;
	private readonly kind: Uint8Array;
	private readonly depth: Uint8Array;
	/** Copied from `lines` on the first change only: most notes have no comment to blank out. */
	private visible: string[] | null = null;
	private hasCallouts = false;
	private readonly problems: NoteProblem[] = [];
	/** Made on first use (like `fenceMemo`): most notes never need it. */
	private lastLineWith: Map<string, number> | null = null;
	/** Set when the next line to handle closes a comment or math block: where its text starts. */
	private resume: { from: number; hiddenFrom: number } | null = null;
	/** After a fence search that reached the end: the longest closer of each char seen after `from`. */
	private fenceMemo: Map<FenceChar, { from: number; longest: number }> | null = null;

	constructor(
		private readonly lines: readonly string[],
		private readonly endMarker: string,
		private readonly needles: NoteNeedles,
	) {
		this.n = lines.length;
		this.kind = new Uint8Array(this.n);
		this.depth = new Uint8Array(this.n);
	}

	run(): NoteRegions {
		const frontmatterEnd = this.frontmatter();
		let i = frontmatterEnd + 1;
		while (i < this.n) {
			const resume = this.resume;
			if (resume === null) {
				i = this.line(i);
			} else {
				// A comment or math block closed on line `i`: the rest of the line is text.
				this.resume = null;
				this.depth[i] = Math.min(containerOf(this.lines[i]).depth, 255);
				i = this.text(i, resume.from, resume.hiddenFrom);
			}
		}
		return {
			kind: this.kind,
			depth: this.depth,
			hasCallouts: this.hasCallouts,
			visible: this.visible ?? this.lines,
			frontmatterEnd,
			problems: this.problems,
		};
	}

	private frontmatter(): number {
		if (this.n === 0 || this.lines[0].trimEnd() !== "---") return -1;
		for (let j = 1; j < this.n; j++) {
			const t = this.lines[j].trimEnd();
			if (t === "---" || t === "...") {
				this.kind.fill(LineKind.Frontmatter, 0, j + 1);
				return j;
			}
		}
		return -1;
	}

	/** Handles line `i` (in normal state); returns the next line to handle. */
	private line(i: number): number {
		const line = this.lines[i];
		const { depth, contentStart } = containerOf(line);
		this.depth[i] = Math.min(depth, 255);
		if (depth > 0) this.hasCallouts = true;
		let p = contentStart;
		while (p < line.length && (line.charCodeAt(p) === Char.Space || line.charCodeAt(p) === Char.Tab)) p++;
		if (p === line.length || isBlankText(line, p)) {
			// Only callout markers (`>`): an empty line inside a callout, unless it opens a quote
			// below a line outside it (`A`, `>`, `| x | y |`), which goes on as text.
			if (depth > 0 && this.opensQuote(i, depth)) return this.text(i, 0);
			this.kind[i] = LineKind.Blank;
			return i + 1;
		}
		if (this.endMarker && line.slice(p).trimEnd() === this.endMarker) {
			this.kind[i] = LineKind.EndMarker;
			return i + 1;
		}
		const fence = fenceAt(line, afterListMarker(line, p));
		if (fence) return this.fence(i, depth, fence.char, fence.length);
		if (line.startsWith("$$", p)) {
			this.kind[i] = LineKind.Opaque;
			const close = line.indexOf("$$", p + 2);
			if (close < 0) return this.block(i, depth, "$$", "unclosed-math", "math block `$$`");
			// `$$ … $$` on one line; text after it (a scheduling comment) is read.
			return isBlankText(line, close + 2) ? i + 1 : this.text(i, close + 2, p);
		}
		return this.text(i, 0);
	}

	/**
	 * True when line `i`, holding only callout markers (`depth` of them), follows a line of the
	 * same block that sits in fewer callouts: the markers start a quote there, not a blank line.
	 */
	private opensQuote(i: number, depth: number): boolean {
		if (i === 0) return false;
		const before = this.kind[i - 1];
		if (before === LineKind.Blank || before === LineKind.Frontmatter || before === LineKind.EndMarker) return false;
		return containerOf(this.lines[i - 1]).depth < depth;
	}

	/**
	 * A text line from offset `from` on: offsets `hiddenFrom..from` were inside a comment or
	 * math, and are blanked out in `visible` (the prefix before `hiddenFrom` stays).
	 */
	private text(i: number, from: number, hiddenFrom = 0): number {
		const line = this.lines[i];
		this.kind[i] = LineKind.Text;
		// Scheduling comments are never blanked: a note without other comments needs no scan.
		if ((!this.needles.percent && !this.needles.plainHtml) || !mayHoldComment(line, from)) {
			if (from > hiddenFrom) this.setVisible(i, hidden(line, hiddenFrom, from));
			return this.mathOpenedOn(i, from);
		}
		const scan = scanInline(line, from, false);
		const masked = hidden(maskSpans(line, scan.spans, [SpanKind.Html, SpanKind.Percent]), hiddenFrom, from);
		if (!scan.open) {
			if (masked !== line) this.setVisible(i, masked);
			return this.mathOpenedOn(i, from);
		}
		const at = scan.open.at;
		this.setVisible(i, masked.slice(0, at) + " ".repeat(line.length - at));
		const html = scan.open.kind === SpanKind.Html;
		return this.comment(i, at, html ? "-->" : "%%", html);
	}

	/**
	 * Line `j` closes a comment or math block at `from`: `run` reads the rest of it as text next
	 * (a loop, not a call: a long chain of such lines must not grow the stack).
	 */
	private resumeAt(j: number, from: number, hiddenFrom: number): number {
		this.resume = { from, hiddenFrom };
		return j;
	}

	private setVisible(i: number, text: string): void {
		(this.visible ??= this.lines.slice())[i] = text;
	}

	/**
	 * After text line `i` (read from `from`): when it leaves a `$$` open (an odd number of `$$`
	 * outside inline code: `… as:$$`, or `- $$\begin{align}` with the formula going on below),
	 * the lines below are math up to the next line holding `$$`. Returns the next line to handle.
	 */
	private mathOpenedOn(i: number, from: number): number {
		if (!this.needles.math) return i + 1;
		const visible = this.visible?.[i] ?? this.lines[i];
		let at = visible.indexOf("$$", from);
		if (at < 0) return i + 1;
		const code = visible.indexOf("`", from) >= 0 ? scanInline(visible, from, false).spans : NO_SPANS;
		let count = 0;
		let last = -1;
		let span = 0;
		for (; at >= 0; at = visible.indexOf("$$", at + 2)) {
			while (span < code.length && code[span + 1] <= at) span += 3;
			if (span < code.length && code[span] <= at) {
				at = code[span + 1] - 2;
				continue;
			}
			count++;
			last = at;
		}
		if (count % 2 === 0) return i + 1;
		// The formula's start on this line is math too: no card marker is looked for there.
		this.setVisible(i, visible.slice(0, last) + " ".repeat(visible.length - last));
		// Opened inside a paragraph, the formula cannot outlive it: a blank line ends it, as in
		// Obsidian's rendering (docs/format.md, "Math blocks").
		return this.block(i, containerOf(this.lines[i]).depth, "$$", "unclosed-math", "math block `$$`", true);
	}

	/** A multi-line comment opened on line `i` at offset `at`. */
	private comment(i: number, _at: number, closer: string, html: boolean): number {
		// scanInline found no closer on line `i` after `at`, so only later lines can close it.
		if (this.lastLine(closer) <= i) {
			this.problems.push({
				code: "unclosed-comment",
				line: i,
				message: `The ${html ? "HTML comment `<!--`" : "comment `%%`"} opened here is never closed; it is taken to end at the next blank line.`,
			});
			return this.untilBlank(i + 1);
		}
		for (let j = i + 1; j < this.n; j++) {
			const close = this.lines[j].indexOf(closer);
			if (close >= 0) return this.resumeAt(j, close + closer.length, 0);
			this.kind[j] = LineKind.Opaque;
			if (this.hasCallouts) this.depth[j] = Math.min(containerOf(this.lines[j]).depth, 255);
		}
		return this.n;
	}

	/**
	 * A `$$` math block opened on line `i`, closed by the next line holding `closer`. With
	 * `inParagraph` (opened after text on its line) a blank line before the closer leaves it unclosed.
	 */
	private block(i: number, depth: number, closer: string, code: NoteProblem["code"], what: string, inParagraph = false): number {
		if (this.lastLine(closer) > i) {
			for (let j = i + 1; j < this.n; j++) {
				const line = this.lines[j];
				const lineDepth = containerOf(line).depth;
				if (depth > 0 && lineDepth < depth) return j;
				this.depth[j] = Math.min(lineDepth, 255);
				if (inParagraph && isBlankText(line, containerOf(line).contentStart)) {
					this.problems.push({ code, line: i, message: `The ${what} opened here is never closed; it is taken to end at the next blank line.` });
					return j;
				}
				this.kind[j] = LineKind.Opaque;
				const close = line.indexOf(closer);
				if (close < 0) continue;
				// Text after the closing `$$` (a scheduling comment) is read.
				return isBlankText(line, close + closer.length) ? j + 1 : this.resumeAt(j, close + closer.length, containerOf(line).contentStart);
			}
			return this.n;
		}
		this.problems.push({ code, line: i, message: `The ${what} opened here is never closed; it is taken to end at the next blank line.` });
		return this.untilBlank(i + 1);
	}

	/** A code fence opened on line `i`. */
	private fence(i: number, depth: number, char: FenceChar, length: number): number {
		this.kind[i] = LineKind.Opaque;
		const memo = this.fenceMemo?.get(char);
		const hopeless = depth === 0 && memo !== undefined && memo.from <= i && memo.longest < length;
		let longest = 0;
		if (!hopeless) {
			for (let j = i + 1; j < this.n; j++) {
				const line = this.lines[j];
				const c = containerOf(line);
				if (depth > 0 && c.depth < depth) return this.unclosedFence(i, j);
				// Its depth, as for any line: a block inside a callout goes on past the fence.
				this.depth[j] = Math.min(c.depth, 255);
				const close = depth === 0 && c.depth > 0 ? 0 : closingFenceLength(line, c.contentStart, char);
				if (close >= length) {
					this.kind[j] = LineKind.FenceClose;
					return j + 1;
				}
				if (close > longest) longest = close;
				this.kind[j] = LineKind.Opaque;
			}
			if (depth > 0) return this.unclosedFence(i, this.n);
			(this.fenceMemo ??= new Map()).set(char, { from: i, longest });
			// The lines were marked opaque on the way; they are re-classified from the blank on.
		}
		this.problems.push({
			code: "unclosed-fence",
			line: i,
			message: "The code fence opened here is never closed; it is taken to end at the next blank line.",
		});
		return this.untilBlank(i + 1);
	}

	private unclosedFence(i: number, end: number): number {
		this.problems.push({
			code: "unclosed-fence",
			line: i,
			message: "The code fence opened here is not closed before its callout ends.",
		});
		return end;
	}

	/** Marks lines opaque up to the first blank line (which is classified normally). */
	private untilBlank(from: number): number {
		for (let j = from; j < this.n; j++) {
			const line = this.lines[j];
			const c = containerOf(line);
			if (isBlankText(line, c.contentStart)) return j;
			this.kind[j] = LineKind.Opaque;
			this.depth[j] = Math.min(c.depth, 255);
		}
		return this.n;
	}

	/** Index of the last line containing `needle` (computed once per needle), or -1. */
	private lastLine(needle: string): number {
		let last = this.lastLineWith?.get(needle);
		if (last === undefined) {
			last = -1;
			for (let j = this.n - 1; j >= 0; j--) {
				if (this.lines[j].includes(needle)) {
					last = j;
					break;
				}
			}
			(this.lastLineWith ??= new Map()).set(needle, last);
		}
		return last;
	}
}

const NO_SPANS: readonly number[] = [];

/** `text` with `from..to` blanked out (nothing when the range is empty). */
function hidden(text: string, from: number, to: number): string {
	return to > from ? text.slice(0, from) + " ".repeat(to - from) + text.slice(to) : text;
}

/**
 * False when `line` from `from` on certainly holds no comment to blank out: no `%%`, and no
 * `<!--` other than one scheduling comment (`<!--SR:`), which is never blanked (the common
 * card line needs no inline scan).
 */
function mayHoldComment(line: string, from: number): boolean {
	const open = line.indexOf("<!--", from);
	if (open >= 0 && (!line.startsWith("<!--SR:", open) || line.indexOf("<!--", open + 4) >= 0)) return true;
	return line.indexOf("%%", from) >= 0;
}
