/**
 * One row of the deck list: an optional collapse toggle, the button that starts the review
 * (its name and its due / new / learning / total counts) and the custom study button; and the
 * head above the rows that names the count columns.
 */
import { setIcon } from "obsidian";
import type { DeckCounts } from "../../index/deck-tree";
import type { ReviewRequest } from "../../review/request";
import { addCustomStudyButton, type StudyScope } from "../custom-study/start-custom-study";

const COUNT_COLUMNS: { field: keyof DeckCounts; label: string }[] = [
	{ field: "due", label: "Due" },
	{ field: "new", label: "New" },
	{ field: "learning", label: "Learning" },
	{ field: "total", label: "Total" },
];

/** What a row is: its name, its key (`data-key`, for focus and keys), its counts and its review. */
export interface DeckRow {
	name: string;
	key: string;
	counts: DeckCounts;
	request: ReviewRequest;
	/** An extra class of the row ("" for none). */
	cls: string;
}

/** What the row's buttons do. */
export interface DeckRowActions {
	onStart(request: ReviewRequest): void;
	onCustomStudy(scope: StudyScope): void;
}

/** Where a row is in the tree: its level, whether it is open (undefined: no children) and its toggle. */
export interface DeckRowPlace {
	level: number;
	expanded?: boolean;
	onToggle?: () => void;
}

/** The head above the rows: "Deck" and the names of the count columns (hidden from screen readers). */
export function renderDeckHead(parent: HTMLElement): void {
	const head = parent.createDiv({ cls: "sn-deck-head", attr: { "aria-hidden": "true" } });
	head.createSpan({ cls: "sn-deck-head-name", text: "Deck" });
	const headCounts = head.createSpan("sn-deck-counts");
	for (const column of COUNT_COLUMNS) headCounts.createSpan({ cls: `sn-deck-count sn-deck-count-${column.field}`, text: column.label });
	head.createSpan("sn-deck-custom-study-space");
}

/** One row: an optional collapse toggle and the button that starts the review (returned). */
export function renderDeckRow(parent: HTMLElement, deck: DeckRow, actions: DeckRowActions, tree: DeckRowPlace = { level: 0 }): HTMLButtonElement {
	const { name, key, counts, request, cls } = deck;
	const row = parent.createDiv({ cls: ["sn-deck-row", cls].filter((c) => c !== "") });
	if (tree.expanded === undefined) {
		row.createSpan("sn-deck-toggle-space");
	} else {
		const toggle = row.createEl("button", {
			cls: "sn-deck-toggle clickable-icon",
			attr: { tabindex: "-1", "aria-label": tree.expanded ? `Collapse ${name}` : `Expand ${name}` },
		});
		setIcon(toggle, tree.expanded ? "chevron-down" : "chevron-right");
		const onToggle = tree.onToggle;
		if (onToggle) toggle.addEventListener("click", () => onToggle());
		else toggle.disabled = true;
	}
	const button = row.createEl("button", { cls: "sn-deck-open", attr: { "data-key": key, "aria-level": String(tree.level) } });
	if (tree.expanded !== undefined) button.setAttr("aria-expanded", String(tree.expanded));
	button.createSpan({ cls: "sn-deck-name", text: name });
	renderCounts(button, counts);
	button.setAttr("aria-label", `${name}: ${counts.due} due, ${counts.new} new, ${counts.learning} learning, ${counts.total} in total`);
	button.addEventListener("click", () => actions.onStart(request));
	addCustomStudyButton(row, name, request, (scope) => actions.onCustomStudy(scope));
	return button;
}

function renderCounts(parent: HTMLElement, counts: DeckCounts): void {
	const el = parent.createSpan("sn-deck-counts");
	for (const column of COUNT_COLUMNS) {
		const value = counts[column.field];
		el.createSpan({
			cls: ["sn-deck-count", `sn-deck-count-${column.field}`, ...(value === 0 ? ["sn-deck-zero"] : [])],
			text: String(value),
		});
	}
}
