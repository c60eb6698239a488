/** Notes: as text for the parser, or as the parser's result for the index. */
import type { NoteForIndex } from "../../src/index/card-index";

/** A note's text: `lines` joined with "\n" (no line ending after the last). */
export function noteLines(...lines: string[]): string {
	return lines.join("\n");
}

/**
 * A flashcard note's text: the tag `#flashcards` on line 0, a blank line, then `lines` (so they
 * start at line 2). For another tag, write the lines with {@link noteLines}.
 */
export function taggedNote(...lines: string[]): string {
	return noteLines("#flashcards", "", ...lines);
}

/** A parsed note as the index takes it. Defaults: no tags, no cards. */
export function noteForIndex(overrides: Partial<NoteForIndex> = {}): NoteForIndex {
	return { tags: [], cards: [], ...overrides };
}
