// Rows of either parser grouped into cards (its stale first line set right), and where a card lies in its note.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Cards keyed by "file:line", each with its siblings in order. A second card reported at the line
 * of the card before it (its sibling 0 again) is the other plugin's stale first line: after a
 * single-line card its parser keeps that card's line as the first line of the next card in the
 * block, whose text starts below it. That card is keyed at the line after the card before it and
 * marked `reportedLine` (the line it gave), so it is compared with the card there and not merged.
 */
export function cardsOf(rows) {
	const cards = new Map();
	let card = null;
	for (const row of rows) {
		const key = `${row.file}:${row.line}`;
		const same = card && card.file === row.file && card.reportedLine === row.line && row.sibling > 0;
		if (!same) {
			const before = cards.get(key);
			if (before && row.sibling === 0) {
				const line = before.endLine + 1;
				card = { file: row.file, line, endLine: row.endLine, kind: row.kind, siblings: [], reportedLine: row.line };
				cards.set(`${row.file}:${line}`, card);
			} else if (before) card = before;
			else cards.set(key, (card = { file: row.file, line: row.line, endLine: row.endLine, kind: row.kind, siblings: [], reportedLine: row.line }));
		}
		card.siblings[row.sibling] = row;
	}
	return cards;
}

export function groupByFile(cards) {
	const byFile = new Map();
	for (const card of cards.values()) {
		if (!byFile.has(card.file)) byFile.set(card.file, []);
		byFile.get(card.file).push(card);
	}
	return byFile;
}

/** The card of `byFile` (cards grouped by file) that starts above `line` and runs over it. */
export function covering(byFile, file, line) {
	return (byFile.get(file) ?? []).find((card) => card.line < line && line <= card.endLine);
}

/** The first card of `byFile` that starts below `card`'s first line and within it (its card that starts above ours). */
export function firstWithin(byFile, card) {
	return (byFile.get(card.file) ?? []).filter((c) => c.line > card.line && c.line <= card.endLine).sort((a, b) => a.line - b.line)[0];
}

/** The lines of a card's text in the note (cached per file). */
export function cardText(vault, cache, card) {
	if (!cache.has(card.file)) cache.set(card.file, readFileSync(join(vault, card.file), "utf8").split(/\r\n|\r|\n/u));
	return cache
		.get(card.file)
		.slice(card.line - 1, Math.max(card.line, card.endLine))
		.join("\n");
}
