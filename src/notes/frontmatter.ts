/**
 * A note's frontmatter read and edited line by line (docs/format.md, "Note review"). Only the
 * lines of the keys we own change; every other byte stays: other keys, their order, comments,
 * quoting, blank lines, CRLF line endings and a byte order mark. We do not let Obsidian
 * re-serialise the whole block (its `processFrontMatter` rewrites quoting, lists and comments).
 *
 * The frontmatter is the block between a first line `---` (after an optional BOM) and the next
 * line `---`; a file whose first `---` is never closed has none. A top-level key is a line that
 * starts at column 0 with `key:`; its value is the rest of that line plus the indented lines
 * that follow it (a block value).
 */

const BOM = "\uFEFF";
const DELIMITER = /^---[ \t]*$/;

/** One physical line, with the ending it had ("" for the last line without one). */
interface Line {
	text: string;
	end: string;
}

/** Where the frontmatter sits in a note's lines. */
interface Block {
	/** Index of the opening `---` line. */
	open: number;
	/** Index of the closing `---` line. */
	close: number;
}

/** A key's value as written: the raw text after the colon (trimmed, trailing comment kept apart). */
export interface RawValue {
	/** The scalar with quotes removed, or null when the value is a block (nested map or list). */
	value: string | null;
	/** `"` or `'` when the value was quoted, else "". */
	quote: string;
}

function splitLines(text: string): Line[] {
	const lines: Line[] = [];
	let start = 0;
	for (;;) {
		const nl = text.indexOf("\n", start);
		if (nl < 0) {
			lines.push({ text: text.slice(start), end: "" });
			return lines;
		}
		const cr = nl > start && text.charCodeAt(nl - 1) === 13;
		lines.push({ text: text.slice(start, cr ? nl - 1 : nl), end: cr ? "\r\n" : "\n" });
		start = nl + 1;
	}
}

function joinLines(lines: readonly Line[]): string {
	let out = "";
	for (const line of lines) out += line.text + line.end;
	return out;
}

function findBlock(lines: readonly Line[]): Block | null {
	if (lines.length === 0 || !DELIMITER.test(lines[0].text) || lines[0].end === "") return null;
	for (let i = 1; i < lines.length; i++) if (DELIMITER.test(lines[i].text)) return { open: 0, close: i };
	return null;
}

/** The index of the line where top-level `key:` starts, inside the block, or -1. */
function keyLine(lines: readonly Line[], block: Block, key: string): number {
	for (let i = block.open + 1; i < block.close; i++) if (isKeyLine(lines[i].text, key)) return i;
	return -1;
}

function isKeyLine(text: string, key: string): boolean {
	if (!text.startsWith(key)) return false;
	let i = key.length;
	while (text[i] === " " || text[i] === "\t") i++;
	return text[i] === ":" && (i + 1 === text.length || text[i + 1] === " " || text[i + 1] === "\t");
}

/** How many lines after `at` continue its value (indented or blank lines before an indented one). */
function continuationCount(lines: readonly Line[], at: number, close: number): number {
	let count = 0;
	for (let i = at + 1; i < close; i++) {
		const text = lines[i].text;
		if (text.startsWith(" ") || text.startsWith("\t")) count = i - at;
		else if (text.trim() !== "") break;
	}
	return count;
}

