/**
 * Container prefixes: callout/blockquote markers (`>`) in front of a line. Card markers and
 * fences are tested on what follows them (cards.md §2–3); list indentation is plain leading
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
