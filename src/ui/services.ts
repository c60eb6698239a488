/**
 * What the views, modals and commands need from the plugin, handed to them instead of the
 * plugin object itself (so they stay testable with the Obsidian mock and hold no reference that
 * would keep a closed view alive). The glue in src/obsidian implements it; the UI never imports
 * the glue.
 */
import type { App } from "obsidian";
import type { ParsedNote } from "../model/card";
import type { CardIndex } from "../index/card-index";
import type { NoteStore } from "../review/ports";
import type { ReviewRequest } from "../review/request";
import type { SpacedNotesSettings } from "../settings/settings";
import type { MergedLog } from "../stats/merge";

/** The vault's card index as it is kept up to date (`VaultIndexer` in src/obsidian). */
interface IndexFeed {
	/** The index now (replaced by a rebuild: never keep it). */
	readonly index: CardIndex;
	/** True while the whole vault is being indexed. */
	readonly isBuilding: boolean;
	/** Resolves once the first full index is built. */
	readonly ready: Promise<void>;
	/** Calls `listener` after every change to the index; returns a function that unsubscribes. */
	onChange(listener: () => void): () => void;
	/** How far a build in progress is (notes looked at of all); null when the index is complete. */
	readonly progress: { done: number; total: number } | null;
	/** Resolves once no build is running: the index is then complete. */
	whenBuilt(): Promise<void>;
	/** Calls `listener` as a build moves on; returns a function that unsubscribes. */
	onProgress(listener: () => void): () => void;
	/** A note the plugin wrote itself, with the parse that verified it (no second parse). */
	applyOwnWrite(path: string, newText: string, parsed?: ParsedNote): void;
}

export interface PluginServices {
	app: App;
	/** The current settings (always fresh; never cache the object). */
	settings(): SpacedNotesSettings;
	/** Merges `patch` into the settings, saves them, and updates the index when needed. */
	updateSettings(patch: Partial<SpacedNotesSettings>): Promise<void>;
	indexer: IndexFeed;
	/** The vault's notes as the review reads and writes them. */
	notes: NoteStore;
	/** This device's id, which names its review log file. */
	deviceId(): string;
	/** Starts a review session in a modal or a tab, as the settings say. */
	startReview(request: ReviewRequest): void;
	/** Opens the deck list (modal). */
	openDeckList(): void;
	/** The clock (tests replace it). */
	now(): Date;
	/** The review log of all devices, merged (the optimizer reads it); absent where none is kept. */
	readReviewLog?(): Promise<MergedLog>;
}
