import { Plugin } from "obsidian";
import { normaliseSettings, type SpacedNotesSettings } from "./settings/settings";

/** Lifecycle only: load settings, wire the parts, nothing heavy before the layout is ready. */
export default class SpacedNotesPlugin extends Plugin {
	override settings!: SpacedNotesSettings;

	override async onload(): Promise<void> {
		this.settings = normaliseSettings(await this.loadData());
	}

	async saveSettings(): Promise<void> {
		await this.saveData(this.settings);
	}
}
