/** Opening a card from the browser: its note in a new tab, scrolled to the card, the browser kept. */
import { TFile, type App } from "obsidian";
import type { BrowserCardRef } from "../services";

export async function openCardInTab(app: App, card: BrowserCardRef): Promise<void> {
	const file = app.vault.getAbstractFileByPath(card.path);
	if (!(file instanceof TFile)) throw new Error(`the note ${card.path} no longer exists.`);
	await app.workspace.getLeaf("tab").openFile(file, { active: true, eState: { line: card.line } });
}
