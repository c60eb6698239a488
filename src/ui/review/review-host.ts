/**
 * What the modal and the tab share: the controller wired to the plugin's services, and opening
 * a card in its note at the card's line.
 */
import { Notice, TFile, type App } from "obsidian";
import type { PluginServices } from "../services";
import type { ReviewRequest } from "../../review/request";
import { ReviewController } from "../../review/controller";
import type { ReviewLog } from "../../review/ports";
import { openReviewCardInfo } from "../card-info/review-card-info";
import type { ReviewScreenHost } from "./review-screen-host";

/** Optional extras the plugin may hand to a review (the review log, when it keeps one). */
export interface ReviewExtras {
	log?: ReviewLog;
}

/** A controller for `request` over the plugin's app, index and settings (not loaded yet). */
export function controllerFor(services: PluginServices, request: ReviewRequest, extras: ReviewExtras = {}): ReviewController {
	return new ReviewController(
		{
			settings: () => services.settings(),
			index: () => services.indexer.index,
			notes: services.notes,
			written: (path, text, note) => services.indexer.applyOwnWrite(path, text, note),
			indexing: services.indexer,
			now: () => services.now(),
			notify: (message) => new Notice(`Spaced Notes: ${message}`),
			log: extras.log,
		},
		request,
		services.cardActions,
	);
}

/**
 * The review screen's card info (key I) for the plugin: the merged log read for the history,
 * and `openCard` for the info's link to the note.
 */
export function cardInfoOpener(services: PluginServices, openCard: (path: string, line: number) => void): ReviewScreenHost["showCardInfo"] {
	return (subject, decks) =>
		void openReviewCardInfo(services.app, { ...subject, decks }, services.readLog?.bind(services), services.settings().nextDayStartsAt, () =>
			openCard(subject.path, subject.card.startLine),
		);
}

/** Opens `path` in the most recent note tab and scrolls to `line` (0-based). */
export function openCardInNote(app: App, path: string, line: number): void {
	const file = app.vault.getAbstractFileByPath(path);
	if (!(file instanceof TFile)) {
		new Notice(`Spaced Notes: the note ${path} no longer exists.`);
		return;
	}
	app.workspace
		.getLeaf(false)
		.openFile(file, { active: true, eState: { line } })
		.catch(() => new Notice(`Spaced Notes: the note ${path} could not be opened.`));
}

/**
 * True when an empty review of `request` may offer "review ahead" (custom study): a deck or every
 * card, not one note, a filter or a custom session already.
 */
export function aheadOf(request: ReviewRequest): boolean {
	return request.path === undefined && request.filter === undefined && request.custom === undefined;
}
