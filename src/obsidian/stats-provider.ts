/**
 * The statistics view's data: the merged review log and every current card. The index keeps no
 * card text, and card ids come from it, so notes are read again here — only when the view asks.
 */
import { TFile } from "obsidian";
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
		exportCsv: async (csv) => {
			const vault = services.app.vault;
			const existing = vault.getAbstractFileByPath(CSV_EXPORT_PATH);
			if (existing instanceof TFile) await vault.process(existing, () => csv);
			else await vault.create(CSV_EXPORT_PATH, csv);
			return `Review log saved to ${CSV_EXPORT_PATH} (the FSRS optimizer's columns).`;
		},
	};
}

/** Where the optimizer export goes: the vault's root, beside the notes, easy to find and share. */
export const CSV_EXPORT_PATH = "spaced-notes-review-log.csv";
