/**
 * The deck list's filter box: which decks stay visible for a typed query. Pure (no DOM), so
 * the rule is tested on its own: every word of the query must occur in some segment of a
 * deck's path (case-insensitive); the ancestors of a matching deck stay visible as context.
 */
import type { DeckNode } from "../../index/deck-tree";

export interface DeckFilterResult {
	/** Keys of the decks to show: the matches and their ancestors. */
	visible: Set<string>;
	/** Keys of the decks that match the query themselves (shown highlighted). */
	matched: Set<string>;
}

/** The query's words, lower case: split on spaces and `/`, a leading `#` dropped. */
export function queryWords(query: string): string[] {
	return query
		.toLowerCase()
		.split(/[\s/]+/u)
		.map((word) => word.replace(/^#+/u, ""))
		.filter((word) => word.length > 0);
}

/** True when every word occurs in some segment of the deck's path. */
export function deckMatches(path: string, words: readonly string[]): boolean {
	const segments = path.toLowerCase().split("/");
	return words.every((word) => segments.some((segment) => segment.includes(word)));
}

/**
 * The decks of `tree` (its root excluded) left visible by `query`; null when the query has no
 * words (everything visible, collapsed decks stay collapsed).
 */
export function filterDeckTree(tree: DeckNode, query: string): DeckFilterResult | null {
	const words = queryWords(query);
	if (words.length === 0) return null;
	const result: DeckFilterResult = { visible: new Set(), matched: new Set() };
	const visit = (node: DeckNode): boolean => {
		let anyVisible = false;
		for (const child of node.children) if (visit(child)) anyVisible = true;
		if (deckMatches(node.path, words)) {
			result.matched.add(node.key);
			anyVisible = true;
		}
		if (anyVisible) result.visible.add(node.key);
		return anyVisible;
	};
	for (const child of tree.children) visit(child);
	return result;
}

/** A deck path as a review title: `space/docker` → `space › docker`. */
export function deckTitle(path: string): string {
	return path.split("/").join(" › ");
}
