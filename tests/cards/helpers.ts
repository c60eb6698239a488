/** Small builders for parser tests: notes from lines, parsing with default settings. */
import { parseNote } from "../../src/cards/parse";
import type { Card, ParsedNote } from "../../src/model/card";
import { DEFAULT_SETTINGS, type ParserSettings } from "../../src/settings/settings";

export function settings(overrides: Partial<ParserSettings> = {}): ParserSettings {
	return { ...DEFAULT_SETTINGS, ...overrides };
}

/** Lines joined with "\n". */
export function note(...lines: string[]): string {
	return lines.join("\n");
}

/** A note tagged `#flashcards` on line 0, a blank line, then `lines` (so they start at line 2). */
export function tagged(...lines: string[]): string {
	return note("#flashcards", "", ...lines);
}

export function parse(text: string, overrides: Partial<ParserSettings> = {}, path = "notes/test.md"): ParsedNote {
	return parseNote(text, { path, settings: settings(overrides) });
}

export function cardsOf(text: string, overrides: Partial<ParserSettings> = {}): Card[] {
	return parse(text, overrides).cards;
}

/** Question/answer pairs of every sibling of every card. */
export function sides(text: string, overrides: Partial<ParserSettings> = {}): [string, string][] {
	return cardsOf(text, overrides).flatMap((c) => c.siblings.map((s): [string, string] => [s.question, s.answer]));
}
