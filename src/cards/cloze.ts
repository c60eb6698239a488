/**
 * Cloze deletions (docs/format.md, "Card kinds"): `==text==` (default), `**text**` and `{{text}}` (optional).
 * `==1;;text==` puts deletions in group 1, `;;hint` gives a hint.
 * Deletions never span lines and do not count inside inline code or comments.
 *
 * Siblings are numbered as the Spaced Repetition plugin numbers its cards, so that the segments
 * of its comments land on the same deletions: group `n` is sibling `n - 1`, and deletions without
 * a number follow, highlights first, then bold, then curly, each kind in the order written.
 */
import type { ClozeKind } from "../settings/settings";
import { Char } from "../model/char-codes";
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
	/** The cloze form's place in the sibling order: 0 highlight, 1 bold, 2 curly. */
	rank: number;
}

/** A card never has more siblings than this; deletions beyond stay plain text (bounds work on huge lines). */
const MAX_CLOZE_SIBLINGS = 100;

/** The cloze forms in sibling order (the other plugin's pattern order), with their delimiters. */
const FORMS: readonly (readonly [ClozeKind, string, string])[] = [
	["highlight", "==", "=="],
	["bold", "**", "**"],
	["curly", "{{", "}}"],
];

interface Delimiter {
	open: string;
	close: string;
	rank: number;
}

/**
 * Finds the deletions in `text` (which may hold several lines), in text order. With `mask` (the
 * same text with fenced code, math and comments as spaces, see `maskedTextOf`) delimiters count
 * only where the mask still shows them.
 */
export function findDeletions(text: string, kinds: readonly ClozeKind[], mask: string | null = null): ClozeDeletion[] {
	const deletions: ClozeDeletion[] = [];
	if (kinds.length === 0) return deletions;
	const delimiters = delimitersOf(kinds);
	const seen = mask ?? text;
	let lineStart = 0;
	while (lineStart <= text.length) {
		let lineEnd = text.indexOf("\n", lineStart);
		if (lineEnd < 0) lineEnd = text.length;
		const whole = lineStart === 0 && lineEnd === text.length;
		const shown = whole ? seen : seen.slice(lineStart, lineEnd);
		if (holdsOpener(shown, delimiters)) findInLine(whole ? text : text.slice(lineStart, lineEnd), shown, lineStart, delimiters, deletions);
		lineStart = lineEnd + 1;
	}
	return deletions;
}

/** The delimiters of `kinds`, built once for the settings' array (the parser asks once per cloze). */
function delimitersOf(kinds: readonly ClozeKind[]): readonly Delimiter[] {
	if (kinds !== lastKinds) {
		lastKinds = kinds;
		lastDelimiters = FORMS.flatMap(([kind, open, close], rank) => (kinds.includes(kind) ? [{ open, close, rank }] : []));
	}
	return lastDelimiters;
}

let lastKinds: readonly ClozeKind[] | null = null;
let lastDelimiters: readonly Delimiter[] = [];

function holdsOpener(line: string, delimiters: readonly Delimiter[]): boolean {
	for (const { open } of delimiters) if (line.includes(open)) return true;
	return false;
}

/** Deletions of `line`, whose delimiters are searched in `shown` (the line, or its mask). */
function findInLine(line: string, shown: string, offset: number, delimiters: readonly Delimiter[], out: ClozeDeletion[]): void {
	const hasSpans = shown.includes("`") || shown.includes("<!--") || shown.includes("%%");
	const spans = hasSpans ? scanInline(shown, 0, false).spans : NO_SPANS;
	// Next opener position per delimiter, searched again only once passed (linear per line).
	const next = delimiters.map(({ open }) => shown.indexOf(open));
	let s = 0;
	let from = 0;
	for (;;) {
		let best = -1;
		for (let k = 0; k < delimiters.length; k++) {
			if (next[k] >= 0 && next[k] < from) next[k] = shown.indexOf(delimiters[k].open, from);
			if (next[k] >= 0 && (best < 0 || next[k] < next[best])) best = k;
		}
		if (best < 0) return;
		const at = next[best];
		const { open, close, rank } = delimiters[best];
		while (s < spans.length && spans[s + 1] <= at) s += 3;
		if (s < spans.length && spans[s] <= at) {
			from = spans[s + 1];
			continue;
		}
		const closeAt = shown.indexOf(close, at + open.length);
		if (closeAt < 0) {
			// No closer for this delimiter on the rest of the line.
			next[best] = -1;
			continue;
		}
		const inner = line.slice(at + open.length, closeAt);
		from = closeAt + close.length;
		if (inner.trim() === "") continue;
		if (inner.indexOf(";;") < 0) out.push({ start: offset + at, end: offset + from, text: inner, hint: null, group: -1, rank });
		else out.push({ start: offset + at, end: offset + from, rank, ...readInner(inner) });
	}
}

const NO_SPANS: readonly number[] = [];

/**
 * `number;;text;;hint`, `text;;hint` (the hint may hold `;;`). The number is digits right after
 * the opener, followed by `;;`, as the other plugin reads it (`== 1;;x==` has none).
 */
function readInner(inner: string): Pick<ClozeDeletion, "text" | "hint" | "group"> {
	const parts = inner.split(";;");
	const numbered = parts.length >= 2 && parts[0].length > 0 && isDigits(parts[0]);
	const [text, ...hints] = numbered ? parts.slice(1) : parts;
	const hint = hints.length > 0 ? hints.join(";;").trim() || null : null;
	return { group: numbered ? groupNumber(parts[0]) : -1, text, hint };
}

function isDigits(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < Char.Digit0 || c > Char.Digit9) return false;
	}
	return true;
}

/** The group number, capped above the sibling limit (a number of 20 digits is just "too large"). */
function groupNumber(digits: string): number {
	const trimmed = digits.replace(/^0+(?=\d)/, "");
	return trimmed.length > 4 ? MAX_CLOZE_SIBLINGS + 1 : Number(trimmed);
}

/**
 * Each deletion's sibling (-1: never hidden) and the number of siblings: group `n` is sibling
 * `n - 1` (a group number without a deletion still has its sibling, which hides nothing); the
 * deletions without a number come after the largest group, by form then as written. Group 0 and
 * siblings past the limit are never hidden.
 */
function siblingsOf(deletions: readonly ClozeDeletion[]): { of: Int32Array; count: number } {
	const of = new Int32Array(deletions.length);
	let count = 0;
	for (let i = 0; i < deletions.length; i++) {
		const group = deletions[i].group;
		of[i] = group >= 1 && group <= MAX_CLOZE_SIBLINGS ? group - 1 : -1;
		if (of[i] >= count) count = of[i] + 1;
	}
	for (let rank = 0; rank < FORMS.length; rank++) {
		for (let i = 0; i < deletions.length; i++) {
			if (deletions[i].group !== -1 || deletions[i].rank !== rank) continue;
			of[i] = count < MAX_CLOZE_SIBLINGS ? count++ : -1;
		}
	}
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
