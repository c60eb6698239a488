/**
 * Card-management terms in a filter expression (docs/cli.md, "cards", "set"): the deck filter's
 * tags and words (`decks/filter.ts`) plus `is:suspended|buried|leech|flagged|new|due|learning`,
 * `flag:N` (0 = none) and `prop:lapses` / `prop:ivl` compared with `= != < <= > >=`. Any term may
 * take a leading `-`; `,` separates alternatives as in deck filters. Never throws.
 */
import { matchesFilter, parseFilter, type Filter } from "../decks/filter";
import type { SiblingStatus } from "../schedule/status";

type CardTerm = { negated: boolean } & (
	| { kind: "is"; what: "suspended" | "buried" | "leech" | "flagged" | "new" | "due" | "learning" }
	| { kind: "flag"; flag: number }
	| { kind: "prop"; prop: "lapses" | "ivl"; op: Comparison; value: number }
);

type Comparison = "=" | "!=" | "<" | "<=" | ">" | ">=";

/** One alternative: a deck filter (null: none) and card terms, all of which must hold. */
interface CardFilterAlternative {
	deck: Filter | null;
	terms: CardTerm[];
}

export interface CardFilter {
	source: string;
	alternatives: CardFilterAlternative[];
	/** Whether a term needs lapses (leech, prop:lapses): the caller may then read the review log. */
	needsLapses: boolean;
}

/** What the terms are evaluated against: one sibling. */
export interface SiblingFacts {
	tags: readonly string[];
	/** As the index counts it (a suspended sibling is `later`): for the deck filter's words. */
	status: SiblingStatus;
	overdue: boolean;
	/** As its schedule says, suspended or not: for `is:new|due|learning`. */
	scheduleStatus: SiblingStatus;
	suspended: boolean;
	buried: boolean;
	leech: boolean;
	flag: number;
	lapses: number;
	interval: number;
}

const IS_WORDS = ["suspended", "buried", "leech", "flagged", "new", "due", "learning"] as const;
const PROP = /^prop:(lapses|ivl)(>=|<=|!=|=|<|>)(\d+(?:\.\d+)?)$/;

/** Parses an expression; a message that says what to fix when it cannot. */
export function parseCardFilter(expression: string): { ok: true; filter: CardFilter } | { ok: false; error: string } {
	if (expression.trim() === "") return { ok: false, error: "The filter is empty." };
	const alternatives: CardFilterAlternative[] = [];
	let needsLapses = false;
	for (const [i, alternative] of expression.split(",").entries()) {
		const words = alternative.split(/\s+/u).filter((w) => w !== "");
		if (words.length === 0) return { ok: false, error: `Alternative ${i + 1} of the filter is empty: remove the extra comma.` };
		const terms: CardTerm[] = [];
		const rest: string[] = [];
		for (const word of words) {
			const negated = word.startsWith("-");
			const body = (negated ? word.slice(1) : word).toLowerCase();
			if (!/^(is|flag|prop):/.test(body)) {
				rest.push(word);
				continue;
			}
			const term = parseTerm(body, negated);
			if (typeof term === "string") return { ok: false, error: term };
			if ((term.kind === "is" && term.what === "leech") || (term.kind === "prop" && term.prop === "lapses")) needsLapses = true;
			terms.push(term);
		}
		let deck: Filter | null = null;
		if (rest.length > 0) {
			const parsed = parseFilter(rest.join(" "));
			if (!parsed.ok)
				return {
					ok: false,
					error: `${parsed.error} Card terms: is:suspended|buried|leech|flagged|new|due|learning, flag:N, prop:lapses>=N, prop:ivl>N.`,
				};
			deck = parsed.filter;
		}
		alternatives.push({ deck, terms });
	}
	return { ok: true, filter: { source: expression, alternatives, needsLapses } };
}

function parseTerm(body: string, negated: boolean): CardTerm | string {
	if (body.startsWith("is:")) {
		const what = body.slice(3);
		const known = IS_WORDS.find((w) => w === what);
		return known ? { negated, kind: "is", what: known } : `Unknown "${body}": use is:${IS_WORDS.join("|")}.`;
	}
	if (body.startsWith("flag:")) {
		const flag = /^flag:([0-7])$/.exec(body);
		return flag ? { negated, kind: "flag", flag: Number(flag[1]) } : `"${body}" is not a flag: write flag:1 … flag:7, or flag:0 for none.`;
	}
	const prop = PROP.exec(body);
	if (!prop) return `"${body}" is not a property test: write e.g. prop:lapses>=4 or prop:ivl>30.`;
	return { negated, kind: "prop", prop: prop[1] as "lapses" | "ivl", op: prop[2] as Comparison, value: Number(prop[3]) };
}

/** Whether the sibling satisfies at least one alternative. */
export function matchesCardFilter(filter: CardFilter, facts: SiblingFacts): boolean {
	return filter.alternatives.some(
		({ deck, terms }) => (deck === null || matchesFilter(deck, facts)) && terms.every((term) => termHolds(term, facts) !== term.negated),
	);
}

function termHolds(term: CardTerm, facts: SiblingFacts): boolean {
	switch (term.kind) {
		case "flag":
			return facts.flag === term.flag;
		case "prop":
			return compare(term.prop === "lapses" ? facts.lapses : facts.interval, term.op, term.value);
		case "is":
			switch (term.what) {
				case "suspended":
				case "buried":
				case "leech":
					return facts[term.what];
				case "flagged":
					return facts.flag > 0;
				default:
					return facts.scheduleStatus === term.what;
			}
	}
}

function compare(a: number, op: Comparison, b: number): boolean {
	switch (op) {
		case "=":
			return a === b;
		case "!=":
			return a !== b;
		case "<":
			return a < b;
		case "<=":
			return a <= b;
		case ">":
			return a > b;
		case ">=":
			return a >= b;
	}
}
