/**
 * The card browser's search language (docs/format.md, "Searching cards"): the deck filter
 * expressions of src/decks/filter.ts (tags, `due`, `new`, `learning`, `overdue`, `-` to negate,
 * `,` between alternatives) plus Anki-like keys and free text:
 *
 *   is:due|new|learning|overdue|suspended|buried|leech|flagged
 *   flag:N                   flag N (0 = no flag, 1–7 Anki's colours)
 *   prop:ivl>30              prop:NAME OP NUMBER, NAME ivl|due|lapses|reviews|ease|difficulty,
 *                            OP one of < <= > >= = !=; prop:due counts days from today
 *   due:<7  due:7            days until due (due:7 = due:<=7); overdue cards count negative days
 *   rated:7                  answered in the last 7 days (today is one of them)
 *   docker "multi stage"     free text (any case) in the question or answer; quotes keep spaces
 *
 * Parsing never throws: a bad expression gives a message that says what to fix.
 */
import { parseFilter, type FilterTerm } from "../decks/filter";

export type IsWord = "due" | "new" | "learning" | "overdue" | "suspended" | "buried" | "leech" | "flagged";
export type PropName = "ivl" | "due" | "lapses" | "reviews" | "ease" | "difficulty";
export type Comparison = "<" | "<=" | ">" | ">=" | "=" | "!=";

export type SearchTerm = { negated: boolean } & (
	| { kind: "filter"; term: FilterTerm }
	| { kind: "is"; word: IsWord }
	| { kind: "flag"; flag: number }
	| { kind: "prop"; name: PropName; op: Comparison; value: number }
	| { kind: "rated"; days: number }
	| { kind: "text"; text: string }
);

export interface CardSearch {
	/** The expression as given. */
	source: string;
	/** Alternatives (OR) of conjunctions (AND) of terms; none = every card. */
	groups: SearchTerm[][];
}

export type SearchParseResult = { ok: true; search: CardSearch } | { ok: false; error: string };

const IS_WORDS: readonly IsWord[] = ["due", "new", "learning", "overdue", "suspended", "buried", "leech", "flagged"];
const PROP_NAMES: Readonly<Record<string, PropName>> = {
	ivl: "ivl",
	interval: "ivl",
	due: "due",
	lapses: "lapses",
	reviews: "reviews",
	reps: "reviews",
	ease: "ease",
	difficulty: "difficulty",
	d: "difficulty",
};
const KEYS = ["is", "flag", "prop", "due", "rated"];
const COMPARISON = /^(<=|>=|!=|<|>|=)(-?\d+(?:\.\d+)?)$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** Parses a search; "" (or only spaces) finds every card. Never throws. */
export function parseCardSearch(expression: string): SearchParseResult {
	const alternatives = splitAlternatives(expression);
	if (typeof alternatives === "string") return { ok: false, error: alternatives };
	if (alternatives.length === 1 && alternatives[0].length === 0) return { ok: true, search: { source: expression, groups: [] } };
	const groups: SearchTerm[][] = [];
	for (let g = 0; g < alternatives.length; g++) {
		if (alternatives[g].length === 0) return { ok: false, error: `Alternative ${g + 1} of the search is empty: remove the extra comma.` };
		const terms: SearchTerm[] = [];
		for (const word of alternatives[g]) {
			const term = parseWord(word);
			if (typeof term === "string") return { ok: false, error: term };
			terms.push(term);
		}
		groups.push(terms);
	}
	return { ok: true, search: { source: expression, groups } };
}

/** A word as written: its text and whether it was quoted (quoted words are always free text). */
interface Word {
	text: string;
	quoted: boolean;
	negated: boolean;
}

