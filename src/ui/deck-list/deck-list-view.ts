/** The deck list as a view in the right sidebar (command "Open deck list in sidebar"). */
import { ItemView, type App, type WorkspaceLeaf } from "obsidian";
import type { PluginServices } from "../services";
import { DeckList } from "./deck-list";

export const DECK_LIST_VIEW_TYPE = "spaced-notes-deck-list";

export class DeckListView extends ItemView {
	private list: DeckList | null = null;

	constructor(
		leaf: WorkspaceLeaf,
		private readonly services: PluginServices,
	) {
		super(leaf);
	}

	getViewType(): string {
		return DECK_LIST_VIEW_TYPE;
	}

	getDisplayText(): string {
		return "Decks";
	}

	override getIcon(): string {
		return "layers";
	}

	override async onOpen(): Promise<void> {
		this.contentEl.empty();
		this.contentEl.addClass("sn-deck-view");
		this.list = new DeckList(this.contentEl, this.services);
		this.list.open();
	}

	override async onClose(): Promise<void> {
		this.list?.close();
		this.list = null;
		this.contentEl.empty();
	}
}

/** Shows the deck list in the right sidebar, reusing an open one. */
export async function openDeckListInSidebar(app: App): Promise<void> {
	const existing = app.workspace.getLeavesOfType(DECK_LIST_VIEW_TYPE)[0];
	const leaf = existing ?? app.workspace.getRightLeaf(false);
	if (!leaf) return;
	if (!existing) await leaf.setViewState({ type: DECK_LIST_VIEW_TYPE, active: true });
	await app.workspace.revealLeaf(leaf);
}
