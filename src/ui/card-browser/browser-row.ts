/**
 * Drawing one row of the card browser. Row elements are cloned from one template (cheaper than
 * building each cell) and keep a text node per cell; an update writes only what changed, so a
 * search keystroke that shows other rows costs a few text writes per row in view.
 */
import type { CardRows } from "../../browse/card-rows";
import { COLUMNS } from "./columns";

/** What a row element shows now, to skip writes that would change nothing. */
interface RowParts {
	texts: Text[];
	cells: HTMLElement[];
	check: HTMLInputElement;
	selected: boolean;
	cursor: boolean;
	suspended: boolean;
	pending: boolean;
	flag: number;
}

export class BrowserRows {
	private template: HTMLElement | null = null;
	private readonly parts = new WeakMap<HTMLElement, RowParts>();

	/** A new row element with every cell, empty. */
	create(): HTMLElement {
		const template = (this.template ??= makeTemplate());
		const el = template.cloneNode(true) as HTMLElement;
		const cells = Array.from(el.children).slice(1) as HTMLElement[];
		this.parts.set(el, {
			texts: cells.map((cell) => cell.firstChild as Text),
			cells,
			check: el.querySelector("input") as HTMLInputElement,
			selected: false,
			cursor: false,
			suspended: false,
			pending: false,
			flag: 0,
		});
		return el;
	}

	/** Shows row `row` of `rows` in `el`. */
	update(el: HTMLElement, rows: CardRows, row: number, selected: boolean, cursor: boolean): void {
		const parts = this.parts.get(el);
		if (!parts) return;
		for (let c = 0; c < COLUMNS.length; c++) {
			const text = COLUMNS[c].cell(rows, row);
			if (parts.texts[c].data !== text) parts.texts[c].data = text;
		}
		if (parts.selected !== selected) {
			parts.selected = selected;
			el.toggleClass("is-selected", selected);
			el.setAttr("aria-selected", selected ? "true" : "false");
			parts.check.checked = selected;
		}
		if (parts.cursor !== cursor) {
			parts.cursor = cursor;
			el.toggleClass("is-cursor", cursor);
		}
		const suspended = rows.suspended[row] === 1;
		if (parts.suspended !== suspended) {
			parts.suspended = suspended;
			el.toggleClass("is-suspended", suspended);
		}
		const pending = rows.textRead[rows.file[row]] === 0;
		if (parts.pending !== pending) {
			parts.pending = pending;
			parts.cells[QUESTION].toggleClass("sn-browser-pending", pending);
		}
		const flag = rows.flag[row];
		if (parts.flag !== flag) {
			parts.flag = flag;
			parts.cells[FLAG].dataset.flag = String(flag);
		}
	}
}

const QUESTION = COLUMNS.findIndex((column) => column.id === "question");
const FLAG = COLUMNS.findIndex((column) => column.id === "flag");

function makeTemplate(): HTMLElement {
	const el = createDiv({ cls: "sn-browser-row", attr: { role: "row", "aria-selected": "false" } });
	const check = el.createDiv({ cls: "sn-browser-cell sn-browser-check", attr: { role: "gridcell" } });
	check.createEl("input", { type: "checkbox", attr: { "aria-label": "Select card", tabindex: "-1" } });
	for (const column of COLUMNS) {
		const cell = el.createDiv({ cls: `sn-browser-cell sn-browser-col-${column.id}${column.narrow ? "" : " sn-browser-wide"}`, attr: { role: "gridcell" } });
		cell.appendText("");
	}
	return el;
}
