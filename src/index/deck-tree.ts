/**
 * The deck tree with due / new / learning / total counts, as the deck list and `decks --json`
 * show it. Counts are of siblings (each reviewable face is one item, as `cards --json` lists
 * them). A parent counts the siblings of its sub-decks once, even when a card sits in several
 * of them. Built in one pass over the index's integer arrays: about 100,000 cards in a few ms.
 */
import type { CardIndex } from "./card-index";
import { deckKey } from "./deck-registry";
import { DUE, LEARNING, NEW } from "./status-keys";

export interface DeckCounts {
	due: number;
	new: number;
	learning: number;
	total: number;
}

export interface DeckNode extends DeckCounts {
	/** Last segment of the path, in the case it was first seen (files in path order). */
	name: string;
	/** Full path in display case, e.g. `space/docker`; "" for the root. */
	path: string;
	/** Case-insensitive key of the path (`space/docker`); "" for the root. */
	key: string;
	/** Sub-decks sorted by name (case-insensitive, numbers in numeric order). */
	children: DeckNode[];
}

/** The shape of `decks --json` (docs/cli.md). */
export interface DeckJson {
	name: string;
	path: string;
	due: number;
	new: number;
	learning: number;
	total: number;
	children: DeckJson[];
}

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/**
 * Builds the deck tree at `now`. The root (name and path "") counts every sibling in the index
 * once, including siblings of cards without a deck; its children are the top-level decks.
 * Decks without any sibling do not appear.
 */
export function buildDeckTree(index: CardIndex, now: Date): DeckNode {
	const { status } = index.statusesAt(now);
	const registry = index.decks;
	const nodeCount = registry.nodeKeys.length;
	// Four counters per node (due, new, learning, later); the root uses the last four.
	const counts = new Int32Array((nodeCount + 1) * 4);
	const root = nodeCount * 4;
	const files = index.files();
	for (const file of files) {
		const { combinations, siblingStart, classes } = file;
		for (let c = 0; c < combinations.length; c++) {
			const nodes = registry.combinations[combinations[c]].nodes;
			for (let s = siblingStart[c]; s < siblingStart[c + 1]; s++) {
				const code = status[classes[s]];
				counts[root + code]++;
				for (let n = 0; n < nodes.length; n++) counts[nodes[n] * 4 + code]++;
			}
		}
	}
	const names = displayNames(index, nodeCount);
	const rootNode = makeNode("", "", "", counts, root);
	const built: (DeckNode | undefined)[] = new Array<DeckNode | undefined>(nodeCount);
	// A parent always has a smaller id than its children (decks are interned top-down).
	for (let id = 0; id < nodeCount; id++) {
		const at = id * 4;
		if (counts[at] + counts[at + 1] + counts[at + 2] + counts[at + 3] === 0) continue;
		const parentId = registry.nodeParents[id];
		const parent = parentId < 0 ? rootNode : built[parentId];
		if (!parent) continue;
		const name = names[id] ?? registry.nodeKeys[id].split("/").pop() ?? "";
		const node = makeNode(name, parent.path ? `${parent.path}/${name}` : name, registry.nodeKeys[id], counts, at);
		parent.children.push(node);
		built[id] = node;
	}
	sortChildren(rootNode);
	return rootNode;
}

/** The node of a deck path (any case, `#` optional) in a tree, or undefined. "" is the root. */
export function findDeck(tree: DeckNode, deck: string): DeckNode | undefined {
	const key = deckKey(deck);
	if (key === "") return tree;
	let node: DeckNode | undefined = tree;
	for (const part of key.split("/")) {
		const prefix: string = node.key ? `${node.key}/${part}` : part;
		node = node.children.find((child) => child.key === prefix);
		if (!node) return undefined;
	}
	return node;
}

/**
 * The tree as `decks --json` prints it: a single root object. When every sibling sits under
 * one top-level deck (the usual vault, e.g. all under `#space`), that deck is the root;
 * otherwise the root is the whole vault, with name and path "" and the top-level decks as children.
 */
export function deckTreeToJson(tree: DeckNode): DeckJson {
	const only = tree.children.length === 1 ? tree.children[0] : undefined;
	return toJson(only && only.total === tree.total ? only : tree);
}

function toJson(node: DeckNode): DeckJson {
	return {
		name: node.name,
		path: node.path,
		due: node.due,
		new: node.new,
		learning: node.learning,
		total: node.total,
		children: node.children.map(toJson),
	};
}

function makeNode(name: string, path: string, key: string, counts: Int32Array, at: number): DeckNode {
	return {
		name,
		path,
		key,
		due: counts[at + DUE],
		new: counts[at + NEW],
		learning: counts[at + LEARNING],
		total: counts[at] + counts[at + 1] + counts[at + 2] + counts[at + 3],
		children: [],
	};
}

/** Each node's name in the case first seen, visiting files in path order and cards in order. */
function displayNames(index: CardIndex, nodeCount: number): (string | undefined)[] {
	const registry = index.decks;
	const names = new Array<string | undefined>(nodeCount);
	let named = 0;
	for (const file of index.files()) {
		for (const spellingId of file.spellings) {
			const spelling = registry.spellings[spellingId];
			for (let i = 0; i < spelling.nodes.length; i++) {
				const node = spelling.nodes[i];
				if (names[node] === undefined) {
					names[node] = spelling.names[i];
					named++;
				}
			}
		}
		if (named === nodeCount) break;
	}
	return names;
}

function sortChildren(node: DeckNode): void {
	node.children.sort((a, b) => collator.compare(a.name, b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	for (const child of node.children) sortChildren(child);
}
