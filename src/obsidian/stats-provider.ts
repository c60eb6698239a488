/**
 * The statistics view's data: the merged review log and every current card. The index keeps no
 * card text, and card ids come from it, so notes are read again here — only when the view asks.
 */
import { normalizePath, TFile, type Vault } from "obsidian";
import { parseNote } from "../cards/parse";
import { statsCardsOfNote, type StatsCard } from "../stats/stats-cards";
import type { StatsDataProvider } from "../ui/stats-view";
import type { ReviewLogStore } from "./review-log-store";
import type { PluginServices } from "../ui/services";

export function statsProvider(services: PluginServices, log: ReviewLogStore): StatsDataProvider {
	return {
		loadLog: () => log.readAll(),
		currentCards: async () => {
			const settings = services.settings();
			const cards: StatsCard[] = [];
			for (const indexed of services.indexer.index.files()) {
				const file = services.app.vault.getAbstractFileByPath(indexed.path);
				if (!(file instanceof TFile)) continue;
				const parsed = parseNote(await services.app.vault.cachedRead(file), { path: indexed.path, settings });
				cards.push(...statsCardsOfNote(indexed.path, parsed.cards));
			}
			return cards;
		},
		dayStartHour: () => services.settings().nextDayStartsAt,
		now: () => services.now(),
		exportCsv: async (csv, where) => {
			const path = normalizePath(where);
			const vault = services.app.vault;
			await createFolders(vault, path);
			const existing = vault.getAbstractFileByPath(path);
			if (existing instanceof TFile) await vault.process(existing, () => csv);
			else await vault.create(path, csv);
			return `Review log saved to ${path} (the FSRS optimizer's columns).`;
		},
		// An answer saved changes the index: the view reads again (it waits for a pause itself).
		onChange: (listener) => services.indexer.onChange(listener),
	};
}

/** Creates the folders above `path` that do not exist yet. */
async function createFolders(vault: Vault, path: string): Promise<void> {
	const parts = path.split("/").slice(0, -1);
	for (let i = 1; i <= parts.length; i++) {
		const folder = normalizePath(parts.slice(0, i).join("/"));
		if (vault.getAbstractFileByPath(folder) !== null) continue;
		await vault.createFolder(folder).catch(() => undefined);
	}
}
