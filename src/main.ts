import { Notice, Plugin } from "obsidian";
import { chipClickHandler } from "./obsidian/chip-actions";
import { cardLivePreviewExtension } from "./obsidian/card-live-preview";
import { createCardReadingViewPostProcessor } from "./obsidian/card-reading-view";
import { registerCommands } from "./obsidian/commands";
import { createDockerPostProcessor } from "./obsidian/docker-reading-view";
import { dockerLivePreviewExtension } from "./obsidian/docker-live-preview";
import { SpacedNotesServices } from "./obsidian/plugin-services";
import { ReviewLogStore, trackRenames } from "./obsidian/review-log-store";
import { statsProvider } from "./obsidian/stats-provider";
import { DueStatusBar } from "./obsidian/status-bar";
import { registerNoteCommands } from "./obsidian/note-commands";
import { NoteReviewService } from "./obsidian/note-review";
import { NoteStatusBar } from "./obsidian/note-status-bar";
import { VaultIndexer } from "./obsidian/vault-index";
import { readStoredSettings } from "./settings/read-settings";
import { BuriedSiblings } from "./review/buried";
import type { SpacedNotesSettings } from "./settings/settings";
import { CARD_BROWSER_VIEW_TYPE, CardBrowserView } from "./ui/card-browser/card-browser-view";
import { DECK_LIST_VIEW_TYPE, DeckListView } from "./ui/deck-list/deck-list-view";
import { createReviewView, REVIEW_VIEW_TYPE } from "./ui/review/review-view";
import { SpacedNotesSettingTab } from "./ui/settings-tab";
import { STATS_VIEW_TYPE, StatsView } from "./ui/stats-view";
import { NOTE_REVIEW_VIEW_TYPE, NoteReviewView } from "./ui/note-review/note-review-view";

/**
 * Lifecycle only: load the settings, create the services and register every part. The vault
 * is indexed after the layout is ready, in slices that leave the UI responsive.
 */
export default class SpacedNotesPlugin extends Plugin {
	/**
	 * Assigned first thing in onload. `declare`, not `override`: Obsidian's typings declare
	 * `Plugin#settings` only from 1.13, and this must type-check against older ones too.
	 */
	declare settings: SpacedNotesSettings;

	override async onload(): Promise<void> {
		const data = (await this.loadData()) as unknown;
		const stored = readStoredSettings(data);
		this.settings = stored.settings;
		if (stored.problems.length > 0) {
			new Notice(`Spaced Notes: some settings were not valid and their defaults are used.\n${stored.problems.join("\n")}`, 0);
		}
		const settings = () => this.settings;
		const indexer = this.addChild(new VaultIndexer(this.app, settings));
		const services = new SpacedNotesServices(this, indexer, BuriedSiblings.from((data as { buried?: unknown } | null)?.buried));
		const log = ReviewLogStore.forPlugin(this);
		services.log = log;
		const reportLogError = (error: unknown) => new Notice(`Spaced Notes: the review history could not be saved: ${String(error)}`);
		trackRenames(this, log, reportLogError);

		this.addSettingTab(new SpacedNotesSettingTab(this, services));
		this.registerView(DECK_LIST_VIEW_TYPE, (leaf) => new DeckListView(leaf, services));
		this.registerView(REVIEW_VIEW_TYPE, (leaf) => createReviewView(leaf, services, { log }));
		this.registerView(STATS_VIEW_TYPE, (leaf) => new StatsView(leaf, statsProvider(services, log)));
		this.registerView(CARD_BROWSER_VIEW_TYPE, (leaf) => new CardBrowserView(leaf, services));
		registerCommands(this, services);

		const onChipClick = chipClickHandler(services);
		this.registerMarkdownPostProcessor(createDockerPostProcessor(settings));
		this.registerMarkdownPostProcessor(createCardReadingViewPostProcessor(settings, { onChipClick }));
		this.registerEditorExtension([dockerLivePreviewExtension(settings), cardLivePreviewExtension(settings, { onChipClick })]);
		this.addChild(new DueStatusBar(this, indexer));

		// Reviewing whole notes (docs/scheduling.md, "Note review").
		const noteReview = this.addChild(new NoteReviewService(this.app, settings, services.notes, { log, index: () => indexer.index }));
		this.registerView(NOTE_REVIEW_VIEW_TYPE, (leaf) => new NoteReviewView(leaf, noteReview));
		registerNoteCommands(this, noteReview, settings);
		this.addChild(new NoteStatusBar(this, noteReview));

		indexer.start();
	}
}
