/** The card browser as a tab (command "Open card browser"). */
import { ItemView, type App, type WorkspaceLeaf } from "obsidian";
import type { CardRows } from "../../browse/card-rows";
import type { MergedLog } from "../../stats/merge";
import { CardInfoModal, cardInfoOfRow } from "../card-info/card-info-modal";
import type { PluginServices } from "../services";
import { CardBrowser } from "./card-browser";

export const CARD_BROWSER_VIEW_TYPE = "spaced-notes-card-browser";

export class CardBrowserView extends ItemView {
	private browser: CardBrowser | null = null;

	constructor(
		leaf: WorkspaceLeaf,
		private readonly services: PluginServices,
	) {
		super(leaf);
	}

	getViewType(): string {
		return CARD_BROWSER_VIEW_TYPE;
	}

	getDisplayText(): string {
		return "Card browser";
	}

	override getIcon(): string {
		return "table";
	}

	override async onOpen(): Promise<void> {
		this.contentEl.empty();
		this.contentEl.addClass("sn-browser-view");
		const browser = new CardBrowser(this.contentEl, this.services, {
			showInfo: (rows, row, log) => this.showInfo(browser, rows, row, log),
			leechLapses: () => this.services.settings().leechThreshold,
		});
		this.browser = browser;
		browser.open();
	}

	/** Shows the cards `expression` finds, in the search box too. */
	showSearch(expression: string): void {
		this.browser?.showSearch(expression);
	}

	override async onClose(): Promise<void> {
		this.browser?.close();
		this.browser = null;
		this.contentEl.empty();
	}

	private showInfo(browser: CardBrowser, rows: CardRows, row: number, log: MergedLog | null): void {
		const info = cardInfoOfRow(rows, row, browser.answerOf(rows, row), log);
		const ref = { path: info.path, line: info.line, cardIndex: rows.card[row], sibling: rows.sibling[row], id: info.id };
		new CardInfoModal(this.app, info, () => void browser.openCard(ref)).open();
	}
}

/** Opens the card browser in a tab, reusing an open one; with `search`, showing what it finds. */
export async function openCardBrowser(app: App, search?: string): Promise<void> {
	const existing = app.workspace.getLeavesOfType(CARD_BROWSER_VIEW_TYPE)[0];
	const leaf = existing ?? app.workspace.getLeaf("tab");
	if (!existing) await leaf.setViewState({ type: CARD_BROWSER_VIEW_TYPE, active: true });
	await app.workspace.revealLeaf(leaf);
	if (search !== undefined && leaf.view instanceof CardBrowserView) leaf.view.showSearch(search);
}
