/**
 * Turns the marks of `cards/cloze-display` in rendered Markdown into elements: the revealed
 * words as a highlight in place, a gap as a gap, a hint as a hint. Marks may open in one text
 * node and close in another (a deletion holding **bold**), so every text node between them is
 * wrapped. The marks themselves are removed.
 */
import { CLOZE_MARKS, type ClozeMarkKind } from "../../cards/cloze-display";

const CLASS_OF: Record<ClozeMarkKind, string> = {
	answer: "sn-cloze-answer",
	gap: "sn-cloze-gap",
	hint: "sn-cloze-hint",
};

const OPEN = new Map<string, ClozeMarkKind>();
const CLOSE = new Set<string>();
for (const kind of Object.keys(CLOZE_MARKS) as ClozeMarkKind[]) {
	OPEN.set(CLOZE_MARKS[kind][0], kind);
	CLOSE.add(CLOZE_MARKS[kind][1]);
}

/** Replaces the cloze marks under `root` by highlighted spans; returns how many spans it made. */
export function applyClozeMarks(root: HTMLElement): number {
	const doc = root.ownerDocument;
	const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
	const texts: Text[] = [];
	for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) texts.push(node as Text);
	let open: ClozeMarkKind | null = null;
	let made = 0;
	for (const node of texts) {
		const value = node.data;
		if (open === null && !hasMark(value)) continue;
		const parts = createFragment();
		let piece = "";
		const flush = (): void => {
			if (piece === "") return;
			if (open === null) parts.appendText(piece);
			else {
				parts.append(createEl(open === "answer" ? "mark" : "span", { cls: CLASS_OF[open], text: piece }));
				made++;
			}
			piece = "";
		};
		for (const char of value) {
			const opens = OPEN.get(char);
			if (opens !== undefined) {
				flush();
				open = opens;
			} else if (CLOSE.has(char)) {
				flush();
				open = null;
			} else piece += char;
		}
		flush();
		node.replaceWith(parts);
	}
	return made;
}

function hasMark(text: string): boolean {
	for (const char of text) if (OPEN.has(char) || CLOSE.has(char)) return true;
	return false;
}
