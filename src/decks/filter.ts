/**
 * Filter expressions over tags and statuses, like Anki's filtered decks:
 * `#space/docker -#done-space, #k8s due` = (space/docker AND NOT done-space) OR (k8s AND due).
 *
 * - Terms separated by spaces must all hold; `,` separates alternatives.
 * - A term is a tag with `#` (matching the tag and its sub-tags, any case) or one of the words
 *   `due`, `new`, `learning`, `overdue`; a leading `-` negates it.
 * - A card's tags are its decks plus the note's other tags; statuses are per sibling.
 * Parsing never throws: a bad expression gives a message that says what to fix.
 */
import type { SiblingStatus } from "../schedule/status";
import { normaliseTag, tagMatches } from "./tags";

export type StatusWord = "due" | "new" | "learning" | "overdue";

export type FilterTerm = { negated: boolean; kind: "tag"; tag: string } | { negated: boolean; kind: "status"; status: StatusWord };

export interface Filter {
	/** The expression as given. */
	source: string;
	/** Alternatives (OR) of conjunctions (AND) of terms. */
	groups: FilterTerm[][];
}

export type FilterParseResult = { ok: true; filter: Filter } | { ok: false; error: string };

/** What a filter is matched against: one sibling of a card. */
export interface FilterSubject {
	/** The card's decks and the note's tags (any case, `#` optional). */
	tags: readonly string[];
	status: SiblingStatus;
	/** A review due before today. */
	overdue: boolean;
}

const STATUS_WORDS: readonly StatusWord[] = ["due", "new", "learning", "overdue"];
/** Distinct tags one filter may name (the index evaluates them as bits of one integer). */
const MAX_TAGS = 31;
const TAG_CHARS = /^#[^\s#,]+$/u;

/** Parses a filter expression; never throws. */
export function parseFilter(expression: string): FilterParseResult {
	if (expression.trim() === "") return { ok: false, error: "The filter is empty: write tags like #space/docker or the words due, new, learning, overdue." };
	const groups: FilterTerm[][] = [];
	const alternatives = expression.split(",");
	for (let g = 0; g < alternatives.length; g++) {
		const words = alternatives[g].split(/\s+/u).filter((word) => word.length > 0);
		if (words.length === 0) {
			return { ok: false, error: `Alternative ${g + 1} of the filter is empty: remove the extra comma.` };
		}
		const terms: FilterTerm[] = [];
		for (const word of words) {
			const term = parseTerm(word);
			if (typeof term === "string") return { ok: false, error: term };
			terms.push(term);
		}
		groups.push(terms);
	}
	const tags = new Set(groups.flat().flatMap((term) => (term.kind === "tag" ? [term.tag] : [])));
	if (tags.size > MAX_TAGS) return { ok: false, error: `The filter names ${tags.size} tags; at most ${MAX_TAGS} are allowed.` };
	return { ok: true, filter: { source: expression, groups } };
}

/** True when the subject satisfies at least one alternative of the filter. */
export function matchesFilter(filter: Filter, subject: FilterSubject): boolean {
	return filter.groups.some((terms) => terms.every((term) => termHolds(term, subject) !== term.negated));
}

/** True when the term (ignoring its `-`) holds for the subject. */
function termHolds(term: FilterTerm, subject: FilterSubject): boolean {
	if (term.kind === "tag") return subject.tags.some((tag) => tagMatches(tag, term.tag));
	return statusWordHolds(term.status, subject.status, subject.overdue);
}

/** Whether a status word describes a sibling with this status. `due` includes overdue reviews. */
export function statusWordHolds(word: StatusWord, status: SiblingStatus, overdue: boolean): boolean {
	if (word === "overdue") return status === "due" && overdue;
	return status === word;
}

/** A term, or the message explaining why the word is not one. */
function parseTerm(word: string): FilterTerm | string {
	const negated = word.startsWith("-");
	const body = negated ? word.slice(1) : word;
	if (body === "") return `A "-" must be followed by a tag or a word, e.g. -#done.`;
	if (body.startsWith("#")) {
		if (body === "#") return `A "#" must be followed by a tag name, e.g. #space/docker.`;
		if (!TAG_CHARS.test(body)) return `"${body}" is not a tag: a tag has no spaces, commas or second "#".`;
		return { negated, kind: "tag", tag: normaliseTag(body) };
	}
	const lower = body.toLowerCase() as StatusWord;
	if (STATUS_WORDS.includes(lower)) return { negated, kind: "status", status: lower };
	return `Unknown word "${body}": write tags with "#" (e.g. #${body}) or use due, new, learning or overdue.`;
}
