/**
 * The review in a modal. On phones (and narrow windows) the modal fills the screen; see the
 * `.sn-review-modal` rules in styles.css.
 */
import { Modal } from "obsidian";
import type { PluginServices } from "../services";
import type { ReviewRequest } from "../../review/request";
import { controllerFor, openCardInNote, type ReviewExtras } from "./review-host";
import { renderReviewScreen, type ReviewScreen } from "./review-screen";
import type { ReviewController } from "../../review/controller";
import { openStatistics } from "../stats-view";
import { startReviewAhead } from "../custom-study/start-custom-study";
import { aheadOf, cardInfoOpener } from "./review-host";

export class ReviewModal extends Modal {
	private screen: ReviewScreen | null = null;
	/** Set once the user chose to close with answers not saved. */
	private closing = false;
	readonly controller: ReviewController;

	constructor(
		private readonly services: PluginServices,
		private readonly request: ReviewRequest,
		extras: ReviewExtras = {},
	) {
		super(services.app);
		this.controller = controllerFor(services, request, extras);
	}

	override onOpen(): void {
		// A fixed size (from the settings), so the buttons sit in the same place for every card and side.
		this.modalEl.addClasses(["sn-review-modal", `sn-review-size-${this.services.settings().reviewModalSize}`]);
		this.screen = renderReviewScreen(this.contentEl, this.controller, {
			app: this.app,
			scope: this.scope,
			// The note would open behind the modal: close it first (every answer is already saved).
			openInNote: (path, line) => {
				this.close();
				openCardInNote(this.services.app, path, line);
			},
			close: () => this.close(),
			showCardInfo: cardInfoOpener(this.services, (path, line) => {
				this.close();
				if (!this.stillOpen()) openCardInNote(this.services.app, path, line);
			}),
			keyMap: this.services.settings().keyMap,
			openDeckList: () => {
				this.close();
				if (!this.stillOpen()) this.services.openDeckList();
			},
			openStatistics: () => {
				this.close();
				if (!this.stillOpen()) void openStatistics(this.app);
			},
			reviewAhead: aheadOf(this.request)
				? () => {
						this.close();
						if (!this.stillOpen()) startReviewAhead(this.services, this.request.deck);
					}
				: undefined,
		});
		void this.controller.load();
	}

	/**
	 * Esc, a click outside and the close button all come here. While the card is being edited
	 * they leave the edit box (the typed text is not lost with the whole review); with answers
	 * not saved the review asks first instead of dropping them.
	 */
	override close(): void {
		const state = this.controller.state();
		if (!this.closing && state.phase === "editing") {
			this.controller.cancelEdit();
			return;
		}
		if (!this.closing && state.unsaved.length > 0 && this.screen) {
			this.screen.askBeforeClose(() => {
				this.closing = true;
				this.close();
			});
			return;
		}
		super.close();
	}

	/** False once closed (a close may be held back to ask about answers not saved). */
	private stillOpen(): boolean {
		return this.screen !== null;
	}

	override onClose(): void {
		this.screen?.unload();
		this.screen = null;
		this.contentEl.empty();
	}
}
