/** The card browser's columns: header label, cell text, and which ones a narrow pane keeps. */
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