/** The value part of a key line: where it starts, where it ends (before a trailing comment). */
function valueSpan(text: string): { from: number; to: number } {
	let from = text.indexOf(":") + 1;
	while (text[from] === " " || text[from] === "\t") from++;
	let to = text.length;
	const quote = text[from];
	if (quote === '"' || quote === "'") {
		const close = closingQuote(text, from);
		if (close > 0) to = close + 1;
	} else {
		const comment = text.search(/[ \t]#/);
		if (comment >= from) to = comment;
	}
	while (to > from && (text[to - 1] === " " || text[to - 1] === "\t")) to--;
	return { from, to };
}

function closingQuote(text: string, open: number): number {
	const quote = text[open];
	for (let i = open + 1; i < text.length; i++) {
		if (quote === '"' && text[i] === "\\") i++;
		else if (text[i] === quote) {
			if (quote === "'" && text[i + 1] === "'") i++;
			else return i;
		}
	}
	return -1;
}

function unquote(raw: string): RawValue {
	if (raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"')) {
		return { value: raw.slice(1, -1).replace(/\\(.)/g, "$1"), quote: '"' };
	}
	if (raw.length >= 2 && raw.startsWith("'") && raw.endsWith("'")) return { value: raw.slice(1, -1).replace(/''/g, "'"), quote: "'" };
	return { value: raw, quote: "" };
}

/** The top-level scalar values of `keys` in the note's frontmatter (absent keys are left out). */
export function readKeys(text: string, keys: readonly string[]): Map<string, RawValue> {
	const out = new Map<string, RawValue>();
	const lines = splitLines(text.startsWith(BOM) ? text.slice(1) : text);
	const block = findBlock(lines);
	if (block === null) return out;
	for (const key of keys) {
		const at = keyLine(lines, block, key);
		if (at < 0) continue;
		const { from, to } = valueSpan(lines[at].text);
		const inline = lines[at].text.slice(from, to);
		const extra = continuationCount(lines, at, block.close);
		if (inline === "" && extra > 0) {
			// A block value: a plain scalar folded over lines reads as one, a list or map as none.
			const parts = lines.slice(at + 1, at + 1 + extra).map((l) => l.text.trim());
			const first = parts.find((p) => p !== "") ?? "";
			out.set(
				key,
				first.startsWith("-") || /^[^"'\s][^:]*:(\s|$)/.test(first) ? { value: null, quote: "" } : unquote(parts.filter((p) => p !== "").join(" ")),
			);
		} else {
			out.set(key, unquote(inline));
		}
	}
	return out;
}

/** What {@link setKeys} found before it changed a note, so an undo can put it back. */
export interface KeysBefore {
	/** Each key's lines as they were (joined with their endings), or null when absent. */
	lines: Map<string, string | null>;
	/** False when the note had no frontmatter and one was created. */
	hadFrontmatter: boolean;
	/** Where a removed key's lines were: their line index within the frontmatter (after `---`). */
	removedAt: Map<string, number>;
}

/** A key's new value: `text` written as is after `key: `, or null to remove the key. */
export type KeyUpdate = { key: string; text: string | null };

/**
 * Sets `updates` in the note's frontmatter, changing only those keys' lines: an existing key
 * keeps its place, spacing, quote style and trailing comment; a missing one is added before the
 * closing `---`; a note without frontmatter gets one at the top (after a BOM), in the note's
 * line ending. Returns the new text and what was there before.
 */
export function setKeys(text: string, updates: readonly KeyUpdate[]): { text: string; before: KeysBefore } {
	const bom = text.startsWith(BOM) ? BOM : "";
	const lines = splitLines(bom ? text.slice(1) : text);
	const before: KeysBefore = { lines: new Map(), hadFrontmatter: true, removedAt: new Map() };
	let block = findBlock(lines);
	const eol = lineEnding(lines);
	if (block === null) {
		before.hadFrontmatter = false;
		for (const { key } of updates) before.lines.set(key, null);
		const added = updates.filter((u) => u.text !== null).map((u) => ({ text: `${u.key}: ${u.text}`, end: eol }));
		if (added.length === 0) return { text, before };
		// An empty note has one empty line: the created block then ends the file.
		const body = lines.length === 1 && lines[0].text === "" ? [] : lines;
		return { text: bom + joinLines([{ text: "---", end: eol }, ...added, { text: "---", end: eol }, ...body]), before };
	}
	const blockEol = lines[block.open].end;
	for (const { key, text: value } of updates) {
		const at = keyLine(lines, block, key);
		if (at < 0) {
			before.lines.set(key, null);
			if (value === null) continue;
			lines.splice(block.close, 0, { text: `${key}: ${value}`, end: blockEol });
			block = { open: block.open, close: block.close + 1 };
			continue;
		}
		const count: number = 1 + continuationCount(lines, at, block.close);
		const old = lines.slice(at, at + count);
		before.lines.set(key, joinLines(old));
		if (value === null) {
			before.removedAt.set(key, at - block.open);
			lines.splice(at, count);
			block = { open: block.open, close: block.close - count };
			continue;
		}
		lines.splice(at, count, { text: rewriteKeyLine(old[0].text, value), end: old[old.length - 1].end || old[0].end });
		block = { open: block.open, close: block.close - count + 1 };
	}
	return { text: bom + joinLines(lines), before };
}

/** The key line with its value replaced, keeping the key's spelling, spacing, quotes and comment. */
function rewriteKeyLine(line: string, value: string): string {
	const { from, to } = valueSpan(line);
	const head = line.slice(0, from);
	const spaced = /[ \t]$/.test(head) ? head : `${head} `;
	const oldQuote = line[from] === '"' || line[from] === "'" ? line[from] : "";
	const plain = value.startsWith('"') || value.startsWith("'") ? value : oldQuote ? quoted(value, oldQuote) : value;
	return spaced + plain + line.slice(to);
}

function quoted(value: string, quote: string): string {
	return quote === '"' ? `"${value.replace(/["\\]/g, "\\$&")}"` : `'${value.replace(/'/g, "''")}'`;
}

/**
 * Puts back the keys' lines of `before` (undo of {@link setKeys}): each key as it was, or removed
 * when it was absent; a frontmatter that {@link setKeys} created is removed again when it holds
 * nothing else.
 */
export function restoreKeys(text: string, before: KeysBefore): string {
	const bom = text.startsWith(BOM) ? BOM : "";
	const lines = splitLines(bom ? text.slice(1) : text);
	let block = findBlock(lines);
	if (block === null) return text;
	// Undone last step first: each removed key's place was taken after the steps before it.
	for (const [key, old] of [...before.lines].reverse()) {
		const at = keyLine(lines, block, key);
		const oldLines = old === null ? [] : splitLines(old).filter((l, i, all) => i < all.length - 1 || l.text !== "");
		if (at < 0) {
			if (oldLines.length === 0) continue;
			const removedAt = before.removedAt.get(key);
			const place = removedAt === undefined ? block.close : Math.min(block.close, block.open + removedAt);
			lines.splice(place, 0, ...oldLines);
			block = { open: block.open, close: block.close + oldLines.length };
			continue;
		}
		const count: number = 1 + continuationCount(lines, at, block.close);
		lines.splice(at, count, ...oldLines);
		block = { open: block.open, close: block.close - count + oldLines.length };
	}
	if (!before.hadFrontmatter && block.close === block.open + 1) lines.splice(block.open, 2);
	return bom + joinLines(lines);
}

/** The ending of the note's first line that has one, else "\n". */
function lineEnding(lines: readonly Line[]): string {
	for (const line of lines) if (line.end !== "") return line.end;
	return "\n";
}
