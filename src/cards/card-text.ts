/**
 * Building a card's text and its `source` from its lines: container prefixes removed, the
 * scheduling comment and a trailing block id (` ^id`) left out, as cards.md §3 and cli.md say.
 */
import { stripContainer } from "./container";

/** Which parts of a card's lines are not card text. */
export interface Cuts {
	/** Lines that are only a scheduling comment (the card's own or a duplicate). */
	skip: ReadonlySet<number>;
	/** Lines that end with a scheduling comment: the comment's start offset in the line. */
	cutAt: ReadonlyMap<number, number>;
}

export const NO_CUTS: Cuts = { skip: new Set(), cutAt: new Map() };

/** Lines `from..to` as card text: prefixes of `depth` callouts stripped, comments cut, trimmed. */
export function textOf(lines: readonly string[], from: number, to: number, depth: number, cuts: Cuts): string {
	const parts: string[] = [];
	for (let i = from; i <= to; i++) {
		if (cuts.skip.has(i)) continue;
		let line = lines[i];
		const cut = cuts.cutAt.get(i);
		if (cut !== undefined) line = line.slice(0, cut);
		parts.push(stripContainer(line, depth));
	}
	return withoutBlockId(parts.join("\n")).trim();
}

/** `text` without a trailing block id ` ^id` (letters, digits and `-`). */
export function withoutBlockId(text: string): string {
	const end = trimEndIndex(text);
	const caret = text.lastIndexOf("^", end);
	if (caret <= 0 || caret === end - 1) return text;
	const before = text.charCodeAt(caret - 1);
	if (before !== 32 && before !== 9) return text;
	for (let i = caret + 1; i < end; i++) {
		const c = text.charCodeAt(i);
		const ok = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45;
		if (!ok) return text;
	}
	return text.slice(0, caret);
}

function trimEndIndex(text: string): number {
	let end = text.length;
	while (end > 0 && /\s/.test(text[end - 1])) end--;
	return end;
}

/**
 * The card's lines as in the file joined with "\n", with its scheduling comment removed: an
 * own-line comment drops its line, a comment at the end of a line is cut with the spaces before it,
 * so the source is the same before and after the writer adds a comment.
 */
export function sourceOf(
	lines: readonly string[],
	from: number,
	to: number,
	comment: { line: number; start: number; ownLine: boolean } | null,
): string {
	const parts: string[] = [];
	for (let i = from; i <= to; i++) {
		if (comment && comment.line === i) {
			if (!comment.ownLine) parts.push(lines[i].slice(0, comment.start).trimEnd());
			continue;
		}
		parts.push(lines[i]);
	}
	return parts.join("\n");
}
