/**
 * The review screen's button bar: "Show answer", the four ratings (with their intervals), or
 * "Save" and "Cancel" while editing; then undo, skip, edit and open in note. Each button shows
 * the key that does the same when the review has keys.
 */
import { Rating } from "../../model/schedule";
import { RATING_NAMES, type ReviewModel, type ReviewScreenState } from "../../review/review-state";
import { ariaShortcuts, keyHint, RATING_ACTIONS, type KeyMap, type ReviewAction } from "./review-keys";

export const RATINGS = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const;

/** What the bar needs besides the model. */
export interface ReviewBarOptions {
	/** The keys shown on the buttons; null when the review has no keys (no scope). */
	keyMap: KeyMap | null;
	saveEdit(): void;
	/** "Open in note"; absent when the host cannot open a note. */
	openInNote?: () => void;
}

/** Draws the bar for `state` into `bar`, anew on every change. */
export function renderReviewBar(bar: HTMLElement, state: ReviewScreenState, model: ReviewModel, options: ReviewBarOptions): void {
	const keyMap = options.keyMap;
	const button = (parent: HTMLElement, text: string, cls: string, disabled: boolean, onClick: () => void, action?: ReviewAction): HTMLButtonElement => {
		const el = parent.createEl("button", { cls: `sn-review-button ${cls}` });
		el.createSpan({ cls: "sn-review-button-label", text });
		if (action !== undefined && keyMap !== null) {
			// The key that does the same, shown on the button (hidden on phones) and told to screen readers.
			el.createEl("kbd", { cls: "sn-review-key", text: keyHint(keyMap, action) });
			el.setAttr("aria-keyshortcuts", ariaShortcuts(keyMap, action));
		}
		el.disabled = disabled;
		el.addEventListener("click", onClick);
		return el;
	};
	// The bar is drawn anew on every change: focus on one of its buttons moves to the new
	// bar's main button, so it never drops out of the review to the page.
	const focusWasInBar = bar.contains(bar.ownerDocument.activeElement);
	bar.empty();
	const main = bar.createDiv("sn-review-buttons");
	let primary: HTMLButtonElement | null = null;
	if (state.phase === "question") {
		primary = button(main, "Show answer", "sn-review-show mod-cta", state.busy, () => model.reveal(), "reveal-or-good");
	} else if (state.phase === "answer" && state.card) {
		for (const rating of RATINGS) {
			const rate = button(
				main,
				RATING_NAMES[rating],
				`sn-review-rate sn-review-rate-${RATING_NAMES[rating].toLowerCase()}`,
				state.busy,
				() => {
					void model.answer(rating);
				},
				RATING_ACTIONS[rating],
			);
			if (state.showIntervals) rate.createSpan({ cls: "sn-review-interval", text: state.card.intervals[rating] });
			if (rating === Rating.Good) primary = rate;
		}
	} else if (state.phase === "editing") {
		button(main, "Save", "sn-review-save mod-cta", state.busy, () => options.saveEdit());
		button(main, "Cancel", "sn-review-cancel", state.busy, () => model.cancelEdit());
		return;
	}
	const actions = bar.createDiv("sn-review-actions");
	if (state.canUndo) button(actions, "Undo", "sn-review-undo", state.busy, () => void model.undo(), "undo");
	if (state.card && state.phase !== "finished") {
		button(actions, "Skip", "sn-review-skip", state.busy, () => model.skip(), "skip");
		button(actions, "Edit", "sn-review-edit-button", state.busy, () => model.startEdit(), "edit");
		const openInNote = options.openInNote;
		if (openInNote) button(actions, "Open in note", "sn-review-open", false, () => openInNote(), "open");
	}
	if (actions.childElementCount === 0) actions.detach();
	if (focusWasInBar) (primary ?? bar.querySelector<HTMLButtonElement>("button"))?.focus();
}
