/**
 * Sorting the browser's rows by a column. The view keeps every row sorted by the chosen column
 * and filters that order on each keystroke, so a search never sorts; sorting happens only when
 * the column or the rows change. Rows without a value (a new card's due day) sort last either way.
 */
import type { CardRows } from "./card-rows";

export type RowColumn = "question" | "deck" | "state" | "due" | "interval" | "ease" | "lapses" | "reviews" | "flag" | "note";

/** Every row number, sorted by `column` (ties keep note order: file, card, sibling). */
export function sortedRows(rows: CardRows, column: RowColumn, descending: boolean): Int32Array {
	const order = new Int32Array(rows.length);
	for (let i = 0; i < order.length; i++) order[i] = i;
	if (column === "note") {
		// Rows are built in path order already.
		return descending ? reverseByFile(rows, order) : order;
	}
	const sign = descending ? -1 : 1;
	const text = textKey(rows, column);
	if (text) {
		order.sort((a, b) => {
			const x = text[a];
			const y = text[b];
			if (x === y) return a - b;
			if (x === "") return 1;
			if (y === "") return -1;
			return (x < y ? -1 : 1) * sign || a - b;
		});
		return order;
	}
	if (column === "interval" || column === "ease" || column === "lapses" || column === "reviews") rows.fillAllSchedules();
	const key = numberKey(rows, column);
	order.sort((a, b) => {
		const x = key[a];
		const y = key[b];
		const xMissing = Number.isNaN(x);
		const yMissing = Number.isNaN(y);
		if (xMissing || yMissing) return xMissing === yMissing ? a - b : xMissing ? 1 : -1;
		return (x - y) * sign || a - b;
	});
	return order;
}

function textKey(rows: CardRows, column: RowColumn): readonly string[] | null {
	if (column === "question") return rows.question.map((q) => q.toLowerCase());
	if (column === "deck") {
		// One lower-cased name per deck combination, shared by its rows.
		const names = new Map<number, string>();
		const keys = new Array<string>(rows.length);
		for (let row = 0; row < rows.length; row++) {
			const combo = rows.combo[row];
			let name = names.get(combo);
			if (name === undefined) {
				name = rows.deckOf(row).toLowerCase();
				names.set(combo, name);
			}
			keys[row] = name;
		}
		return keys;
	}
	return null;
}

/** Status order shown: overdue and due first, then learning, new, later. */
const STATE_RANK = [0, 2, 1, 3];

function numberKey(rows: CardRows, column: RowColumn): ArrayLike<number> {
	switch (column) {
		case "state": {
			const key = new Float64Array(rows.length);
			for (let row = 0; row < rows.length; row++) key[row] = STATE_RANK[rows.status[row]] * 2 - rows.overdue[row];
			return key;
		}
		case "due":
			return rows.due;
		case "interval":
			return rows.interval;
		case "ease": {
			// SM-2 eases (1.3–5) and FSRS difficulties (1–10) are different scales: eases first.
			const key = new Float64Array(rows.length);
			for (let row = 0; row < rows.length; row++) {
				const ease = rows.ease[row];
				key[row] = Number.isNaN(ease) ? (Number.isNaN(rows.difficulty[row]) ? NaN : 100 + rows.difficulty[row]) : ease;
			}
			return key;
		}
		case "lapses":
			return rows.lapses;
		case "reviews":
			return rows.reviews;
		case "flag": {
			const key = new Float64Array(rows.length);
			for (let row = 0; row < rows.length; row++) key[row] = rows.flag[row] === 0 ? NaN : rows.flag[row];
			return key;
		}
		default:
			return new Float64Array(rows.length);
	}
}

/** Files in reverse path order, each file's rows still in note order. */
function reverseByFile(rows: CardRows, order: Int32Array): Int32Array {
	const out = new Int32Array(order.length);
	let n = 0;
	for (let f = rows.files.length - 1; f >= 0; f--) {
		for (let row = rows.fileStart[f]; row < rows.fileStart[f + 1]; row++) out[n++] = row;
	}
	return out;
}
