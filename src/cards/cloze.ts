/**
 * Cloze deletions (docs/format.md, "Card kinds"): `==text==` (default), `**text**` and `{{text}}` (optional).
 * `==1;;text==` puts deletions in group 1 (one sibling per group), `;;hint` gives a hint.
 * Deletions never span lines and do not count inside inline code or comments.
 */
import type { ClozeKind } from "../settings/settings";
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

const DELIMITERS: Record<ClozeKind, [string, string]> = {
	highlight: ["==", "=="],
	bold: ["**", "**"],
	curly: ["{{", "}}"],
};

/**
 * Finds the deletions in `text` (which may hold several lines). With `mask` (the same text with
 * fenced code, math and comments as spaces, see `maskedTextOf`) delimiters count only where the
 * mask still shows them.
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
function delimitersOf(kinds: readonly ClozeKind[]): readonly (readonly [string, string])[] {
	if (kinds !== lastKinds) {
		lastKinds = kinds;
		lastDelimiters = kinds.map((k) => DELIMITERS[k]);
	}
	return lastDelimiters;
}

let lastKinds: readonly ClozeKind[] | null = null;
let lastDelimiters: readonly (readonly [string, string])[] = [];

function holdsOpener(line: string, delimiters: readonly (readonly [string, string])[]): boolean {
	for (const [open] of delimiters) if (line.includes(open)) return true;
	return false;
}

/** Deletions of `line`, whose delimiters are searched in `shown` (the line, or its mask). */
function findInLine(line: string, shown: string, offset: number, delimiters: readonly (readonly [string, string])[], out: ClozeDeletion[]): void {
	const hasSpans = shown.includes("`") || shown.includes("<!--") || shown.includes("%%");
	const spans = hasSpans ? scanInline(shown, 0, false).spans : NO_SPANS;
	// Next opener position per delimiter, searched again only once passed (linear per line).
	const next = delimiters.map(([open]) => shown.indexOf(open));
	let s = 0;
	let from = 0;
	for (;;) {
		let best = -1;
		for (let k = 0; k < delimiters.length; k++) {
			if (next[k] >= 0 && next[k] < from) next[k] = shown.indexOf(delimiters[k][0], from);
			if (next[k] >= 0 && (best < 0 || next[k] < next[best])) best = k;
		}
		if (best < 0) return;
		const at = next[best];
		const [open, close] = delimiters[best];
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
		if (inner.indexOf(";;") < 0) out.push({ start: offset + at, end: offset + from, text: inner, hint: null, group: ownGroup(out.length) });
		else out.push({ start: offset + at, end: offset + from, ...readInner(inner, out.length) });
	}
}

const NO_SPANS: readonly number[] = [];
/** Group keys of deletions without a group number, made once (`d0`, `d1`, …). */
const OWN_GROUPS = Array.from({ length: 64 }, (_, i) => `d${i}`);

function ownGroup(index: number): string {
	return index < OWN_GROUPS.length ? OWN_GROUPS[index] : `d${index}`;
}

function readInner(inner: string, index: number): Pick<ClozeDeletion, "text" | "hint" | "group"> {
	if (inner.indexOf(";;") < 0) return { group: ownGroup(index), text: inner, hint: null };
	const parts = inner.split(";;");
	if (parts.length >= 2 && /^\s*\d+\s*$/.test(parts[0])) {
		return { group: `g${parts[0].trim()}`, text: parts[1], hint: parts.length > 2 ? parts.slice(2).join(";;").trim() || null : null };
	}
	return { group: ownGroup(index), text: parts[0], hint: parts.length > 1 ? parts.slice(1).join(";;").trim() || null : null };
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
