/**
 * Where a parsed card's separator sits, for the Live Preview mark. The parser decides what is a
 * card; this only finds, inside one card it returned, the marker it split on (the same rules as
 * the parser: docs/format.md, "Card kinds"), so it reads a handful of lines per card and never the whole note.
 */
import { afterListItemMarkers, containerOf } from "../../cards/container";
import { inlineSeparatorOf, lineSeparatorOf, separatorsOf, type Separators } from "../../cards/separators";
import type { Card } from "../../model/card";
import type { ParserSettings } from "../../settings/settings";

export interface SeparatorLocation {
	/** 0-based line. */
	line: number;
	/** Offsets in the line of the marker (by default `?`, `??`, `::`, `:::`). */
	start: number;
	end: number;
	/** True for a line that is only the marker (`?` / `??`), false for an inline one (`::` / `:::`). */
	ownLine: boolean;
	reversed: boolean;
}

/**
 * The separator of `card`, or null for a cloze (it has none).
 * @param lineText the note's line `i` (0-based), as the parser saw it
 */
export function separatorOf(card: Card, lineText: (line: number) => string, settings: ParserSettings): SeparatorLocation | null {
	const separators = separatorsOf(settings);
	switch (card.kind) {
		case "singleline":
		case "singleline-reversed":
			return inlineSeparator(card.startLine, lineText(card.startLine), card.kind === "singleline-reversed", separators);
		case "multiline":
		case "multiline-reversed":
			return separatorLine(card, lineText, separators);
		default:
			return null;
	}
}

/** The single-line separator the parser split on: the same precedence, outside inline code, math, links and comments. */
function inlineSeparator(line: number, text: string, reversed: boolean, separators: Separators): SeparatorLocation | null {
	const found = inlineSeparatorOf(text, afterListItemMarkers(text, containerOf(text).contentStart), separators);
	if (found === null || found.reversed !== reversed) return null;
	return { line, start: found.at, end: found.end, ownLine: false, reversed };
}

/**
 * The first line of the card that is exactly a multi-line separator (`?` or `??`), skipping fenced
 * code and `$$` blocks in the question (a `?` there is code, not a separator).
 */
function separatorLine(card: Card, lineText: (line: number) => string, separators: Separators): SeparatorLocation | null {
	let fence: { char: string; length: number } | null = null;
	let math = false;
	for (let l = card.startLine + 1; l <= card.endLine; l++) {
		const text = lineText(l);
		const content = text.slice(containerOf(text).contentStart).trim();
		const run = /^(`{3,}|~{3,})/.exec(content);
		if (fence) {
			if (run && run[1][0] === fence.char && run[1].length >= fence.length && content.slice(run[1].length).trim() === "") fence = null;
			continue;
		}
		if (run) {
			fence = { char: run[1][0], length: run[1].length };
			continue;
		}
		if (content.startsWith("$$")) {
			const closesHere = content.length > 2 && content.endsWith("$$");
			if (!closesHere) math = !math;
			continue;
		}
		if (math) continue;
		const sep = lineSeparatorOf(content, separators);
		if (sep !== null) {
			const start = text.indexOf(sep.text, containerOf(text).contentStart);
			return { line: l, start, end: start + sep.text.length, ownLine: true, reversed: sep.reversed };
		}
	}
	return null;
}
