/**
 * The card separators of the settings (docs/format.md, "Separators"), with the Spaced Repetition
 * plugin's precedence: of the two single-line separators the longer one is looked for first (the
 * plain one first when they are as long), and the first one found on a line decides the card's
 * kind; a multi-line separator is a line that is exactly one of the two (the plain one first when
 * they are equal). An empty separator turns its card kind off.
 */
import type { ParserSettings } from "../settings/settings";
import { afterListItemMarkers } from "./container";
import { indexOutside, scanInline } from "./inline";

type SeparatorSettings = Pick<ParserSettings, "singleLineSeparator" | "singleLineReversedSeparator" | "multiLineSeparator" | "multiLineReversedSeparator">;

/** The separators of a settings object, in the order they are looked for. */
export interface Separators {
	/** Single-line separators, longest first; empty ones left out. */
	inline: readonly { text: string; reversed: boolean }[];
	/** Multi-line separators (trimmed), plain first; empty ones left out. */
	lines: readonly { text: string; reversed: boolean }[];
	/** The single-line separators worth a first search: one that holds the other is left out. */
	probes: readonly string[];
}

/** A single-line separator found on a line. */
export interface InlineSeparator {
	at: number;
	end: number;
	reversed: boolean;
}

/** The separators of `settings`, made again only when they change (the parser asks once per note). */
export function separatorsOf(settings: SeparatorSettings): Separators {
	const same =
		last !== null &&
		last.from.singleLineSeparator === settings.singleLineSeparator &&
		last.from.singleLineReversedSeparator === settings.singleLineReversedSeparator &&
		last.from.multiLineSeparator === settings.multiLineSeparator &&
		last.from.multiLineReversedSeparator === settings.multiLineReversedSeparator;
	if (!same || last === null) {
		const { singleLineSeparator, singleLineReversedSeparator, multiLineSeparator, multiLineReversedSeparator } = settings;
		last = { from: { singleLineSeparator, singleLineReversedSeparator, multiLineSeparator, multiLineReversedSeparator }, separators: build(settings) };
	}
	return last.separators;
}

let last: { from: SeparatorSettings; separators: Separators } | null = null;

function build(settings: SeparatorSettings): Separators {
	const inline = [
		{ text: settings.singleLineSeparator, reversed: false },
		{ text: settings.singleLineReversedSeparator, reversed: true },
	].filter((s) => s.text !== "");
	// A stable sort: the plain separator stays first when both are as long.
	inline.sort((a, b) => b.text.length - a.text.length);
	const lines = [
		{ text: settings.multiLineSeparator.trim(), reversed: false },
		{ text: settings.multiLineReversedSeparator.trim(), reversed: true },
	].filter((s) => s.text !== "");
	const probes = inline.map((s) => s.text).filter((text, i, all) => !all.some((other, j) => j !== i && other.length < text.length && text.includes(other)));
	return { inline, lines, probes };
}

/** True when `line` holds one of the single-line separators anywhere (a cheap first test). */
export function mayHoldInlineSeparator(line: string, separators: Separators): boolean {
	for (const probe of separators.probes) if (line.includes(probe)) return true;
	return false;
}

/**
 * The multi-line separator that `line` is exactly from offset `from` (its container prefix
 * aside), spaces and tabs around it aside, or null. Runs on every text line: no copies.
 */
export function lineSeparatorOf(line: string, separators: Separators, from = 0): { text: string; reversed: boolean } | null {
	if (separators.lines.length === 0) return null;
	let p = from;
	let end = line.length;
	while (p < end && isBlank(line.charCodeAt(p))) p++;
	while (end > p && isBlank(line.charCodeAt(end - 1))) end--;
	for (const s of separators.lines) if (end - p === s.text.length && line.startsWith(s.text, p)) return s;
	return null;
}

/** The characters `trim` removes that a line can hold (it holds no line breaks). */
function isBlank(c: number): boolean {
	return (
		c === 32 ||
		c === 9 ||
		c === 11 ||
		c === 12 ||
		c === 160 ||
		c === 0xfeff ||
		(c >= 0x2000 && c <= 0x200a) ||
		c === 0x1680 ||
		c === 0x2028 ||
		c === 0x2029 ||
		c === 0x202f ||
		c === 0x205f ||
		c === 0x3000
	);
}

/**
 * True when `content` (a line without its container prefix) would be a single-line card: a
 * single-line separator with text on both sides. Such a line is never a multi-line separator.
 */
export function isInlineCardText(content: string, separators: Separators): boolean {
	const front = afterListItemMarkers(content, 0);
	const found = inlineSeparatorOf(content, front, separators);
	return found !== null && content.slice(front, found.at).trim() !== "" && content.slice(found.end).trim() !== "";
}

/**
 * The single-line separator of `line` from offset `from` on: the first separator in precedence
 * order that occurs outside inline code, math, links and comments decides, at its first such
 * occurrence. Null when none does.
 */
export function inlineSeparatorOf(line: string, from: number, separators: Separators): InlineSeparator | null {
	let spans: readonly number[] | null = null;
	for (const s of separators.inline) {
		const first = line.indexOf(s.text, from);
		if (first < 0) continue;
		// A span can only hide the separator if it starts before it.
		if (spans === null && INLINE_TRIGGER.test(line.slice(0, first))) spans = scanInline(line, 0, true).spans;
		const at = spans === null ? first : indexOutside(line, s.text, spans, from);
		if (at >= 0) return { at, end: at + s.text.length, reversed: s.reversed };
	}
	return null;
}

/**
 * Something that may open an inline span (code, math, link, comment). Tested on the text before
 * the separator only: one native scan of a short text instead of a scan of the whole line.
 */
const INLINE_TRIGGER = /[`$]|\[\[|\]\(|<!--|%%/;
