/**
 * The plugin's services: settings with the side effects of changing them, the index, and the
 * ways to open a review or the deck list. main.ts creates one and hands it to every part.
 */
import type { App, Plugin } from "obsidian";
import { readStoredSettings } from "../settings/read-settings";
import { PARSER_SETTING_KEYS, type SpacedNotesSettings } from "../settings/settings";
import { DeckListModal } from "../ui/deck-list/deck-list-modal";
import { openReview } from "../ui/review/open-review";
import type { ReviewLog } from "../review/ports";
import type { PluginServices } from "../ui/services";
import type { ReviewRequest } from "../review/request";
import { deviceId, ReviewLogStore } from "./review-log-store";
import type { MergedLog } from "../stats/merge";
import type { VaultIndexer } from "./vault-index";
import { VaultNotes } from "./vault-notes";

/** Settings whose change means every note must be parsed again. */
const PARSER_KEYS: readonly (keyof SpacedNotesSettings)[] = PARSER_SETTING_KEYS;
/** Settings that change what the editor extensions and post-processors draw. */
const DISPLAY_KEYS: readonly (keyof SpacedNotesSettings)[] = ["dockerPanel", "dockerPanelInLivePreview", "commentDisplay", ...PARSER_KEYS];

/**
 * The plugin as the services use it. `settings` is the plugin's own field (Obsidian's typings
 * name one on Plugin only from 1.13, which this plugin does not rely on).
 */
export type SettingsOwner = Pick<Plugin, "app" | "saveData"> & { settings: SpacedNotesSettings };

export class SpacedNotesServices implements PluginServices {
	readonly app: App;
	readonly notes: VaultNotes;
	log: ReviewLog | undefined;

	constructor(
		private readonly plugin: SettingsOwner,
		readonly indexer: VaultIndexer,
	) {
		this.app = plugin.app;
		this.notes = new VaultNotes(plugin.app);
	}

	deviceId(): string {
		return deviceId(this.app);
	}

	settings(): SpacedNotesSettings {
		return this.plugin.settings;
	}

	async updateSettings(patch: Partial<SpacedNotesSettings>): Promise<void> {
		const before = this.plugin.settings;
		// The same checks as at start-up: a value the controls let through by mistake never sticks.
		const after = readStoredSettings({ ...before, ...patch }).settings;
		this.plugin.settings = after;
		await this.plugin.saveData(after);
		const changed = (key: keyof SpacedNotesSettings) => JSON.stringify(before[key]) !== JSON.stringify(after[key]);
		if (PARSER_KEYS.some(changed)) void this.indexer.rebuild();
		else if (changed("nextDayStartsAt")) this.indexer.index.setDayStartHour(after.nextDayStartsAt);
		if (DISPLAY_KEYS.some(changed)) this.app.workspace.updateOptions();
	}

	startReview(request: ReviewRequest): void {
		openReview(this, request, { log: this.log });
	}

	openDeckList(): void {
		new DeckListModal(this.app, this).open();
	}

	now(): Date {
		return new Date();
	}

	async readReviewLog(): Promise<MergedLog> {
		if (!(this.log instanceof ReviewLogStore)) throw new Error("no review history is kept");
		return this.log.readAll();
	}
}
