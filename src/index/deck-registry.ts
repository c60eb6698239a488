/**
 * Deck names interned once for the whole index. Cards keep small integer ids instead of
 * strings, so the deck tree is counted in one pass of integer additions.
 *
 * - A node is a deck path compared case-insensitively (`space/docker`), with its parent node.
 * - A spelling is a deck path as written on a card (`Space/Docker`): its chain of nodes from the
 *   top-level deck down, and the name each segment is written with there.
 * - A combination is the list of spellings of one card; it knows the set of nodes the card counts
 *   in (every ancestor of every deck, each once — "parents count sub-decks once").
 *
 * Nothing is ever removed: the tables hold what was seen, and counts come only from the cards
 * present, so a deck whose last card is gone simply has nothing to count.
 */
import { normaliseTag } from "../decks/tags";

export interface DeckSpelling {
	/** Node ids from the top-level deck down to the deck itself. */
	nodes: readonly number[];
	/** The name of each of those nodes as written in this spelling. */
	names: readonly string[];
}

export interface DeckCombination {
	spellings: readonly number[];
	/** The decks as written, shared by every card with this combination. */
	written: readonly string[];
	/** Distinct node ids the card counts in. */
	nodes: Int32Array;
}

/**
 * The deepest deck level kept: a card whose tag goes deeper sits in its ancestor at this depth
 * (docs/format.md). Keeps a hand-made or generated 20,000-level tag from costing quadratic time
 * and recursion depth everywhere decks are walked.
 */
const MAX_DECK_DEPTH = 64;

export class DeckRegistry {
	/** Normalised path per node id (`space/docker`). */
	readonly nodeKeys: string[] = [];
	/** Parent node id per node id (-1 for a top-level deck). */
	readonly nodeParents: number[] = [];
	readonly spellings: DeckSpelling[] = [];
	readonly combinations: DeckCombination[] = [];
	private readonly nodeIds = new Map<string, number>();
	private readonly spellingIds = new Map<string, number>();
	private readonly combinationIds = new Map<string, number>();
	/** Fast path: the combination of a card with exactly one deck, by its written path. */
	private readonly singleIds = new Map<string, number>();

	/** The node id of a deck path (any case, `#` optional), or undefined when never seen. */
	findNode(deck: string): number | undefined {
		return this.nodeIds.get(deckKey(deck));
	}

	/** The decks as written of a combination (one shared array). */
	writtenDecks(combination: number): readonly string[] {
		return this.combinations[combination].written;
	}

	/** The combination id of a card's decks as written. */
	combinationOf(decks: readonly string[]): number {
		if (decks.length === 1) {
			const single = this.singleIds.get(decks[0]);
			if (single !== undefined) return single;
		}
		const id = this.combinationOfMany(decks);
		if (decks.length === 1) this.singleIds.set(detachedCopy(decks[0]), id);
		return id;
	}

	private combinationOfMany(decks: readonly string[]): number {
		const spellingIds = decks.map((deck) => this.spellingOf(deck)).filter((id) => id >= 0);
		const key = spellingIds.join(",");
		let id = this.combinationIds.get(key);
		if (id === undefined) {
			const nodes = new Set<number>();
			for (const spelling of spellingIds) for (const node of this.spellings[spelling].nodes) nodes.add(node);
			id = this.combinations.length;
			const written = decks.map(detachedCopy);
			this.combinations.push({ spellings: spellingIds, written, nodes: Int32Array.from(nodes) });
			this.combinationIds.set(key, id);
		}
		return id;
	}

	/** The spelling id of a deck path as written, or -1 when it names no deck (empty path). */
	private spellingOf(deck: string): number {
		const existing = this.spellingIds.get(deck);
		if (existing !== undefined) return existing;
		const names = deck
			.replace(/^#/, "")
			.split("/")
			.map((name) => name.trim())
			.filter((name) => name.length > 0)
			.slice(0, MAX_DECK_DEPTH);
		let id = -1;
		if (names.length > 0) {
			const nodes: number[] = [];
			let parent = -1;
			let path = "";
			for (let i = 0; i < names.length; i++) {
				path = i === 0 ? names[0] : `${path}/${names[i]}`;
				parent = this.nodeOf(path, parent);
				nodes.push(parent);
			}
			id = this.spellings.length;
			this.spellings.push({ nodes, names: names.map(detachedCopy) });
		}
		this.spellingIds.set(detachedCopy(deck), id);
		return id;
	}

	private nodeOf(path: string, parent: number): number {
		const key = deckKey(path);
		let id = this.nodeIds.get(key);
		if (id === undefined) {
			id = this.nodeKeys.length;
			this.nodeKeys.push(key);
			this.nodeParents.push(parent);
			this.nodeIds.set(key, id);
		}
		return id;
	}
}

/** The case-insensitive key of a deck path: `#Space/Docker/` → `space/docker`. */
export function deckKey(deck: string): string {
	const names = deck
		.replace(/^#/, "")
		.split("/")
		.map((name) => name.trim())
		.filter((name) => name.length > 0);
	return normaliseTag(names.join("/")).slice(1);
}

/** A copy with its own storage, so a map key does not keep a whole note's text alive. */
function detachedCopy(text: string): string {
	return text.length < 13 ? text : ` ${text}`.slice(1);
}
