/**
/**
 * Cloze deletions (docs/format.md, "Card kinds" and "Cloze patterns"): the settings' patterns,
 * by default `==text==`; `==1;;text==` puts deletions in group 1, `;;hint` gives a hint.
 * Deletions never span lines and do not count inside inline code or comments.
 *
 * Siblings are numbered as the Spaced Repetition plugin numbers its cards, so that the segments
 * of its comments land on the same deletions: group `n` is sibling `n - 1`, and deletions without
 * a number follow, by pattern in the settings' order, each pattern's in the order written.
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
	/** The group number as written (`==2;;x==`), or -1 for a deletion without one. */
	group: number;
	/** The index of the deletion's pattern in the settings' list: its place in the sibling order. */
	rank: number;
}

/** A card never has more siblings than this; deletions beyond stay plain text (bounds work on huge lines). */
const MAX_CLOZE_SIBLINGS = 100;

/**
 * Finds the deletions in `text` (which may hold several lines) by the compiled `patterns`, in text
 * order. With `mask` (the same text with fenced code, math and comments as spaces, see
 * `maskedTextOf`) delimiters count only where the mask still shows them.
 */
export function findDeletions(text: string, patterns: readonly ClozePattern[], mask: string | null = null): ClozeDeletion[] {
	const deletions: ClozeDeletion[] = [];
	if (patterns.length === 0) return deletions;
	const seen = mask ?? text;
	let lineStart = 0;
	while (lineStart <= text.length) {
		let lineEnd = text.indexOf("\n", lineStart);
		if (lineEnd < 0) lineEnd = text.length;
		const whole = lineStart === 0 && lineEnd === text.length;
		const shown = whole ? seen : seen.slice(lineStart, lineEnd);
		if (holdsOpener(shown, patterns)) findInLine(whole ? text : text.slice(lineStart, lineEnd), shown, lineStart, patterns, deletions);
		lineStart = lineEnd + 1;
	}
	return deletions;
}

function holdsOpener(line: string, patterns: readonly ClozePattern[]): boolean {
	for (const { opener } of patterns) if (line.includes(opener)) return true;
	return false;
}

/**
 * The deletions of `line`, whose delimiters are searched in `shown` (the line, or its mask): at
 * each opener, earliest first (the first listed pattern on a tie), the pattern's match; a
 * deletion ends where the next search starts.
 */
function findInLine(line: string, shown: string, offset: number, patterns: readonly ClozePattern[], out: ClozeDeletion[]): void {
	const hasSpans = shown.includes("`") || shown.includes("<!--") || shown.includes("%%");
	const spans = hasSpans ? scanInline(shown, 0, false).spans : NO_SPANS;
	const occurrences = new LineOccurrences(shown);
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
		const match = matchPattern(patterns[best], shown, at, occurrences, line);
		if (match === null) {
			// Not a deletion of this pattern here: its next opener, or another pattern's at the same place.
			next[best] = occurrences.find(patterns[best].opener, at + 1);
			continue;
		}
		from = match.end;
		if (match.text.trim() === "") continue;
		const hint = match.hint === null ? null : match.hint.trim() || null;
		const group = match.number === null ? -1 : groupNumber(match.number);
		out.push({ start: offset + at, end: offset + match.end, text: match.text, hint, group, rank: best });
	}
}

const NO_SPANS: readonly number[] = [];

/** The group number, capped above the sibling limit (a number of 20 digits is just "too large"). */
function groupNumber(digits: string): number {
	const trimmed = digits.replace(/^0+(?=\d)/, "");
	return trimmed.length > 4 ? MAX_CLOZE_SIBLINGS + 1 : Number(trimmed);
}

/**
 * Each deletion's sibling (-1: never hidden) and the number of siblings: group `n` is sibling
 * `n - 1` (a group number without a deletion still has its sibling, which hides nothing); the
 * deletions without a number come after the largest group, by pattern then as written. Group 0
 * and siblings past the limit are never hidden.
 */
export function siblingsOf(deletions: readonly ClozeDeletion[]): { of: Int32Array; count: number } {
	const of = new Int32Array(deletions.length);
	let count = 0;
	const unnumbered: number[] = [];
	for (let i = 0; i < deletions.length; i++) {
		const group = deletions[i].group;
		of[i] = group >= 1 && group <= MAX_CLOZE_SIBLINGS ? group - 1 : -1;
		if (of[i] >= count) count = of[i] + 1;
		if (group === -1) unnumbered.push(i);
	}
	// Stable: by pattern, then in the order written.
	unnumbered.sort((a, b) => deletions[a].rank - deletions[b].rank || a - b);
	for (const i of unnumbered) of[i] = count < MAX_CLOZE_SIBLINGS ? count++ : -1;
	return { of, count };
}

/** The question and answer of each sibling, in sibling order (see {@link siblingsOf}). */
export function clozeSides(text: string, deletions: readonly ClozeDeletion[]): { question: string; answer: string }[] {
	const { of, count } = siblingsOf(deletions);
	const answer = render(text, deletions, of, -1);
	const sides: { question: string; answer: string }[] = [];
	for (let sibling = 0; sibling < count; sibling++) sides.push({ question: render(text, deletions, of, sibling), answer });
	return sides;
}

/** The siblings of a cloze without their text (the index needs only how many there are). */
export function textlessClozeSides(deletions: readonly ClozeDeletion[]): { question: string; answer: string }[] {
	const { count } = siblingsOf(deletions);
	return Array.from({ length: count }, () => ({ question: "", answer: "" }));
}

/** The text with the deletions of sibling `hidden` shown as `[...]`/`[hint]` and all others as plain text. */
function render(text: string, deletions: readonly ClozeDeletion[], of: Int32Array, hidden: number): string {
	let out = "";
	let last = 0;
	for (let i = 0; i < deletions.length; i++) {
		const d = deletions[i];
		out += text.slice(last, d.start) + (hidden < 0 || of[i] !== hidden ? d.text : d.hint === null ? "[...]" : `[${d.hint}]`);
		last = d.end;
	}
	return (out + text.slice(last)).trim();
}
