/**
 * The review screen, rendered into any container (the modal's content or the tab's): the header
 * (`review-header.ts`), the card (`review-card-pane.ts`), the edit box, the end-of-session
 * summary and the button bar (`review-bar.ts`). It renders a {@link ReviewModel}'s state and
 * forwards clicks and keys to it.
 */
import { Component } from "obsidian";
import { Rating } from "../../model/schedule";
import type { ReviewModel, ReviewScreenState } from "../../review/review-state";
import type { ReviewCardAction } from "../../review/review-card-actions";
import { renderSummary } from "./review-summary";
import { bindFlagKeys, bindReviewKeys, KEY_MAPS, RATING_ACTIONS, type ReviewAction } from "./review-keys";
import type { ReviewScreenHost } from "./review-screen-host";
import { renderCloseQuestion, renderReviewHeader } from "./review-header";
import { ReviewCardPane } from "./review-card-pane";
import { ReviewEditBox } from "./review-edit-box";
import { RATINGS, renderReviewBar } from "./review-bar";
import { leaving } from "./review-speech";

/** How often the screen looks at the clock while waiting for a learning step. */
const WAIT_POLL_MS = 10_000;

export class ReviewScreen extends Component {
	private readonly root: HTMLElement;
	private readonly headerEl: HTMLElement;
	private readonly card: ReviewCardPane;
	private readonly editBox: ReviewEditBox;
	private readonly summaryEl: HTMLElement;
	private readonly barEl: HTMLElement;
	/** Read out by screen readers: the new card's question, then the revealed answer. */
	private readonly liveEl: HTMLElement;
	/** Set while the user is asked whether to close with unsaved answers: what closes anyway. */
	private closeAsked: (() => void) | null = null;

	constructor(
		container: HTMLElement,
		private readonly model: ReviewModel,
		private readonly host: ReviewScreenHost = {},
	) {
		super();
		container.empty();
		this.root = container.createDiv("sn-review");
		this.headerEl = this.root.createDiv("sn-review-header");
		const main = this.root.createDiv("sn-review-main");
		this.card = new ReviewCardPane(main, host, (text) => this.liveEl.setText(text));
		this.editBox = new ReviewEditBox(main);
		this.summaryEl = main.createDiv("sn-review-summary");
		this.barEl = this.root.createDiv("sn-review-bar");
		this.liveEl = this.root.createDiv({ cls: "sn-visually-hidden", attr: { "aria-live": "polite", role: "status" } });
	}

	override onload(): void {
		this.register(this.model.subscribe(() => this.render()));
		this.registerKeys();
		this.registerInterval(
			window.setInterval(() => {
				if (this.model.state().phase === "waiting") this.model.refresh();
			}, WAIT_POLL_MS),
		);
		this.render();
	}

	override onunload(): void {
		this.card.unloadCard();
		this.root.detach();
	}

	/** Draws the current state (called on every change of the model). */
	render(): void {
		const state = this.model.state();
		this.root.toggleClass("is-busy", state.busy);
		this.renderHeader(state);
		this.card.render(state);
		this.editBox.render(state);
		this.summaryEl.empty();
		this.summaryEl.toggleClass("sn-review-hidden", state.phase !== "finished" && state.phase !== "waiting" && state.phase !== "loading");
		if (state.phase === "loading") this.summaryEl.createDiv({ cls: "sn-review-loading", text: state.loading ?? "Reading the notes…" });
		else if (state.phase === "finished" || state.phase === "waiting")
			renderSummary(this.summaryEl, state, this.model, {
				close: this.host.close ? () => this.host.close?.() : undefined,
				deckList: this.host.openDeckList ? () => this.host.openDeckList?.() : undefined,
				statistics: this.host.openStatistics ? () => this.host.openStatistics?.() : undefined,
				reviewAhead: this.host.reviewAhead ? () => this.host.reviewAhead?.() : undefined,
			});
		renderReviewBar(this.barEl, state, this.model, {
			keyMap: this.host.scope ? KEY_MAPS[this.host.keyMap ?? "anki"] : null,
			saveEdit: () => void this.saveEdit(),
			openInNote: this.host.openInNote ? () => this.openInNote() : undefined,
		});
	}

	private renderHeader(state: ReviewScreenState): void {
		renderReviewHeader(this.headerEl, state, {
			cardShown: this.cardShown(state),
			keyMap: KEY_MAPS[this.host.keyMap ?? "anki"],
			manage: (action) => void this.manage(action),
			showCardInfo: this.host.showCardInfo ? () => void this.showCardInfo() : undefined,
			openDeckList: this.host.openDeckList ? () => this.host.openDeckList?.() : undefined,
			retryAll: () => void this.model.retryAll(),
		});
		const closeAnyway = this.closeAsked;
		if (closeAnyway !== null && state.unsaved.length > 0) {
			renderCloseQuestion(this.headerEl, state, {
				retryAll: () => {
					void this.model.retryAll().then(() => {
						if (this.model.state().unsaved.length === 0) closeAnyway();
					});
				},
				closeAnyway: () => {
					this.closeAsked = null;
					closeAnyway();
				},
			});
		} else this.closeAsked = null;
	}

