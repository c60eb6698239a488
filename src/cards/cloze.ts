/**
 * Cloze deletions (docs/format.md, "Card kinds" and "Cloze patterns"): the settings' patterns,
 * by default `==text==`; `==1;;text==` puts deletions in group 1 (one sibling per group),
 * `;;hint` gives a hint. Deletions never span lines and do not count inside inline code or comments.
 */
import { LineOccurrences, matchPattern, type ClozePattern } from "./cloze-patterns";
import { scanInline } from "./inline";

/** One deletion found in a card's text. */
export interface ClozeDeletion {
	/** Offsets of the whole deletion, delimiters included, in the card text. */
	start: number;
	end: number;
	/** The text that is hidden. */
	text: string;
	hint: string | null;
	/** Group key: the group number as written, or a key unique to this deletion. */
	group: string;
}

/** A card with more groups than this keeps the rest as plain text (bounds work on huge lines). */
const MAX_CLOZE_SIBLINGS = 100;

/** Finds the deletions in `text` (which may hold several lines) by the compiled `patterns`. */
export function findDeletions(text: string, patterns: readonly ClozePattern[]): ClozeDeletion[] {
	const deletions: ClozeDeletion[] = [];
	if (patterns.length === 0) return deletions;
	let lineStart = 0;
	while (lineStart <= text.length) {
		let lineEnd = text.indexOf("\n", lineStart);
		if (lineEnd < 0) lineEnd = text.length;
		const line = lineStart === 0 && lineEnd === text.length ? text : text.slice(lineStart, lineEnd);
		if (holdsOpener(line, patterns)) findInLine(line, lineStart, patterns, deletions);
		lineStart = lineEnd + 1;
	}
	return deletions;
}

function holdsOpener(line: string, patterns: readonly ClozePattern[]): boolean {
	for (const { opener } of patterns) if (line.includes(opener)) return true;
	return false;
}

/**
 * The deletions of one line: at each opener, earliest first (the first listed pattern on a tie),
 * the pattern's match; a deletion ends where the next search starts.
 */
function findInLine(line: string, offset: number, patterns: readonly ClozePattern[], out: ClozeDeletion[]): void {
	const hasSpans = line.includes("`") || line.includes("<!--") || line.includes("%%");
	const spans = hasSpans ? scanInline(line, 0, false).spans : NO_SPANS;
	const occurrences = new LineOccurrences(line);
	// Next opener position per pattern, searched again only once passed or tried.
	const next = patterns.map(({ opener }) => occurrences.find(opener, 0));
	let s = 0;
	let from = 0;
	for (;;) {
		let best = -1;
		for (let k = 0; k < patterns.length; k++) {
			if (next[k] >= 0 && next[k] < from) next[k] = occurrences.find(patterns[k].opener, from);
			if (next[k] >= 0 && (best < 0 || next[k] < next[best])) best = k;
		}
		if (best < 0) return;
		const at = next[best];
		while (s < spans.length && spans[s + 1] <= at) s += 3;
		if (s < spans.length && spans[s] <= at) {
			from = spans[s + 1];
			continue;
		}
		const match = matchPattern(patterns[best], line, at, occurrences);
		if (match === null) {
			// Not a deletion of this pattern here: its next opener, or another pattern's at the same place.
			next[best] = occurrences.find(patterns[best].opener, at + 1);
			continue;
		}
		from = match.end;
		if (match.text.trim() === "") continue;
		const hint = match.hint === null ? null : match.hint.trim() || null;
		const group = match.number === null ? ownGroup(out.length) : `g${match.number}`;
		out.push({ start: offset + at, end: offset + match.end, text: match.text, hint, group });
	}
}

const NO_SPANS: readonly number[] = [];
/** Group keys of deletions without a group number, made once (`d0`, `d1`, …). */
const OWN_GROUPS = Array.from({ length: 64 }, (_, i) => `d${i}`);

function ownGroup(index: number): string {
	return index < OWN_GROUPS.length ? OWN_GROUPS[index] : `d${index}`;
}

/** The question and answer of each sibling: one per group, in order of first appearance. */
export function clozeSides(text: string, deletions: readonly ClozeDeletion[]): { question: string; answer: string }[] {
	const answer = render(text, deletions, null);
	return clozeGroups(deletions).map((group) => ({ question: render(text, deletions, group), answer }));
}

/** The siblings of a cloze without their text (the index needs only how many there are). */
export function textlessClozeSides(deletions: readonly ClozeDeletion[]): { question: string; answer: string }[] {
	return clozeGroups(deletions).map(() => ({ question: "", answer: "" }));
}

/** The deletion groups that become siblings, in order of first appearance. */
function clozeGroups(deletions: readonly ClozeDeletion[]): string[] {
	const groups: string[] = [];
	for (const d of deletions) if (!groups.includes(d.group) && groups.length < MAX_CLOZE_SIBLINGS) groups.push(d.group);
	return groups;
}

/** The text with deletions of `hidden` shown as `[...]`/`[hint]` and all others as plain text. */
function render(text: string, deletions: readonly ClozeDeletion[], hidden: string | null): string {
	let out = "";
	let last = 0;
	for (const d of deletions) {
		out += text.slice(last, d.start) + (d.group !== hidden ? d.text : d.hint === null ? "[...]" : `[${d.hint}]`);
		last = d.end;
	}
	return (out + text.slice(last)).trim();
}
