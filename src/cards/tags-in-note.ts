/**
 * Tags of a note as Obsidian sees them (docs/format.md, "Reading cards"): from the frontmatter (`tags:`/`tag:` as a
 * YAML list, a flow list `[a, b]` or a comma/space separated string, `#` optional, any characters) and from the
 * body, where a tag is `#` after the line start or whitespace, followed by letters, digits,
 * `_`, `-` or `/`, and not only digits. Code, comments and math never hold tags.
 */
import { Char } from "../model/char-codes";
import { scanInline } from "./inline";

/** Tags in frontmatter lines `lines[from..to]` (the lines between the `---` delimiters). */
export function frontmatterTags(lines: readonly string[], from: number, to: number): string[] {
	const tags: string[] = [];
	for (let i = from; i <= to; i++) {
		// Only a line starting with `t` or `T` can match: skip the regex for the others.
		if ((lines[i].charCodeAt(0) | 32) !== Char.LowerT) continue;
		const ascii = asciiTagsLine(tags, lines[i]);
		if (ascii === VALUES_READ || ascii === NOT_TAGS) continue;
		const match = ascii === NOT_ASCII ? /^(tags|tag)\s*:(.*)$/i.exec(lines[i]) : null;
		if (ascii === NOT_ASCII && !match) continue;
		const rest = match ? match[2].trim() : "";
		if (rest) {
			addValues(tags, rest.startsWith("[") ? rest.replace(/^\[|\]$/g, "") : rest);
			continue;
		}
		// A block list: following lines `- value` (indented or not).
		for (let j = i + 1; j <= to; j++) {
			const item = /^\s*-\s+(.*)$/.exec(lines[j]);
			if (!item) {
				if (lines[j].trim() === "") continue;
				break;
			}
			addValues(tags, item[1]);
			i = j;
		}
	}
	return tags;
}

const NOT_TAGS = 0;
const VALUES_READ = 1;
const NOT_ASCII = 2;
const BLOCK_LIST = 3;

/**
 * An ASCII line read by offsets as the regex `^(tags|tag)\s*:(.*)$` (case-insensitive) would:
 * VALUES_READ when it is `tags:` with values (added to `tags`), BLOCK_LIST when it is `tags:`
 * alone, NOT_TAGS for another line, NOT_ASCII when the line holds another character.
 */
function asciiTagsLine(tags: string[], line: string): number {
	const length = line.length;
	for (let i = 0; i < length; i++) if (line.charCodeAt(i) > Char.LastAscii) return NOT_ASCII;
	if ((line.charCodeAt(0) | 32) !== Char.LowerT || (line.charCodeAt(1) | 32) !== Char.LowerA || (line.charCodeAt(2) | 32) !== Char.LowerG) return NOT_TAGS;
	let p = (line.charCodeAt(3) | 32) === Char.LowerS ? 4 : 3;
	while (p < length && isAsciiSpace(line.charCodeAt(p))) p++;
	if (line.charCodeAt(p) !== Char.Colon) return NOT_TAGS;
	let from = p + 1;
	let to = length;
	while (from < to && isAsciiSpace(line.charCodeAt(from))) from++;
	while (to > from && isAsciiSpace(line.charCodeAt(to - 1))) to--;
	if (from === to) return BLOCK_LIST;
	// A flow list: one `[` off the front and one `]` off the end.
	if (line.charCodeAt(from) === Char.OpenBracket) {
		from++;
		if (to > from && line.charCodeAt(to - 1) === Char.CloseBracket) to--;
	}
	addAsciiValuesIn(tags, line, from, to);
	return VALUES_READ;
}

/** The whitespace `trim` and `\s` see below 128. */
function isAsciiSpace(c: number): boolean {
	return c === Char.Space || (c >= Char.Tab && c <= Char.CarriageReturn);
}

function addValues(tags: string[], text: string): void {
	if (!addAsciiValues(tags, text)) addValuesSlowly(tags, text);
}

/**
 * {@link addValuesSlowly} for an ASCII text, by offsets (no split, no regex per value); false,
 * having added nothing, when the text holds another character.
 */
function addAsciiValues(tags: string[], text: string): boolean {
	for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > Char.LastAscii) return false;
	addAsciiValuesIn(tags, text, 0, text.length);
	return true;
}

