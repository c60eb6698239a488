/** The deck list in a modal (command "Open deck list", the ribbon icon). */
import { Modal, type App } from "obsidian";
import type { PluginServices } from "../services";
import { DeckList } from "./deck-list";
import { openCardBrowser } from "../card-browser/card-browser-view";
import { CustomStudyModal } from "../custom-study/custom-study-modal";

export class DeckListModal extends Modal {
	private list: DeckList | null = null;

	constructor(
		app: App,
		private readonly services: PluginServices,
	) {
		super(app);
	}

	override onOpen(): void {
		this.setTitle("Decks");
		this.modalEl.addClass("sn-deck-modal");
		this.contentEl.empty();
		this.list = new DeckList(this.contentEl, this.services, {
			// The review may open in a modal too: close this one first.
			onStart: (request) => {
				this.close();
				this.services.startReview(request);
			},
			onCustomStudy: (scope) => {
				this.close();
				new CustomStudyModal(this.app, this.services, { scope }).open();
			},
			onBrowse: (search) => {
				this.close();
				void openCardBrowser(this.app, search);
			},
		});
		this.list.open();
	}

	override onClose(): void {
		this.list?.close();
		this.list = null;
		this.contentEl.empty();
	}
}
