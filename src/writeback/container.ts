/**
 * Where a new scheduling comment goes on or after a card's line so that lists and callouts
 * stay intact (docs/format.md, "Writing back": a comment line at column 0 would end a list or callout).
 */
import type { CommentPlacement } from "../settings/settings";

/** A placement as written: the automatic choice resolved for one card. */
export type LinePlacement = Exclude<CommentPlacement, "auto">;

/**
 * The placement `placement` means for a card whose first line is `firstLine`. `auto` is the same
 * line when a comment on the next line would not start at column 0 (the card sits in a list, a
 * callout or an indented line): the Spaced Repetition plugin reads a single-line card's comment
 * only at the end of its line or at the start of the next line, so an indented comment line is
 * invisible to it, while the end of the line keeps the list or callout intact too. Elsewhere the
 * next line.
 */
export function resolvePlacement(placement: CommentPlacement, firstLine: string): LinePlacement {
	if (placement !== "auto") return placement;
	return continuationPrefix(firstLine) === "" ? "next-line" : "same-line";
}

/** A list marker (`-`, `*`, `+`, `1.`, `1)`) and the spaces after it, or a marker ending the line. */
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?: +|\t|$)/;

/**
 * The prefix a continuation line of `line` needs to stay in the same container: the leading
 * indentation and callout `>` markers as written, and each list marker replaced by spaces of
 * its width (marker plus 1–4 spaces, as CommonMark counts the content column), so that a
 * comment line under `  - Q::A` becomes `    <!--SR:…-->`, part of the same list item.
 */
export function continuationPrefix(line: string): string {
	let prefix = "";
	let rest = line;
	for (;;) {
		const space = /^[ \t]*/.exec(rest)?.[0] ?? "";
		if (space.length > 0) {
			prefix += space;
			rest = rest.slice(space.length);
		}
		if (rest.startsWith(">")) {
			const marker = rest.startsWith("> ") ? "> " : ">";
			prefix += marker;
			rest = rest.slice(marker.length);
			continue;
		}
		const list = LIST_MARKER.exec(rest)?.[0];
		if (list !== undefined) {
			prefix += " ".repeat(listContinuationWidth(list));
			rest = rest.slice(list.length);
			if (list.endsWith("\t")) prefix += "\t";
			continue;
		}
		return prefix;
	}
}

/** Width of a list item's content column relative to its marker. */
function listContinuationWidth(markerWithSpaces: string): number {
	const marker = markerWithSpaces.replace(/[ \t]+$/, "");
	const spaces = markerWithSpaces.length - marker.length;
	if (markerWithSpaces.endsWith("\t")) return marker.length;
	// No space (marker ends the line) or 5+ spaces (indented code inside the item): marker + 1.
	if (spaces === 0 || spaces > 4) return marker.length + 1;
	return marker.length + spaces;
}

/**
 * Column at which a same-line comment is inserted (with one space before it): the very end of
 * the line, trailing spaces and a block id ` ^id` included — the reader only recognises a
 * scheduling comment that ends its line, as the Spaced Repetition plugin writes it.
 */
export function sameLineColumn(line: string): number {
	return line.length;
}

/**
 * Whether a line must not carry a same-line comment because it closes an opaque region
 * (a code fence or `$$` math block): the comment would become part of the fence or formula.
 */
export function closesOpaqueRegion(line: string): boolean {
	const content = line.replace(/^(?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*/, "");
	return /^(?:`{3,}|~{3,}|\$\$)/.test(content) || /\$\$[ \t]*$/.test(content);
}
