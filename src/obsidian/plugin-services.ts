/**
 * The plugin's services: settings with the side effects of changing them, the index, and the
 * ways to open a review or the deck list. main.ts creates one and hands it to every part.
 */
import type { App, Plugin } from "obsidian";
import { readStoredSettings } from "../settings/read-settings";
import { PARSER_SETTING_KEYS, type SpacedNotesSettings } from "../settings/settings";
import { DeckListModal } from "../ui/deck-list/deck-list-modal";
import { openReview } from "../ui/review/open-review";
import { extraNewToday } from "../ui/custom-study/start-custom-study";
import type { ReviewLog } from "../review/ports";
import type { PluginServices } from "../ui/services";
import type { ReviewRequest } from "../review/request";
import { deviceId } from "./review-log-store";
import type { VaultIndexer } from "./vault-index";
import { VaultNotes } from "./vault-notes";
import { BuriedSiblings } from "../review/buried";
import { PluginCardActions } from "./card-actions-service";

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
	readonly cardActions: PluginCardActions;

	/** @param buried today's buried siblings, as saved in the plugin's data (`buried`) */
	constructor(
		private readonly plugin: SettingsOwner,
		readonly indexer: VaultIndexer,
		buried: BuriedSiblings = new BuriedSiblings(),
	) {
		this.app = plugin.app;
		this.notes = new VaultNotes(plugin.app);
		const currentLog = () => this.log;
		this.cardActions = new PluginCardActions(
			{
				notes: this.notes,
				settings: () => this.settings(),
				now: () => this.now(),
				get log() {
					return currentLog();
				},
				written: (path, text, note) => indexer.applyOwnWrite(path, text, note),
				saveBuried: () => this.save(this.plugin.settings),
			},
			buried,
		);
	}

	/** Saves the settings with today's buried siblings beside them (the plugin's data). */
	private save(settings: SpacedNotesSettings): Promise<void> {
		return this.plugin.saveData({ ...settings, buried: this.cardActions.buried.toData() });
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
		await this.save(after);
		const changed = (key: keyof SpacedNotesSettings) => JSON.stringify(before[key]) !== JSON.stringify(after[key]);
		if (PARSER_KEYS.some(changed)) void this.indexer.rebuild();
		else if (changed("nextDayStartsAt")) this.indexer.index.setDayStartHour(after.nextDayStartsAt);
		if (DISPLAY_KEYS.some(changed)) this.app.workspace.updateOptions();
	}

	startReview(request: ReviewRequest): void {
		// Extra new cards raised today (custom study) hold for every review of the day.
		const extraNew = request.extraNew ?? extraNewToday(this.app, this.now(), this.settings().nextDayStartsAt);
		// Siblings buried until tomorrow are left out (docs/format.md, "Suspended and flagged cards").
		const withBuried: ReviewRequest = { isBuried: (id) => this.cardActions.isBuriedId(id), ...request };
		openReview(this, Object.keys(extraNew).length > 0 ? { ...withBuried, extraNew } : withBuried, { log: this.log });
	}

	openDeckList(): void {
		new DeckListModal(this.app, this).open();
	}

	now(): Date {
		return new Date();
	}
}
