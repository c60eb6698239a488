/** Parser helpers for the parser tests: parse note text with the default settings and overrides. */
import { parseNote } from "../../src/cards/parse";
import type { Card, ParsedNote } from "../../src/model/card";
import type { ParserSettings } from "../../src/settings/settings";
import { parserSettings } from "../builders";

export function parse(text: string, overrides: Partial<ParserSettings> = {}, path = "notes/test.md"): ParsedNote {
	return parseNote(text, { path, settings: parserSettings(overrides) });
}

export function cardsOf(text: string, overrides: Partial<ParserSettings> = {}): Card[] {
	return parse(text, overrides).cards;
}

/** Question/answer pairs of every sibling of every card. */
export function sides(text: string, overrides: Partial<ParserSettings> = {}): [string, string][] {
	return cardsOf(text, overrides).flatMap((c) => c.siblings.map((s): [string, string] => [s.question, s.answer]));
}