	/** Whether a card is shown and not being edited: card actions and their keys work then. */
	private cardShown(state: ReviewScreenState): boolean {
		return state.card !== null && (state.phase === "question" || state.phase === "answer");
	}

	/**
	 * Does a card action on the card shown; a card that leaves the session (buried, suspended)
	 * is announced in the live region, as the next card's question will be.
	 */
	private async manage(action: ReviewCardAction): Promise<boolean> {
		const state = this.model.state();
		if (!this.model.manage || !state.canManage || !this.cardShown(state) || state.busy) return false;
		const done = await this.model.manage(action);
		const next = this.model.state().card;
		if (done && action.kind === "bury") this.liveEl.setText(leaving("buried until tomorrow", next?.question));
		else if (done && action.kind === "suspend") this.liveEl.setText(leaving("suspended", next?.question));
		return done;
	}

	private showCardInfo(): boolean {
		const state = this.model.state();
		const subject = this.cardShown(state) ? (this.model.currentSubject?.() ?? null) : null;
		if (subject === null || !this.host.showCardInfo) return false;
		this.host.showCardInfo(subject, state.card?.decks ?? []);
		return true;
	}

	/**
	 * Asks before a close would drop answers that are not saved: "Retry all" writes them again
	 * (and closes when they all are), "Close anyway" closes. Called by the modal or view instead
	 * of closing; nothing is lost while the question stands.
	 */
	askBeforeClose(closeAnyway: () => void): void {
		this.closeAsked = closeAnyway;
		this.render();
	}

	private async saveEdit(): Promise<void> {
		const text = this.editBox.text();
		if (text !== null) await this.model.saveEdit(text);
	}

	private openInNote(): void {
		const card = this.model.state().card;
		if (card && this.host.openInNote) this.host.openInNote(card.path, card.line);
	}

	/** The review's button that has the keyboard focus, if one has. */
	private focusedButton(): HTMLButtonElement | null {
		const focused = this.root.ownerDocument.activeElement;
		return focused instanceof HTMLButtonElement && this.root.contains(focused) ? focused : null;
	}

	/** Keys on the modal's or view's scope only (no global hotkeys); typing in the edit box is left alone. */
	private registerKeys(): void {
		const scope = this.host.scope;
		if (!scope) return;
		const map = KEY_MAPS[this.host.keyMap ?? "anki"];
		this.register(
			bindReviewKeys(scope, map, (action, key) => {
				const state = this.model.state();
				if (state.phase === "editing") return false;
				// Space and Enter on a focused button are that button's: Tab to "Again", Enter, is Again.
				if ((key === " " || key === "Enter") && this.focusedButton()) return false;
				return this.act(action, state);
			}),
		);
		this.register(
			bindFlagKeys(scope, (flag) => {
				const state = this.model.state();
				if (!state.canManage || !this.cardShown(state)) return false;
				void this.manage({ kind: "flag", flag });
				return true;
			}),
		);
		const save = scope.register(["Mod"], "Enter", () => {
			if (this.model.state().phase !== "editing") return true;
			void this.saveEdit();
			return false;
		});
		this.register(() => scope.unregister(save));
	}

	/** Does what a key asks; false when it means nothing now (the key then goes on to Obsidian). */
	private act(action: ReviewAction, state: ReviewScreenState): boolean {
		const rating = RATINGS.find((r) => RATING_ACTIONS[r] === action);
		if (rating !== undefined) {
			if (state.phase !== "answer") return false;
			void this.model.answer(rating);
			return true;
		}
		switch (action) {
			case "reveal-or-good":
				if (state.phase === "question") this.model.reveal();
				else if (state.phase === "answer") void this.model.answer(Rating.Good);
				else return false;
				return true;
			case "undo":
				void this.model.undo();
				return true;
			case "skip":
				this.model.skip();
				return true;
			case "edit":
				this.model.startEdit();
				return true;
			case "open":
				this.openInNote();
				return true;
			case "back":
				if (!this.host.back) return false;
				this.host.back();
				return true;
			case "bury":
			case "suspend":
				if (!state.canManage || !this.cardShown(state)) return false;
				void this.manage({ kind: action });
				return true;
			case "info":
				return this.showCardInfo();
			default:
				return false;
		}
	}
}

/**
 * Mounts the review screen for `model` into `container` and loads it; call `unload()` on the
 * result to take it down. Works without Obsidian's app when `host.renderMarkdown` is given.
 */
export function renderReviewScreen(container: HTMLElement, model: ReviewModel, host: ReviewScreenHost = {}): ReviewScreen {
	const screen = new ReviewScreen(container, model, host);
	screen.load();
	return screen;
}