/** The values of ASCII `text[start..length)`, as {@link addValuesSlowly} reads them. */
function addAsciiValuesIn(tags: string[], text: string, start: number, length: number): void {
	let i = start;
	while (i < length) {
		while (i < length && isValueSeparator(text.charCodeAt(i))) i++;
		let end = i;
		while (end < length && !isValueSeparator(text.charCodeAt(end))) end++;
		// One quote off each end, then one `#` off the front, as the regexes below do.
		let from = i;
		let to = end;
		if (from < to && isQuote(text.charCodeAt(from))) from++;
		if (to > from && isQuote(text.charCodeAt(to - 1))) to--;
		const hash = from < to && text.charCodeAt(from) === Char.Hash;
		if (hash) from++;
		if (from < to) {
			const value = text.slice(from, to);
			// With its `#` as written, the tag is a slice of the line: no joined string to flatten later.
			if (isFrontmatterTag(value)) tags.push(hash ? text.slice(from - 1, to) : `#${value}`);
		}
		i = end;
	}
}

/** `,` or whitespace as `\s` sees it below 128. */
function isValueSeparator(c: number): boolean {
	return c === Char.Comma || c === Char.Space || (c >= Char.Tab && c <= Char.CarriageReturn);
}

function isQuote(c: number): boolean {
	return c === Char.DoubleQuote || c === Char.SingleQuote;
}

function addValuesSlowly(tags: string[], text: string): void {
	for (const part of text.split(/[,\s]+/)) {
		const value = part
			.trim()
			.replace(/^["']|["']$/g, "")
			.replace(/^#/, "");
		if (value && isFrontmatterTag(value)) tags.push(`#${value}`);
	}
}

/**
 * A frontmatter value is a tag as written: Obsidian's cache (`getAllTags`) checks no characters
 * there, so `Le_Chatelier's_principle` is a tag in the frontmatter though not in the body
 * (docs/format.md, "Tags in a note"). Only a value of digits alone is refused, as in the body.
 */
function isFrontmatterTag(value: string): boolean {
	for (let i = 0; i < value.length; i++) {
		const c = value.charCodeAt(i);
		if (c < Char.Digit0 || c > Char.Digit9) return true;
	}
	return false;
}

const LETTER = /[\p{L}\p{N}\p{M}\p{Extended_Pictographic}]/u;

function isTagChar(c: number, text: string, i: number): boolean {
	if ((c >= Char.LowerA && c <= Char.LowerZ) || (c >= Char.UpperA && c <= Char.UpperZ) || (c >= Char.Digit0 && c <= Char.Digit9)) return true;
	if (c === Char.Underscore || c === Char.Dash || c === Char.Slash) return true;
	if (c <= Char.LastAscii) return false;
	const ch = String.fromCodePoint(text.codePointAt(i) ?? c);
	return LETTER.test(ch) || (c >= Char.LowSurrogateFirst && c <= Char.LowSurrogateLast);
}

/**
 * Tags written in one body line (comments already blanked out). Skips inline code and math.
 * Returns tags as written, with `#`.
 */
export function tagsInLine(line: string): string[] {
	let at = line.indexOf("#");
	if (at < 0) return [];
	const spans = line.includes("`") || line.includes("$") ? scanInline(line, 0, true).spans : [];
	const tags: string[] = [];
	let s = 0;
	while (at >= 0) {
		while (s < spans.length && spans[s + 1] <= at) s += 3;
		const inSpan = s < spans.length && spans[s] <= at;
		const prev = at === 0 ? Char.Space : line.charCodeAt(at - 1);
		let end = at + 1;
		if (!inSpan && (prev === Char.Space || prev === Char.Tab || prev === Char.NoBreakSpace)) {
			while (end < line.length && isTagChar(line.charCodeAt(end), line, end)) end++;
			if (end > at + 1 && !/^\d+$/.test(line.slice(at + 1, end))) tags.push(line.slice(at, end));
		}
		at = line.indexOf("#", end);
	}
	return tags;
}

/** ATX heading (`## Title`) on a line: its level and text without `#` markup, or null. */
export function headingOf(line: string): { level: number; text: string } | null {
	if (line.charCodeAt(0) !== Char.Hash) return null;
	let level = 0;
	while (line.charCodeAt(level) === Char.Hash) level++;
	if (level > 6) return null;
	const next = line.charCodeAt(level);
	if (level < line.length && next !== Char.Space && next !== Char.Tab) return null;
	let text = line.slice(level).trim();
	// A closing sequence of `#` after a space is markup too (`## Title ##`).
	let end = text.length;
	while (end > 0 && text.charCodeAt(end - 1) === Char.Hash) end--;
	if (end === 0) text = "";
	else if (end < text.length && (text.charCodeAt(end - 1) === Char.Space || text.charCodeAt(end - 1) === Char.Tab)) text = text.slice(0, end).trim();
	return { level, text };
}
