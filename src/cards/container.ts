/**
 * Container prefixes: callout/blockquote markers (`>`) in front of a line. Card markers and
 * fences are tested on what follows them (docs/format.md); list indentation is plain leading
 * whitespace and is removed by trimming.
 */

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
	if (first !== 62 && first !== 32 && first !== 9) return NO_CONTAINER;
	let depth = 0;
	let contentStart = 0;
	let i = 0;
	const length = line.length;
	while (i < length) {
		const c = line.charCodeAt(i);
		if (c === 32 || c === 9) {
			i++;
		} else if (c === 62) {
			depth++;
			i++;
			if (line.charCodeAt(i) === 32) i++;
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
		if (c === 32 || c === 9) {
			i++;
		} else if (c === 62) {
			seen++;
			i++;
			if (line.charCodeAt(i) === 32) i++;
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
		if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 0xfeff && c !== 0x0b && c !== 0x0c) return false;
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
	if (c === 45 || c === 42 || c === 43) {
		q = p + 1;
	} else if (c >= 48 && c <= 57) {
		while (q < line.length && line.charCodeAt(q) >= 48 && line.charCodeAt(q) <= 57) q++;
		if (line.charCodeAt(q) !== 46 && line.charCodeAt(q) !== 41) return p;
		q++;
	} else {
		return p;
	}
	if (line.charCodeAt(q) !== 32 && line.charCodeAt(q) !== 9) return p;
	while (line.charCodeAt(q) === 32 || line.charCodeAt(q) === 9) q++;
	return q;
}

/**
 * Offset of a list item's text: after the list marker at `p` and, if present, a task box
 * (`[ ] `, `[x] `, any one status character) and the spaces after them; `p` when `p` starts no
 * list item.
 */
export function afterListItemMarkers(line: string, p: number): number {
	const q = afterListMarker(line, p);
	if (q === p || line.charCodeAt(q) !== 91 || line.charCodeAt(q + 2) !== 93) return q;
	const after = line.charCodeAt(q + 3);
	if (after !== 32 && after !== 9 && q + 3 < line.length) return q;
	let r = q + 3;
	while (line.charCodeAt(r) === 32 || line.charCodeAt(r) === 9) r++;
	return r;
}

/**
 * A callout header (`[!type]`, `[!type]+` or `[!type]-`, then an optional title) at the start
 * of the content from `from` (spaces allowed before it): the offset of its title, or -1.
 */
export function calloutTitleStart(line: string, from: number): number {
	let p = from;
	while (line.charCodeAt(p) === 32 || line.charCodeAt(p) === 9) p++;
	if (line.charCodeAt(p) !== 91 || line.charCodeAt(p + 1) !== 33) return -1;
	const close = line.indexOf("]", p + 2);
	if (close <= p + 2) return -1;
	let q = close + 1;
	const c = line.charCodeAt(q);
	if (c === 43 || c === 45) q++;
	while (line.charCodeAt(q) === 32 || line.charCodeAt(q) === 9) q++;
	return q;
}
