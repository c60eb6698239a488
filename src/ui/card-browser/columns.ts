/** The card browser's columns (header label, cell text, which ones a narrow pane keeps), its header and its status line. */
import { dueDayOf, ROW_DUE, ROW_LEARNING, ROW_NEW, type CardRows } from "../../browse/card-rows";
import type { RowColumn } from "../../browse/row-sort";

export interface BrowserColumn {
	id: RowColumn;
	label: string;
	/** Shown on a narrow pane (a phone) too. */
	narrow: boolean;
	cell(rows: CardRows, row: number): string;
}

/** Flag names in Anki's order (1–7). */
export const FLAG_NAMES = ["", "Red", "Orange", "Green", "Blue", "Pink", "Turquoise", "Purple"];

export function stateLabel(rows: CardRows, row: number): string {
	const status = rows.status[row];
	if (rows.suspended[row] === 1) return "Suspended";
	if (status === ROW_DUE) return rows.overdue[row] === 1 ? "Overdue" : "Due";
	if (status === ROW_NEW) return "New";
	if (status === ROW_LEARNING) return "Learning";
	return "Review";
}

/** A number of days as the cells show it: "12 d", "3.5 mo", "1.2 y". */
function formatDays(days: number): string {
	if (Number.isNaN(days)) return "";
	if (days < 1) return days <= 0 ? "0 d" : "<1 d";
	if (days < 60) return `${Math.round(days)} d`;
	if (days < 365) return `${(days / 30).toFixed(1)} mo`;
	return `${(days / 365).toFixed(1)} y`;
}

function number(value: number, digits = 0): string {
	return Number.isNaN(value) ? "" : value.toFixed(digits);
}

function noteName(path: string): string {
	const name = path.slice(path.lastIndexOf("/") + 1);
	return name.endsWith(".md") ? name.slice(0, -3) : name;
}

export const COLUMNS: readonly BrowserColumn[] = [
	{ id: "question", label: "Question", narrow: true, cell: (rows, row) => rows.question[row] },
	{ id: "deck", label: "Deck", narrow: false, cell: (rows, row) => rows.deckOf(row) },
	{ id: "state", label: "State", narrow: true, cell: stateLabel },
	{ id: "due", label: "Due", narrow: true, cell: dueDayOf },
	{ id: "interval", label: "Interval", narrow: false, cell: (rows, row) => formatDays(rows.interval[row]) },
	{
		id: "ease",
		label: "Ease / difficulty",
		narrow: false,
		cell: (rows, row) => (Number.isNaN(rows.ease[row]) ? number(rows.difficulty[row], 1) : `${Math.round(rows.ease[row] * 100)}%`),
	},
	{ id: "lapses", label: "Lapses", narrow: false, cell: (rows, row) => String(rows.lapses[row]) },
	{ id: "reviews", label: "Reviews", narrow: false, cell: (rows, row) => String(rows.reviews[row]) },
	{ id: "flag", label: "Flag", narrow: false, cell: (rows, row) => FLAG_NAMES[rows.flag[row]] ?? "" },
	{ id: "note", label: "Note", narrow: false, cell: (rows, row) => noteName(rows.pathOf(row)) },
];

/** Draws the header: one button per column that sorts by it (again: the other way). */
export function renderHeader(header: HTMLElement, sortColumn: RowColumn, descending: boolean, sortBy: (column: RowColumn) => void): void {
	header.empty();
	header.createDiv({ cls: "sn-browser-cell sn-browser-check", attr: { role: "columnheader" } });
	for (const column of COLUMNS) {
		const sorted = column.id === sortColumn;
		const cell = header.createEl("button", {
			cls: `sn-browser-cell sn-browser-col-${column.id}${column.narrow ? "" : " sn-browser-wide"}`,
			text: column.label,
			attr: {
				role: "columnheader",
				"aria-sort": sorted ? (descending ? "descending" : "ascending") : "none",
				title: `Sort by ${column.label.toLowerCase()}`,
			},
		});
		if (sorted) cell.createSpan({ cls: "sn-browser-sort", text: descending ? " ▼" : " ▲" });
		cell.addEventListener("click", () => sortBy(column.id));
	}
}

/** "1,234 of 100,000 cards · 3 selected · reading card text: 40%". */
export function statusLine(shown: number, total: number, selected: number, progress: { done: number; total: number } | null, searchesText: boolean): string {
	const parts = [`${shown.toLocaleString()} of ${total.toLocaleString()} cards`];
	if (selected > 0) parts.push(`${selected.toLocaleString()} selected`);
	if (progress) {
		const percent = Math.floor((100 * progress.done) / Math.max(1, progress.total));
		parts.push(searchesText ? `reading card text: ${percent}% (text found so far)` : `reading card text: ${percent}%`);
	}
	return parts.join(" · ");
}
