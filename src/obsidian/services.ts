/**
 * What the plugin's parts need from each other, handed to views, modals and commands instead
 * of the plugin object itself (so they stay testable with the Obsidian mock and hold no
 * reference that would keep a closed view alive).
 */
import type { App } from "obsidian";
import type { ReviewRequest } from "../review/request";
import type { SpacedNotesSettings } from "../settings/settings";
import type { VaultIndexer } from "./vault-index";

export interface PluginServices {
	app: App;
	/** The current settings (always fresh; never cache the object). */
	settings(): SpacedNotesSettings;
	/** Merges `patch` into the settings, saves them, and updates the index when needed. */
	updateSettings(patch: Partial<SpacedNotesSettings>): Promise<void>;
	indexer: VaultIndexer;
	/** Starts a review session in a modal or a tab, as the settings say. */
	startReview(request: ReviewRequest): void;
	/** Opens the deck list (modal). */
	openDeckList(): void;
	/** The clock (tests replace it). */
	now(): Date;
}