/** Splits at commas and spaces outside double quotes; a message when a quote is not closed. */
function splitAlternatives(expression: string): Word[][] | string {
	const groups: Word[][] = [[]];
	let i = 0;
	while (i < expression.length) {
		const ch = expression[i];
		if (ch === ",") {
			groups.push([]);
			i++;
		} else if (/\s/u.test(ch)) {
			i++;
		} else {
			const negated = ch === "-" && expression[i + 1] === '"';
			const start = negated ? i + 1 : i;
			if (expression[start] === '"') {
				const end = expression.indexOf('"', start + 1);
				if (end < 0) return `A quote is not closed: add a " after ${expression.slice(start)}.`;
				groups[groups.length - 1].push({ text: expression.slice(start + 1, end), quoted: true, negated });
				i = end + 1;
			} else {
				let end = start;
				while (end < expression.length && expression[end] !== "," && !/\s/u.test(expression[end])) end++;
				groups[groups.length - 1].push({ text: expression.slice(start, end), quoted: false, negated: false });
				i = end;
			}
		}
	}
	return groups;
}

function parseWord(word: Word): SearchTerm | string {
	if (word.quoted) {
		if (word.text.trim() === "") return `Empty quotes "" find nothing: write the text to look for between them.`;
		return { negated: word.negated, kind: "text", text: word.text.toLowerCase() };
	}
	const negated = word.text.startsWith("-");
	const body = negated ? word.text.slice(1) : word.text;
	if (body === "") return `A "-" must be followed by something to leave out, e.g. -is:suspended.`;
	if (body.startsWith("#") || ["due", "new", "learning", "overdue"].includes(body.toLowerCase())) {
		const parsed = parseFilter(body);
		if (!parsed.ok) return parsed.error;
		return { negated, kind: "filter", term: parsed.filter.groups[0][0] };
	}
	const colon = body.indexOf(":");
	const key = colon > 0 ? body.slice(0, colon).toLowerCase() : "";
	if (colon > 0 && KEYS.includes(key)) return parseKey(key, body.slice(colon + 1), negated, body);
	if (colon > 0 && /^[a-z]+$/i.test(key)) {
		return `Unknown search key "${key}:": use is:, flag:, prop:, due: or rated:, or put "${body}" in quotes to find it as text.`;
	}
	return { negated, kind: "text", text: body.toLowerCase() };
}

function parseKey(key: string, value: string, negated: boolean, word: string): SearchTerm | string {
	const lower = value.toLowerCase();
	switch (key) {
		case "is": {
			if (IS_WORDS.includes(lower as IsWord)) return { negated, kind: "is", word: lower as IsWord };
			return `Unknown "${word}": after is: write one of ${IS_WORDS.join(", ")}.`;
		}
		case "flag": {
			if (/^[0-7]$/.test(value)) return { negated, kind: "flag", flag: Number(value) };
			return `"${word}" is not a flag: write flag:0 (no flag) to flag:7.`;
		}
		case "prop": {
			const match = /^([a-z]+)(.*)$/i.exec(value);
			const name = match ? PROP_NAMES[match[1].toLowerCase()] : undefined;
			if (!match || name === undefined) {
				return `Unknown property in "${word}": write prop:ivl, prop:due, prop:lapses, prop:reviews, prop:ease or prop:difficulty, then a comparison such as >30.`;
			}
			const comparison = COMPARISON.exec(match[2]);
			if (!comparison) return `"${word}" needs a comparison and a number after ${match[1]}, e.g. prop:${match[1]}>=4.`;
			return { negated, kind: "prop", name, op: comparison[1] as Comparison, value: Number(comparison[2]) };
		}
		case "due": {
			if (NUMBER.test(value)) return { negated, kind: "prop", name: "due", op: "<=", value: Number(value) };
			const comparison = COMPARISON.exec(value);
			if (!comparison) return `"${word}" needs a number of days, e.g. due:<7 (due within a week) or due:0 (due today or overdue).`;
			return { negated, kind: "prop", name: "due", op: comparison[1] as Comparison, value: Number(comparison[2]) };
		}
		default: {
			if (/^[1-9]\d{0,4}$/.test(value)) return { negated, kind: "rated", days: Number(value) };
			return `"${word}" needs a whole number of days from 1, e.g. rated:7 (answered in the last 7 days; rated:1 is today).`;
		}
	}
}

/** Whether the search looks at card text (then it finds only cards whose note was read). */
export function searchesText(search: CardSearch): boolean {
	return search.groups.some((group) => group.some((term) => term.kind === "text"));
}
