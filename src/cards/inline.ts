/**
 * One left-to-right scan of a line for the inline constructs that hide card markers
 * (docs/format.md, "Lines, frontmatter and blocks"): code spans, one-line HTML and `%%` comments, and, for the `::` marker only,
 * inline math, `[[…]]` and `](…)`. Every search only moves forward, so a 1 MB line costs
 * linear time even when it is full of unmatched delimiters.
 */
import { Char } from "../model/char-codes";

/** Kinds of inline spans, stored as numbers in the flat span arrays. */
export const SpanKind = {
	Code: 0,
	Html: 1,
	Percent: 2,
	Scheduling: 3,
	Math: 4,
	Link: 5,
} as const;
export type SpanKind = (typeof SpanKind)[keyof typeof SpanKind];

/** Spans found on a line, as flat triples `[start, end, kind, …]` in increasing order. */
export interface InlineScan {
	spans: number[];
	/** A comment opened on this line and not closed on it: its kind and offset. */
	open: { kind: typeof SpanKind.Html | typeof SpanKind.Percent; at: number } | null;
}

/** Finds the next occurrence of a needle, remembering when there is none left. */
class ForwardFinder {
	private exhausted = false;
	constructor(
		private readonly text: string,
		private readonly needle: string,
	) {}
	next(from: number): number {
		if (this.exhausted) return -1;
		const at = this.text.indexOf(this.needle, from);
		if (at < 0) this.exhausted = true;
		return at;
	}
}

/** Backtick runs of a line grouped by length, with a forward-only cursor per length. */
class BacktickRuns {
	private readonly byLength = new Map<number, number[]>();
	private readonly cursor = new Map<number, number>();
	constructor(text: string, from: number) {
		let i = text.indexOf("`", from);
		while (i >= 0) {
			let j = i;
			while (text.charCodeAt(j) === Char.Backtick) j++;
			const length = j - i;
			let list = this.byLength.get(length);
			if (!list) this.byLength.set(length, (list = []));
			list.push(i);
			i = text.indexOf("`", j);
		}
	}
	/** Start of the first run of exactly `length` backticks after offset `after`, or -1. */
	closer(length: number, after: number): number {
		const list = this.byLength.get(length);
		if (!list) return -1;
		let k = this.cursor.get(length) ?? 0;
		while (k < list.length && list[k] <= after) k++;
		this.cursor.set(length, k);
		return k < list.length ? list[k] : -1;
	}
}

/**
 * Scans `line` from `from`. With `extras`, inline math and link targets are spans too and
 * scheduling comments are reported as spans (for the `::` search).
 */
export function scanInline(line: string, from: number, extras: boolean): InlineScan {
	const spans: number[] = [];
	const length = line.length;
	let runs: BacktickRuns | null = null;
	const htmlClose = new ForwardFinder(line, "-->");
	const percent = new ForwardFinder(line, "%%");
	const dollar = new ForwardFinder(line, "$");
	const doubleDollar = new ForwardFinder(line, "$$");
	const wikiClose = new ForwardFinder(line, "]]");
	const parenClose = new ForwardFinder(line, ")");
	let i = from;
	while (i < length) {
		const c = line.charCodeAt(i);
		if (c === Char.Backtick) {
			let j = i;
			while (line.charCodeAt(j) === Char.Backtick) j++;
			runs ??= new BacktickRuns(line, i);
			const close = runs.closer(j - i, i);
			if (close < 0) {
				i = j;
				continue;
			}
			spans.push(i, close + (j - i), SpanKind.Code);
			i = close + (j - i);
		} else if (c === Char.LessThan && line.startsWith("<!--", i)) {
			const scheduling = line.startsWith("<!--SR:", i);
			const close = htmlClose.next(i + 4);
			if (close < 0) {
				if (scheduling) {
					i += 4;
					continue;
				}
				return { spans, open: { kind: SpanKind.Html, at: i } };
			}
			if (!scheduling || extras) spans.push(i, close + 3, scheduling ? SpanKind.Scheduling : SpanKind.Html);
			i = close + 3;
		} else if (c === Char.Percent && line.charCodeAt(i + 1) === Char.Percent) {
			const close = percent.next(i + 2);
			if (close < 0) return { spans, open: { kind: SpanKind.Percent, at: i } };
			spans.push(i, close + 2, SpanKind.Percent);
			i = close + 2;
		} else if (extras && c === Char.Dollar && line.charCodeAt(i - 1) !== Char.Backslash) {
			// An escaped `\$` (a price) neither opens nor closes math, as in Obsidian; nor does a
			// single `$` with a space on its inner side (`$200 on … of $200`: no math there).
			const double = line.charCodeAt(i + 1) === Char.Dollar;
			if (!double && isSpaceCode(line.charCodeAt(i + 1))) {
				i++;
				continue;
			}
			let close = double ? doubleDollar.next(i + 2) : dollar.next(i + 1);
			while (close > 0 && (line.charCodeAt(close - 1) === Char.Backslash || (!double && isSpaceCode(line.charCodeAt(close - 1)))))
				close = double ? doubleDollar.next(close + 1) : dollar.next(close + 1);
			if (close < 0) {
				i += double ? 2 : 1;
				continue;
			}
			const end = close + (double ? 2 : 1);
			spans.push(i, end, SpanKind.Math);
			i = end;
		} else if (extras && c === Char.OpenBracket && line.charCodeAt(i + 1) === Char.OpenBracket) {
			const close = wikiClose.next(i + 2);
			if (close < 0) {
				i += 2;
				continue;
			}
			spans.push(i, close + 2, SpanKind.Link);
			i = close + 2;
		} else if (extras && c === Char.CloseBracket && line.charCodeAt(i + 1) === Char.OpenParen) {
			const close = parenClose.next(i + 2);
			if (close < 0) {
				i += 2;
				continue;
			}
			spans.push(i + 1, close + 1, SpanKind.Link);
			i = close + 1;
		} else {
			i++;
		}
	}
	return { spans, open: null };
}

/** First occurrence of `needle` in `line`, at or after `from`, that starts outside every span, or -1. */
export function indexOutside(line: string, needle: string, spans: readonly number[], from = 0): number {
	let s = 0;
	for (;;) {
		const at = line.indexOf(needle, from);
		if (at < 0) return -1;
		while (s < spans.length && spans[s + 1] <= at) s += 3;
		if (s >= spans.length || at < spans[s]) return at;
		from = spans[s + 1];
	}
}

/** `line` with the given span kinds replaced by spaces (offsets unchanged). */
export function maskSpans(line: string, spans: readonly number[], kinds: readonly SpanKind[]): string {
	let out = "";
	let last = 0;
	for (let s = 0; s < spans.length; s += 3) {
		if (!(kinds as readonly number[]).includes(spans[s + 2])) continue;
		out += line.slice(last, spans[s]) + " ".repeat(spans[s + 1] - spans[s]);
		last = spans[s + 1];
	}
	return last === 0 ? line : out + line.slice(last);
}

/** A space, tab or line break (what ends inline math's `$` on its inner side). */
function isSpaceCode(c: number): boolean {
	return c === Char.Space || (c >= Char.Tab && c <= Char.CarriageReturn) || c === Char.NoBreakSpace;
}
