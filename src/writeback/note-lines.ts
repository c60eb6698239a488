/**
 * Line-level edits of a note that keep every other byte as it was: each line keeps its own
 * ending (`\n`, `\r\n`, lone `\r` or none at the end of the file) and the BOM is kept apart.
 */
import type { SplitText } from "../cards/lines";

/** A note split into lines, as `splitLines` in `src/cards/lines.ts` returns it. */
export type NoteLines = SplitText;

export type LineEnding = "\n" | "\r\n" | "\r";

/** The ending most lines use (`\n` when no line has one; ties go to the one met first). */
export function predominantEnding(endings: readonly string[]): LineEnding {
	const counts = new Map<LineEnding, number>();
	let best: LineEnding = "\n";
	let bestCount = 0;
	for (const ending of endings) {
		if (ending !== "\n" && ending !== "\r\n" && ending !== "\r") continue;
		const next = (counts.get(ending) ?? 0) + 1;
		counts.set(ending, next);
		if (next > bestCount) {
			best = ending;
			bestCount = next;
		}
	}
	return best;
}

/**
 * Inserts `content` as a new line right after line `index`. The new line takes the ending of
 * the line it follows; when that line ends the file without an ending, it gets the file's
 * predominant ending and the new line ends the file without one, as the file did.
 */
export function insertLineAfter(note: NoteLines, index: number, content: string): NoteLines {
	const lines = note.lines.slice();
	const endings = note.endings.slice();
	let ending = endings[index] ?? "";
	if (ending === "") {
		endings[index] = predominantEnding(note.endings);
		ending = "";
	}
	lines.splice(index + 1, 0, content);
	endings.splice(index + 1, 0, ending);
	return { bom: note.bom, lines, endings };
}

/**
 * Removes line `index`, the exact inverse of {@link insertLineAfter}: when the removed line
 * ended the file without an ending, the line before it loses its ending too.
 */
export function removeLine(note: NoteLines, index: number): NoteLines {
	const lines = note.lines.slice();
	const endings = note.endings.slice();
	if (endings[index] === "" && index > 0) endings[index - 1] = "";
	lines.splice(index, 1);
	endings.splice(index, 1);
	return { bom: note.bom, lines, endings };
}

/** A copy of the note with line `index` replaced by `content` (its ending kept). */
export function replaceLine(note: NoteLines, index: number, content: string): NoteLines {
	const lines = note.lines.slice();
	lines[index] = content;
	return { bom: note.bom, lines, endings: note.endings.slice() };
}
