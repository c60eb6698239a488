/**
 * Evaluating a card search over the browser's rows. A search is compiled once into one closure
 * per term; tag terms are decided once per deck combination and once per file (as the index's
 * queries do), so a keystroke costs one pass over the rows' columns.
 */
import { statusWordHolds } from "../decks/filter";
import { tagMatches } from "../decks/tags";
import { addDays, dayStart } from "../model/days";
import { isLeechLapses } from "../schedule/leech";
import type { SiblingStatus } from "../schedule/status";
import type { CardRows } from "./card-rows";
import { ROW_DUE } from "./card-rows";
import type { CardSearch, Comparison, IsWord, PropName, SearchTerm } from "./card-search";
import type { DeckRegistry } from "../index/deck-registry";

export interface SearchContext {
	rows: CardRows;
	/** The index's deck registry (tag terms match a card's decks through it). */
	decks: DeckRegistry;
	/** Whether the card with this id is buried until tomorrow (plugin state). */
	isBuried(cardId: string): boolean;
	/** Lapses from which a card is a leech (the `leechThreshold` setting). */
	leechLapses: number;
	/** The "next day starts at" hour, for rated:N. */
	dayStartHour: number;
}

type RowTest = (row: number) => boolean;

const STATUS_NAMES: readonly SiblingStatus[] = ["due", "new", "learning", "later"];

/** A test of one row for the search (every row passes an empty search). */
export function compileSearch(search: CardSearch, context: SearchContext): RowTest {
	if (search.groups.length === 0) return () => true;
	// Properties read from the cards' comments are filled for every row first (once per table).
	if (search.groups.some((group) => group.some((term) => (term.kind === "prop" && term.name !== "due") || (term.kind === "is" && term.word === "leech")))) {
		context.rows.fillAllSchedules();
	}
	const groups = search.groups.map((group) => group.map((term) => negate(term, compileTerm(term, context))));
	if (groups.length === 1 && groups[0].length === 1) return groups[0][0];
	return (row) => {
		for (const group of groups) {
			let all = true;
			for (const test of group) {
				if (!test(row)) {
					all = false;
					break;
				}
			}
			if (all) return true;
		}
		return false;
	};
}

/**
 * The rows of `order` (row numbers, e.g. sorted) that pass `test`, in that order. Writes into
 * `into` when given (it must be at least as long as `order`) to spare an allocation per keystroke.
 */
export function filterRows(order: Int32Array, test: RowTest, into?: Int32Array): Int32Array {
	const out = into ?? new Int32Array(order.length);
	let n = 0;
	for (let i = 0; i < order.length; i++) {
		const row = order[i];
		if (test(row)) out[n++] = row;
	}
	return out.subarray(0, n);
}

function negate(term: SearchTerm, test: RowTest): RowTest {
	return term.negated ? (row) => !test(row) : test;
}

function compileTerm(term: SearchTerm, context: SearchContext): RowTest {
	const rows = context.rows;
	switch (term.kind) {
		case "filter": {
			const filterTerm = term.term;
			if (filterTerm.kind === "tag") return tagTest(filterTerm.tag, context);
			const word = filterTerm.status;
			return (row) => statusWordHolds(word, STATUS_NAMES[rows.status[row]], rows.overdue[row] === 1);
		}
		case "is":
			return isTest(term.word, context);
		case "flag": {
			const flag = term.flag;
			return (row) => rows.flag[row] === flag;
		}
		case "prop":
			return propTest(term.name, term.op, term.value, rows);
		case "rated": {
			const since = dayStart(addDays(rows.today, 1 - term.days), context.dayStartHour).getTime();
			return (row) => rows.lastAnswer[row] >= since;
		}
		case "text": {
			const needle = term.text;
			const text = rows.text;
			return (row) => text[row].includes(needle);
		}
	}
}

function isTest(word: IsWord, context: SearchContext): RowTest {
	const rows = context.rows;
	switch (word) {
		case "suspended":
			return (row) => rows.suspended[row] === 1;
		case "flagged":
			return (row) => rows.flag[row] !== 0;
		case "buried":
			return (row) => rows.id[row] !== "" && context.isBuried(rows.id[row]);
		case "leech": {
			const limit = context.leechLapses;
			return (row) => isLeechLapses(rows.lapses[row], limit);
		}
		case "overdue":
			return (row) => rows.status[row] === ROW_DUE && rows.overdue[row] === 1;
		default:
			return (row) => statusWordHolds(word, STATUS_NAMES[rows.status[row]], rows.overdue[row] === 1);
	}
}

/** Values of a property per row; NaN (no value, e.g. a new card's interval) never matches. */
function propColumn(name: PropName, rows: CardRows): ArrayLike<number> {
	switch (name) {
		case "ivl":
			return rows.interval;
		case "due":
			return rows.due;
		case "lapses":
			return rows.lapses;
		case "reviews":
			return rows.reviews;
		case "ease":
			return rows.ease;
		case "difficulty":
			return rows.difficulty;
	}
}

function propTest(name: PropName, op: Comparison, value: number, rows: CardRows): RowTest {
	const column = propColumn(name, rows);
	switch (op) {
		case "<":
			return (row) => column[row] < value;
		case "<=":
			return (row) => column[row] <= value;
		case ">":
			return (row) => column[row] > value;
		case ">=":
			return (row) => column[row] >= value;
		case "=":
			return (row) => column[row] === value;
		case "!=":
			return (row) => !Number.isNaN(column[row]) && column[row] !== value;
	}
}

/** A tag term: the card's decks (per combination) or the note's other tags (per file). */
function tagTest(tag: string, context: SearchContext): RowTest {
	const { rows, decks } = context;
	const combos = new Uint8Array(decks.combinations.length);
	for (let c = 0; c < combos.length; c++) {
		combos[c] = decks.combinations[c].spellings.some((s) => {
			const nodes = decks.spellings[s].nodes;
			return tagMatches(decks.nodeKeys[nodes[nodes.length - 1]], tag);
		})
			? 1
			: 0;
	}
	const files = new Uint8Array(rows.files.length);
	for (let f = 0; f < files.length; f++) files[f] = rows.files[f].tags.some((t) => tagMatches(t, tag)) ? 1 : 0;
	return (row) => combos[rows.combo[row]] === 1 || files[rows.file[row]] === 1;
}
