/**
 * The plugin's commands and its ribbon icon. No default hotkeys (users pick their own); ids
 * carry neither the plugin id nor the word "command" (Obsidian adds the plugin id itself).
 */
import { TFile, type Plugin } from "obsidian";
import { DeckPickerModal } from "../ui/deck-picker";
import { CustomStudyModal } from "../ui/custom-study/custom-study-modal";
import { openDeckListInSidebar } from "../ui/deck-list/deck-list-view";
import { openStatistics } from "../ui/stats-view";
import type { PluginServices } from "../ui/services";
import { registerCardCommands } from "./card-commands";

/** Registers every command and the ribbon icon on `plugin` (removed with it on unload). */
export function registerCommands(plugin: Plugin, services: PluginServices): void {
	const app = services.app;
	plugin.addCommand({
		id: "review-all",
		name: "Review all due cards",
		callback: () => services.startReview({ title: "All cards" }),
	});
	plugin.addCommand({
		id: "review-deck",
		name: "Review a deck…",
		callback: () => new DeckPickerModal(app, services).open(),
	});
	plugin.addCommand({
		id: "review-note",
		name: "Review this note's cards",
		checkCallback: (checking) => {
			const file = app.workspace.getActiveFile();
			if (!(file instanceof TFile) || file.extension !== "md") return false;
			if (!checking) services.startReview({ title: file.basename, path: file.path });
			return true;
		},
	});
	plugin.addCommand({
		id: "open-deck-list",
		name: "Open deck list",
		callback: () => services.openDeckList(),
	});
	plugin.addCommand({
		id: "open-deck-list-sidebar",
		name: "Open deck list in sidebar",
		callback: () => void openDeckListInSidebar(app),
	});
	plugin.addCommand({
		id: "open-statistics",
		name: "Open review statistics",
		callback: () => void openStatistics(app),
	});
	plugin.addCommand({
		id: "custom-study",
		name: "Custom study…",
		callback: () => new CustomStudyModal(app, services).open(),
	});
	registerCardCommands(plugin, services);
	plugin.addRibbonIcon("layers", "Open deck list", () => services.openDeckList());
}
