/**
 * Queries over the index: the siblings of a deck subtree and/or matching a filter expression,
 * their counts, and the counts of saved filters for the deck list. One pass over the index;
 * tag terms are decided once per deck combination and once per file, not once per card.
 */
import { parseFilter, statusWordHolds, type Filter, type FilterTerm } from "../decks/filter";
import { tagMatches } from "../decks/tags";
import type { DeckCounts } from "./deck-tree";
import type { SiblingStatus } from "../schedule/status";
import type { CardIndex, IndexedCard, IndexedFile } from "./card-index";
import { DUE, LEARNING, NEW, STATUS_NAMES } from "./status-keys";

/** Which siblings to take: a deck with its sub-decks, a filter, or both (both must hold). */
export interface Selection {
	/** Deck path, any case, `#` optional; "" or absent = every deck. */
	deck?: string;
	filter?: Filter;
}

/** One selected sibling. */
export interface SiblingRef {
	file: IndexedFile;
	/** The card as indexed; read the note and take the parsed card at `card.startLine` for its text. */
	card: IndexedCard;
	/** Index of the card in the file (and among the note's parsed cards). */
	cardIndex: number;
	/** Index of the sibling in `card.siblings`. */
	sibling: number;
	status: SiblingStatus;
	overdue: boolean;
}

/** A saved filter with its counts for the deck list; `error` when its expression is invalid. */
export interface SavedFilterCounts extends DeckCounts {
	name: string;
	expression: string;
	error: string | null;
}

/** The selected siblings at `now`, files in path order, cards and siblings in note order. */
export function selectSiblings(index: CardIndex, selection: Selection, now: Date): SiblingRef[] {
	const result: SiblingRef[] = [];
	// Files come one after another: read each selected card once, shared by its siblings.
	let lastFile: IndexedFile | null = null;
	let lastIndex = -1;
	let lastCard: IndexedCard | null = null;
	visit(index, selection, now, (file, cardIndex, sibling, code, overdue) => {
		if (file !== lastFile || cardIndex !== lastIndex || lastCard === null) {
			lastFile = file;
			lastIndex = cardIndex;
			lastCard = file.readCard(cardIndex);
		}
		result.push({ file, card: lastCard, cardIndex, sibling, status: STATUS_NAMES[code], overdue });
	});
	return result;
}

/** Due / new / learning / total counts of a selection at `now`. */
export function countSelection(index: CardIndex, selection: Selection, now: Date): DeckCounts {
	const counts = { due: 0, new: 0, learning: 0, total: 0 };
	visit(index, selection, now, (_file, _card, _sibling, code) => {
		counts.total++;
		if (code === DUE) counts.due++;
		else if (code === NEW) counts.new++;
		else if (code === LEARNING) counts.learning++;
	});
	return counts;
}

/** Counts of each saved filter (settings.savedFilters), in the given order, for the deck list. */
export function savedFilterCounts(index: CardIndex, filters: readonly { name: string; expression: string }[], now: Date): SavedFilterCounts[] {
	return filters.map(({ name, expression }) => {
		const parsed = parseFilter(expression);
		if (!parsed.ok) return { name, expression, error: parsed.error, due: 0, new: 0, learning: 0, total: 0 };
		return { name, expression, error: null, ...countSelection(index, { filter: parsed.filter }, now) };
	});
}

type Visitor = (file: IndexedFile, cardIndex: number, sibling: number, code: number, overdue: boolean) => void;

function visit(index: CardIndex, selection: Selection, now: Date, visitor: Visitor): void {
	const { status, overdue } = index.statusesAt(now);
	const registry = index.decks;
	let deckNode = -1;
	if (selection.deck !== undefined && selection.deck.replace(/^#/, "").trim() !== "") {
		const found = registry.findNode(selection.deck);
		if (found === undefined) return;
		deckNode = found;
	}
	const filter = selection.filter;
	const tagTerms = filter ? distinctTagTerms(filter) : [];
	// Per combination: is the deck in it, and which tag terms do its decks match (bit per term).
	const comboCount = registry.combinations.length;
	const inDeck = new Uint8Array(comboCount);
	const comboTags = new Uint32Array(comboCount);
	for (let c = 0; c < comboCount; c++) {
		const combination = registry.combinations[c];
		inDeck[c] = deckNode < 0 || combination.nodes.includes(deckNode) ? 1 : 0;
		for (let t = 0; t < tagTerms.length; t++) {
			const term = tagTerms[t];
			const matched = combination.spellings.some((s) => {
				const nodes = registry.spellings[s].nodes;
				return tagMatches(registry.nodeKeys[nodes[nodes.length - 1]], term);
			});
			if (matched) comboTags[c] |= 1 << t;
		}
	}
	for (const file of index.files()) {
		let fileTags = 0;
		for (let t = 0; t < tagTerms.length; t++) {
			if (file.tags.some((tag) => tagMatches(tag, tagTerms[t]))) fileTags |= 1 << t;
		}
		const { combinations, siblingStart, classes } = file;
		for (let c = 0; c < combinations.length; c++) {
			const combo = combinations[c];
			if (!inDeck[combo]) continue;
			const tags = fileTags | comboTags[combo];
			for (let s = siblingStart[c]; s < siblingStart[c + 1]; s++) {
				const code = status[classes[s]];
				const late = overdue[classes[s]] === 1;
				if (filter && !holds(filter, tagTerms, tags, code, late)) continue;
				visitor(file, c, s - siblingStart[c], code, late);
			}
		}
	}
}

/** The distinct tags of a filter, one bit each (parseFilter allows at most MAX_TAGS = 31). */
function distinctTagTerms(filter: Filter): string[] {
	const tags: string[] = [];
	for (const group of filter.groups) {
		for (const term of group) if (term.kind === "tag" && !tags.includes(term.tag)) tags.push(term.tag);
	}
	return tags.slice(0, 31);
}

function holds(filter: Filter, tagTerms: readonly string[], tags: number, code: number, overdue: boolean): boolean {
	return filter.groups.some((group) => group.every((term) => termHolds(term, tagTerms, tags, code, overdue) !== term.negated));
}

function termHolds(term: FilterTerm, tagTerms: readonly string[], tags: number, code: number, overdue: boolean): boolean {
	if (term.kind === "status") return statusWordHolds(term.status, STATUS_NAMES[code], overdue);
	const bit = tagTerms.indexOf(term.tag);
	return bit >= 0 && (tags & (1 << bit)) !== 0;
}
