/**
 * Splitting a note into lines while keeping every line's own ending, so that a note can be
 * rebuilt byte-for-byte (docs/format.md, "Lines, frontmatter and blocks": `\n`, `\r\n` and a lone `\r` all end a line).
 */

/** A note split into lines: `(bom ? "\uFEFF" : "") + lines[i] + endings[i]…` is the original text. */
export interface SplitText {
	/** True when the text starts with a byte order mark (it is not part of `lines[0]`). */
	bom: boolean;
	/** Line texts without their endings. */
	lines: string[];
	/** Each line's ending: "\n", "\r\n", "\r", or "" for a last line without newline. */
	endings: string[];
}

const BOM = "\uFEFF";

/**
 * Splits `text` into lines and their endings. An empty text gives one empty line; a text that
 * ends with a newline gives a last empty line with ending "" (so joining always round-trips).
 */
export function splitLines(text: string): SplitText {
	const bom = text.startsWith(BOM);
	const lines: string[] = [];
	const endings: string[] = [];
	let start = bom ? 1 : 0;
	// Next "\n" and "\r" at or after `start`, searched again only once passed, so a file with one
	// far-away "\r" is still split in linear time. indexOf is native and much faster than a loop.
	let lf = text.indexOf("\n", start);
	let cr = text.indexOf("\r", start);
	while (lf >= 0 || cr >= 0) {
		if (cr < 0 || (lf >= 0 && lf < cr)) {
			lines.push(text.slice(start, lf));
			endings.push("\n");
			start = lf + 1;
		} else if (lf === cr + 1) {
			lines.push(text.slice(start, cr));
			endings.push("\r\n");
			start = cr + 2;
		} else {
			lines.push(text.slice(start, cr));
			endings.push("\r");
			start = cr + 1;
		}
		if (lf >= 0 && lf < start) lf = text.indexOf("\n", start);
		if (cr >= 0 && cr < start) cr = text.indexOf("\r", start);
	}
	lines.push(text.slice(start));
	endings.push("");
	return { bom, lines, endings };
}

/** A note's lines (as {@link splitLines} gives them) and the offset in the text where each starts. */
export interface LinesWithStarts {
	lines: string[];
	/** `starts[i]` is the offset of `lines[i]` in the text (after a byte order mark). */
	starts: number[];
}

/**
 * The lines of `text` as {@link splitLines} splits them, with their start offsets instead of
 * their endings: the parser needs where lines start, never how they end.
 */
export function linesWithStarts(text: string): LinesWithStarts {
	const from = text.startsWith(BOM) ? 1 : 0;
	// Most notes end lines with "\n" only: the native split is much faster than the loop below.
	if (text.indexOf("\r", from) < 0) {
		const lines = (from === 0 ? text : text.slice(from)).split("\n");
		const starts = new Array<number>(lines.length);
		let at = from;
		for (let i = 0; i < lines.length; i++) {
			starts[i] = at;
			at += lines[i].length + 1;
		}
		return { lines, starts };
	}
	const lines: string[] = [];
	const starts: number[] = [];
	let start = from;
	let lf = text.indexOf("\n", start);
	let cr = text.indexOf("\r", start);
	while (lf >= 0 || cr >= 0) {
		starts.push(start);
		if (cr < 0 || (lf >= 0 && lf < cr)) {
			lines.push(text.slice(start, lf));
			start = lf + 1;
		} else {
			lines.push(text.slice(start, cr));
			start = lf === cr + 1 ? cr + 2 : cr + 1;
		}
		if (lf >= 0 && lf < start) lf = text.indexOf("\n", start);
		if (cr >= 0 && cr < start) cr = text.indexOf("\r", start);
	}
	starts.push(start);
	lines.push(text.slice(start));
	return { lines, starts };
}

/** Rebuilds the text from its parts (the inverse of {@link splitLines}). */
export function joinLines(split: SplitText): string {
	let out = split.bom ? BOM : "";
	for (let i = 0; i < split.lines.length; i++) out += split.lines[i] + split.endings[i];
	return out;
}

/** How many lines `splitLines` would give `text`, counted without building them. */
export function lineCount(text: string): number {
	let count = 1;
	for (let i = text.indexOf("\n"), cr = text.indexOf("\r"); i >= 0 || cr >= 0;) {
		if (cr >= 0 && (i < 0 || cr < i)) {
			count++;
			const next = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
			if (i === cr + 1) i = text.indexOf("\n", next);
			cr = text.indexOf("\r", next);
		} else {
			count++;
			i = text.indexOf("\n", i + 1);
		}
	}
	return count;
}
