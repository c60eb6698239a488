/**
 * Which lines of a note may hold a marker (the single-line separators, `#`, cloze openers): each needle is searched in
 * the whole text once, which is much cheaper than one search per line, and lines without a mark
 * skip their own search. A needle never spans a line break, so every occurrence lies in one line.
 */

/** Bits of a line's mark: the needle occurs in the line as written. */
export const Mark = {
	Colons: 1,
	Hash: 2,
	Equals: 4,
	Stars: 8,
	Braces: 16,
	/** The opener of a cloze pattern in use. */
	Cloze: 32,
	/** `<!--SR:`, the start of a scheduling comment. */
	Scheduling: 64,
} as const;

/**
 * One mark per line: bit `needles[k][1]` is set on each line that holds `needles[k][0]`, where
 * `starts` are the lines' offsets in `text` (from `linesWithStarts`). Comment blanking only turns
 * characters into spaces, so a line without a mark holds no needle in its visible form either.
 */
export function markLines(text: string, starts: readonly number[], needles: readonly (readonly [string, number])[]): Uint8Array {
	const n = starts.length;
	const marks = new Uint8Array(n);
	for (const [needle, bit] of needles) {
		let line = 0;
		for (let at = text.indexOf(needle); at >= 0;) {
			// The line of `at`: the last line starting at or before it.
			while (line + 1 < n && starts[line + 1] <= at) line++;
			marks[line] |= bit;
			// The rest of this line has the mark already: search on from the next line.
			if (line + 1 >= n) break;
			at = text.indexOf(needle, starts[line + 1]);
		}
	}
	return marks;
}
