/** "Review a deck…": a fuzzy picker over every deck path, with its due and new counts. */
import { FuzzySuggestModal, type App } from "obsidian";
import { buildDeckTree, type DeckNode } from "../index/deck-tree";
import type { PluginServices } from "./services";
import { deckTitle } from "./deck-list/deck-filter";

export interface DeckChoice {
	/** Deck path; "" for every card. */
	path: string;
	due: number;
	new: number;
}

/** Every deck of the tree, parents before children, after an "All cards" entry (path ""). */
export function deckChoices(tree: DeckNode): DeckChoice[] {
	const out: DeckChoice[] = [{ path: "", due: tree.due, new: tree.new }];
	const visit = (node: DeckNode): void => {
		out.push({ path: node.path, due: node.due, new: node.new });
		node.children.forEach(visit);
	};
	tree.children.forEach(visit);
	return out;
}

export class DeckPickerModal extends FuzzySuggestModal<DeckChoice> {
	constructor(
		app: App,
		private readonly services: PluginServices,
	) {
		super(app);
		this.setPlaceholder("Pick a deck to review");
	}

	getItems(): DeckChoice[] {
		return deckChoices(buildDeckTree(this.services.indexer.index, this.services.now()));
	}

	getItemText(item: DeckChoice): string {
		const name = item.path === "" ? "All cards" : item.path;
		return `${name} (${item.due} due, ${item.new} new)`;
	}

	onChooseItem(item: DeckChoice): void {
		this.services.startReview(item.path === "" ? { title: "All cards" } : { title: deckTitle(item.path), deck: item.path });
	}
}
