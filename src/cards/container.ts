/**
 * Container prefixes: callout/blockquote markers (`>`) in front of a line. Card markers and
 * fences are tested on what follows them (docs/format.md); list indentation is plain leading
 * whitespace and is removed by trimming.
 */
import { Char } from "../model/char-codes";

/** How deep a line sits in callouts and where its content starts. */
export interface Container {
	/** Number of `>` markers in front of the content. */
	depth: number;
	/** Offset of the content: after the last `>` and the one space that may follow it. */
	contentStart: number;
}

const NO_CONTAINER: Container = { depth: 0, contentStart: 0 };

/** Reads the callout prefix of `line` (`> > text` has depth 2). */
export function containerOf(line: string): Container {
	// Fast path: most lines do not start with whitespace or `>`.
	const first = line.charCodeAt(0);
	if (first !== Char.GreaterThan && first !== Char.Space && first !== Char.Tab) return NO_CONTAINER;
	let depth = 0;
	let contentStart = 0;
	let i = 0;
	const length = line.length;
	while (i < length) {
		const c = line.charCodeAt(i);
		if (c === Char.Space || c === Char.Tab) {
			i++;
		} else if (c === Char.GreaterThan) {
			depth++;
			i++;
			if (line.charCodeAt(i) === Char.Space) i++;
			contentStart = i;
		} else {
			break;
		}
	}
	return depth === 0 ? NO_CONTAINER : { depth, contentStart };
}

/** The line's content after `depth` callout markers at most (for card text as written). */
export function stripContainer(line: string, depth: number): string {
	if (depth === 0) return line;
	let i = 0;
	let seen = 0;
	let contentStart = 0;
	while (i < line.length && seen < depth) {
		const c = line.charCodeAt(i);
		if (c === Char.Space || c === Char.Tab) {
			i++;
		} else if (c === Char.GreaterThan) {
			seen++;
			i++;
			if (line.charCodeAt(i) === Char.Space) i++;
			contentStart = i;
		} else {
			break;
		}
	}
	return line.slice(contentStart);
}

/** True for space, tab and the other whitespace `String.prototype.trim` removes. */
export function isBlankText(text: string, from = 0): boolean {
	for (let i = from; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c !== Char.Space && c !== Char.Tab && c !== Char.NoBreakSpace && c !== Char.ByteOrderMark && c !== Char.VerticalTab && c !== Char.FormFeed)
			return false;
	}
	return true;
}

/**
 * Offset after a list marker (`- `, `* `, `+ `, `1. `, `1) `) at `p` and the spaces after it,
 * or `p` when there is none.
 */
export function afterListMarker(line: string, p: number): number {
	const c = line.charCodeAt(p);
	let q = p;
	if (c === Char.Dash || c === Char.Asterisk || c === Char.Plus) {
		q = p + 1;
	} else if (c >= Char.Digit0 && c <= Char.Digit9) {
		while (q < line.length && line.charCodeAt(q) >= Char.Digit0 && line.charCodeAt(q) <= Char.Digit9) q++;
		if (line.charCodeAt(q) !== Char.Dot && line.charCodeAt(q) !== Char.CloseParen) return p;
		q++;
	} else {
		return p;
	}
	if (line.charCodeAt(q) !== Char.Space && line.charCodeAt(q) !== Char.Tab) return p;
	while (line.charCodeAt(q) === Char.Space || line.charCodeAt(q) === Char.Tab) q++;
	return q;
}

/**
 * Offset of a list item's text: after the list marker at `p` and, if present, a task box
 * (`[ ] `, `[x] `, any one status character) and the spaces after them; `p` when `p` starts no
 * list item.
 */
export function afterListItemMarkers(line: string, p: number): number {
	const q = afterListMarker(line, p);
	if (q === p || line.charCodeAt(q) !== Char.OpenBracket || line.charCodeAt(q + 2) !== Char.CloseBracket) return q;
	const after = line.charCodeAt(q + 3);
	if (after !== Char.Space && after !== Char.Tab && q + 3 < line.length) return q;
	let r = q + 3;
	while (line.charCodeAt(r) === Char.Space || line.charCodeAt(r) === Char.Tab) r++;
	return r;
}

/**
 * A callout header (`[!type]`, `[!type]+` or `[!type]-`, then an optional title) at the start
 * of the content from `from` (spaces allowed before it): the offset of its title, or -1.
 */
export function calloutTitleStart(line: string, from: number): number {
	let p = from;
	while (line.charCodeAt(p) === Char.Space || line.charCodeAt(p) === Char.Tab) p++;
	if (line.charCodeAt(p) !== Char.OpenBracket || line.charCodeAt(p + 1) !== Char.Bang) return -1;
	const close = line.indexOf("]", p + 2);
	if (close <= p + 2) return -1;
	let q = close + 1;
	const c = line.charCodeAt(q);
	if (c === Char.Plus || c === Char.Dash) q++;
	while (line.charCodeAt(q) === Char.Space || line.charCodeAt(q) === Char.Tab) q++;
	return q;
}
