/**
 * Reading view: where a source line of a rendered section ends in the DOM, so that a card's chip
 * can follow its own line instead of the section's last block.
 *
 * Obsidian renders a section from its source lines but keeps no line numbers in the DOM we can
 * rely on, so the mapping counts: a paragraph keeps one `<br>` per source line break (unless
 * "strict line breaks" is on), and a list keeps one `<li>` per item line. A comment-only line may
 * or may not become a rendered line (an HTML comment alone on a line may end a paragraph, as in
 * CommonMark), so both counts are accepted, and anything that fits neither gives no mapping: the
 * caller then falls back to a row at the end of the section.
 */

/** Where a chip goes: inserted into `parent` before `before` (`null`: at the end). */
export interface ChipSlot {
	parent: Element;
	before: Node | null;
}

/** The slot for a 0-based note line, or `null` when that line cannot be placed reliably. */
export type LineSlots = (line: number) => ChipSlot | null;

const NO_SLOTS: LineSlots = () => null;

/** A line made only of HTML comments (or nothing): it shows no text when rendered. */
const INVISIBLE_LINE = /^\s*(?:<!--[\s\S]*?-->\s*)*$/;

/** A list item's first line: marker, then a space or the end of the line. */
const LIST_ITEM_LINE = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:([ \t]+)|$)/;

function isInvisible(line: string): boolean {
	return INVISIBLE_LINE.test(line);
}

/** Element children of `el`, in order. */
function childElements(el: Element): Element[] {
	return Array.from(el.children);
}

/**
 * Maps the lines `lineStart`…`lineEnd` of `lines` (the whole note) to the ends of their rendered
 * lines in the section element `el`. Handles a section of paragraphs (`<p>` with `<br>`) and a
 * list (`<ul>`/`<ol>`); any other section, or counts that do not add up, give no mapping.
 * Read the DOM before inserting anything: the slots hold references to its nodes.
 */
export function sectionLineSlots(el: Element, lines: readonly string[], lineStart: number, lineEnd: number): LineSlots {
	if (lineStart < 0 || lineEnd < lineStart || lineEnd >= lines.length) return NO_SLOTS;
	const blocks = childElements(el);
	if (blocks.length === 0) return NO_SLOTS;
	if (blocks.every((b) => b.tagName === "P")) return paragraphSlots(blocks, lines, lineStart, lineEnd);
	if (blocks.length === 1 && (blocks[0].tagName === "UL" || blocks[0].tagName === "OL")) return listSlots(blocks[0], lines, lineStart, lineEnd);
	return NO_SLOTS;
}

/** Paragraphs: each `<br>` ends a rendered line, each paragraph's end ends its last one. */
function paragraphSlots(paragraphs: Element[], lines: readonly string[], lineStart: number, lineEnd: number): LineSlots {
	const ends: ChipSlot[] = [];
	for (const p of paragraphs) {
		for (const br of Array.from(p.querySelectorAll("br"))) {
			if (br.parentElement) ends.push({ parent: br.parentElement, before: br });
		}
		ends.push({ parent: p, before: null });
	}
	const count = lineEnd - lineStart + 1;
	// Every source line rendered (a comment-only line as an empty one)…
	if (ends.length === count) return (line) => (line >= lineStart && line <= lineEnd ? ends[line - lineStart] : null);
	// …or only the lines that show text.
	const visible: number[] = [];
	for (let l = lineStart; l <= lineEnd; l++) if (!isInvisible(lines[l])) visible.push(l);
	if (ends.length === visible.length) {
		return (line) => {
			const k = visible.indexOf(line);
			return k < 0 ? null : ends[k];
		};
	}
	return NO_SLOTS;
}

/** The end of an item's own text: before its nested list, inside its last paragraph if loose. */
function itemEnd(li: Element): ChipSlot {
	const kids = childElements(li);
	const nested = kids.find((k) => k.tagName === "UL" || k.tagName === "OL") ?? null;
	const before = nested ? nested.previousElementSibling : li.lastElementChild;
	// A loose list wraps the item's text in <p>: end that paragraph, unless text follows it.
	if (before?.tagName === "P" && !hasTextAfter(before, nested)) return { parent: before, before: null };
	return { parent: li, before: nested };
}

function hasTextAfter(node: Node, stop: Node | null): boolean {
	for (let n = node.nextSibling; n && n !== stop; n = n.nextSibling) {
		if (n.nodeType !== Node.TEXT_NODE || (n.textContent ?? "").trim() !== "") return true;
	}
	return false;
}

/**
 * Lists: the k-th item line is the k-th `<li>` in document order (nested items included), when
 * the counts agree. A line that continues an item (indented at least to the item's text, with
 * only blank or comment lines after it up to the next item) maps to that item's end too.
 */
function listSlots(list: Element, lines: readonly string[], lineStart: number, lineEnd: number): LineSlots {
	const items = Array.from(list.querySelectorAll("li"));
	const itemLines: number[] = [];
	for (let l = lineStart; l <= lineEnd; l++) if (LIST_ITEM_LINE.test(lines[l])) itemLines.push(l);
	if (items.length === 0 || items.length !== itemLines.length) return NO_SLOTS;
	return (line) => {
		if (line < lineStart || line > lineEnd) return null;
		const exact = itemLines.indexOf(line);
		if (exact >= 0) return itemEnd(items[exact]);
		const k = owningItem(itemLines, lines, line, lineEnd);
		return k < 0 ? null : itemEnd(items[k]);
	};
}

/** Index of the item whose last text line `line` is, or -1 when that is not clear. */
function owningItem(itemLines: number[], lines: readonly string[], line: number, lineEnd: number): number {
	let k = -1;
	while (k + 1 < itemLines.length && itemLines[k + 1] < line) k++;
	if (k < 0 || isInvisible(lines[line])) return -1;
	const marker = LIST_ITEM_LINE.exec(lines[itemLines[k]]);
	if (!marker) return -1;
	const textColumn = marker[0].length;
	const indent = /^[ \t]*/.exec(lines[line])?.[0].length ?? 0;
	if (indent < textColumn) return -1;
	const next = k + 1 < itemLines.length ? itemLines[k + 1] : lineEnd + 1;
	for (let l = line + 1; l < next; l++) if (!isInvisible(lines[l])) return -1;
	return k;
}
