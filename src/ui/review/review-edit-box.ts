/**
 * The review screen's edit box: the card's source as written in the note, in a text area that
 * is drawn anew only when another card is edited, so typing is never lost to a render.
 */
import type { ReviewScreenState } from "../../review/review-state";

export class ReviewEditBox {
	private readonly editEl: HTMLElement;
	private editKey: string | null = null;
	private textarea: HTMLTextAreaElement | null = null;

	constructor(parent: HTMLElement) {
		this.editEl = parent.createDiv("sn-review-edit");
	}

	/** The text being edited; null when no card is. */
	text(): string | null {
		return this.textarea?.value ?? null;
	}

	render(state: ReviewScreenState): void {
		const editing = state.phase === "editing" && state.card !== null;
		this.editEl.toggleClass("sn-review-hidden", !editing);
		const key = editing && state.card ? `${state.card.path}\u0000${state.card.line}\u0000${state.card.source}` : null;
		if (key === this.editKey) return;
		this.editKey = key;
		this.editEl.empty();
		this.textarea = null;
		if (!editing || state.card === null) return;
		this.editEl.createDiv({ cls: "sn-review-edit-hint", text: "Edit the card as written in the note. Its scheduling comment is kept." });
		this.textarea = this.editEl.createEl("textarea", { cls: "sn-review-edit-text", attr: { rows: 8, spellcheck: "false" } });
		this.textarea.value = state.card.source;
		window.setTimeout(() => this.textarea?.focus(), 0);
	}
}
