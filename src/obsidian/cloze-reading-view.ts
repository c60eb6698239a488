/**
 * Reading view: Obsidian renders a numbered or hinted cloze `==1;;Paris;;a city==` as a
 * highlight holding the raw `1;;Paris;;a city`. This shows it as the cloze it is: the words
 * highlighted, the group as a small number, the hint after them styled as a hint. Only the
 * rendered DOM changes; the note never does.
 */
import { effectiveClozePatterns, type ParserSettings } from "../settings/settings";

const GROUP = /^(\d+);;/;
const SEPARATOR = ";;";

/** True when the settings read `==…==` clozes with a group number or a hint. */
function readsHighlightGroups(settings: Pick<ParserSettings, "clozeKinds" | "clozePatterns">): boolean {
	return effectiveClozePatterns(settings).some((p) => p.startsWith("==") && (p.includes("[123;;]") || p.includes("[;;hint]")));
}

/** Rewrites each `mark` under `el` that holds a group number or a hint; returns how many it rewrote. */
export function renderClozeGroups(el: HTMLElement, settings: Pick<ParserSettings, "clozeKinds" | "clozePatterns">): number {
	if (!readsHighlightGroups(settings)) return 0;
	let done = 0;
	for (const mark of Array.from(el.querySelectorAll("mark"))) {
		if (mark.hasClass("sn-cloze")) continue;
		if (renderGroup(mark)) done++;
	}
	return done;
}

function renderGroup(mark: HTMLElement): boolean {
	const first = mark.firstChild;
	const last = mark.lastChild;
	const group = first?.nodeType === Node.TEXT_NODE ? GROUP.exec(first.textContent ?? "") : null;
	const lastText = last?.nodeType === Node.TEXT_NODE ? (last.textContent ?? "") : "";
	// The hint follows the last separator of the last text, after any group prefix.
	const from = group !== null && first === last ? group[0].length : 0;
	const cut = lastText.indexOf(SEPARATOR, from);
	if (group === null && cut < 0) return false;
	let hint: string | null = null;
	if (cut >= 0 && last !== null) {
		hint = lastText.slice(cut + SEPARATOR.length).trim();
		last.textContent = lastText.slice(0, cut);
	}
	if (group !== null && first !== null) first.textContent = (first.textContent ?? "").slice(group[0].length);
	mark.addClass("sn-cloze");
	if (group !== null) mark.createEl("sup", { cls: "sn-cloze-group", text: group[1], attr: { "aria-label": `Group ${group[1]}` } });
	if (hint) {
		const span = createSpan({ cls: "sn-cloze-hint", text: hint, attr: { "aria-label": `Hint: ${hint}` } });
		mark.after(span);
	}
	return true;
}
