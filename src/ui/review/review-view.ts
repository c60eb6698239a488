/**
 * The review in a main-area tab. The request is kept in the view's state, so a tab restored
 * with the workspace starts a fresh session over the same cards.
 */
import { ItemView, Scope, type ViewStateResult, type WorkspaceLeaf } from "obsidian";
import type { Filter } from "../../decks/filter";
import type { PluginServices } from "../services";
import type { ReviewRequest } from "../../review/request";
import { aheadOf, cardInfoOpener, controllerFor, openCardInNote, type ReviewExtras } from "./review-host";
import { startReviewAhead } from "../custom-study/start-custom-study";
import { renderReviewScreen, type ReviewScreen } from "./review-screen";
import type { ReviewController } from "../../review/controller";
import { openStatistics } from "../stats-view";

export const REVIEW_VIEW_TYPE = "spaced-notes-review";

export class ReviewView extends ItemView {
	private screen: ReviewScreen | null = null;
	private request: ReviewRequest | null = null;
	/** The running session's controller (null before a request arrives). */
	controller: ReviewController | null = null;

	constructor(
		leaf: WorkspaceLeaf,
		private readonly services: PluginServices,
		private readonly extras: ReviewExtras = {},
	) {
		super(leaf);
		// Keys work only while this tab is active.
		this.scope = new Scope(this.app.scope);
	}

	getViewType(): string {
		return REVIEW_VIEW_TYPE;
	}

	getDisplayText(): string {
		return this.request ? `Review: ${this.request.title}` : "Review";
	}

	override getIcon(): string {
		return "layers";
	}

	override async onOpen(): Promise<void> {
		this.contentEl.addClass("sn-review-view");
		if (this.request === null) this.showIdle();
	}

	override async onClose(): Promise<void> {
		this.stop();
		this.contentEl.empty();
	}

	override getState(): Record<string, unknown> {
		return this.request ? { request: { ...this.request } } : {};
	}

	override async setState(state: unknown, result: ViewStateResult): Promise<void> {
		const request = requestFrom(state);
		if (request) this.start(request);
		await super.setState(state, result);
	}

	/** Starts a new session for `request` in this tab (replacing any running one). */
	start(request: ReviewRequest): void {
		this.stop();
		this.request = request;
		this.controller = controllerFor(this.services, request, this.extras);
		this.screen = renderReviewScreen(this.contentEl, this.controller, {
			app: this.app,
			scope: this.scope,
			openInNote: (path, line) => openCardInNote(this.app, path, line),
			close: () => this.leaf.detach(),
			showCardInfo: cardInfoOpener(this.services, (path, line) => openCardInNote(this.app, path, line)),
			keyMap: this.services.settings().keyMap,
			back: () => this.services.openDeckList(),
			openDeckList: () => this.services.openDeckList(),
			openStatistics: () => void openStatistics(this.app),
			reviewAhead: aheadOf(request) ? () => startReviewAhead(this.services, request.deck) : undefined,
		});
		void this.controller.load();
	}

	private stop(): void {
		this.screen?.unload();
		this.screen = null;
		this.controller = null;
	}

	private showIdle(): void {
		this.contentEl.empty();
		const idle = this.contentEl.createDiv("sn-review-idle");
		idle.createDiv({ text: "No review is running in this tab." });
		const button = idle.createEl("button", { cls: "mod-cta", text: "Open the deck list" });
		button.addEventListener("click", () => this.services.openDeckList());
	}
}

/** The view factory for `registerView(REVIEW_VIEW_TYPE, …)`. */
export function createReviewView(leaf: WorkspaceLeaf, services: PluginServices, extras: ReviewExtras = {}): ReviewView {
	return new ReviewView(leaf, services, extras);
}

/** A request read back from saved view state; null when it does not look like one. */
function requestFrom(state: unknown): ReviewRequest | null {
	if (typeof state !== "object" || state === null) return null;
	const raw = (state as { request?: unknown }).request;
	if (typeof raw !== "object" || raw === null) return null;
	const r = raw as Record<string, unknown>;
	if (typeof r.title !== "string") return null;
	const request: ReviewRequest = { title: r.title };
	if (typeof r.deck === "string") request.deck = r.deck;
	if (typeof r.path === "string") request.path = r.path;
	if (typeof r.filter === "object" && r.filter !== null && Array.isArray((r.filter as { groups?: unknown }).groups)) {
		request.filter = r.filter as Filter;
	}
	return request;
}
