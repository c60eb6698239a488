/**
 * The review screen's header: title with the card's flag, the "More" menu (bury, suspend,
 * flags, card info), the way back to the deck list, the breadcrumb, the counts, the bar of
 * answers that are not saved and the question asked before a close would drop them. Drawn from
 * the state; what the buttons do comes from the screen.
 */
import { Menu, Platform } from "obsidian";
import type { ReviewScreenState } from "../../review/review-state";
import type { ReviewCardAction } from "../../review/review-card-actions";
import { FLAG_COLOURS, flagHint, keyHint, type KeyMap } from "./review-keys";

/** What the header's buttons do, and what it needs to know besides the state. */
export interface ReviewHeaderActions {
	/** Whether a card is shown and not being edited: its flag and the "More" menu are drawn then. */
	cardShown: boolean;
	/** The review's keys, named in the menu's items. */
	keyMap: KeyMap;
	manage(action: ReviewCardAction): void;
	/** Opens the card info; absent when the host has none. */
	showCardInfo?: () => void;
	openDeckList?: () => void;
	retryAll(): void;
}

/** What the question before a close does: write the answers again, or close without them. */
export interface CloseQuestionActions {
	retryAll(): void;
	closeAnyway(): void;
}

/** Draws the header of `state` into `el` (emptied here). */
export function renderReviewHeader(el: HTMLElement, state: ReviewScreenState, actions: ReviewHeaderActions): void {
	el.empty();
	const top = el.createDiv("sn-review-top");
	const title = top.createDiv({ cls: "sn-review-title", text: state.title });
	const flag = actions.cardShown ? (state.card?.flag ?? 0) : 0;
	if (flag > 0) {
		const colour = FLAG_COLOURS[flag] ?? String(flag);
		title.createSpan({
			cls: "sn-review-flag",
			attr: { "data-flag": String(flag), role: "img", "aria-label": `Flag: ${colour}`, title: `Flag: ${colour}` },
		});
	}
	if (actions.cardShown && (state.canManage || actions.showCardInfo)) {
		const more = top.createEl("button", {
			cls: "sn-review-more clickable-icon",
			text: "More",
			attr: { "aria-label": "More actions for this card", "aria-haspopup": "menu" },
		});
		more.disabled = state.busy;
		more.addEventListener("click", (event) => showMoreMenu(event, state, actions));
	}
	// A way back to the deck list at any time (Esc in the tab).
	if (actions.openDeckList) {
		const openDeckList = actions.openDeckList;
		const back = top.createEl("button", { cls: "sn-review-back clickable-icon", text: "Deck list", attr: { "aria-label": "Back to the deck list" } });
		back.addEventListener("click", () => openDeckList());
	}
	if (state.card && state.card.context.length > 0) {
		el.createDiv({ cls: "sn-review-breadcrumb", text: state.card.context.join(" › ") });
	}
	const progress = el.createDiv("sn-review-progress");
	const answered = state.progress.done.new + state.progress.done.learning + state.progress.done.review;
	progress.createSpan({ cls: "sn-review-count sn-review-count-done", text: `Done ${answered}` });
	// The deck list's words and order (due, new, learning), so the counts read the same everywhere.
	progress.createSpan({ cls: "sn-review-count sn-review-count-review", text: `Due ${state.progress.left.review}` });
	progress.createSpan({ cls: "sn-review-count sn-review-count-new", text: `New ${state.progress.left.new}` });
	progress.createSpan({ cls: "sn-review-count sn-review-count-learning", text: `Learning ${state.progress.left.learning}` });
	if (state.unsaved.length > 0 && state.phase !== "finished" && state.phase !== "waiting") {
		const bar = el.createDiv("sn-review-unsaved-bar");
		bar.createSpan({ text: state.unsaved.length === 1 ? "1 answer is not saved." : `${state.unsaved.length} answers are not saved.` });
		const retry = bar.createEl("button", { cls: "sn-review-retry", text: "Retry" });
		retry.disabled = state.busy;
		retry.addEventListener("click", () => actions.retryAll());
	}
}

/** The "More" menu: bury, suspend, flags and card info, each with its key. */
function showMoreMenu(event: MouseEvent, state: ReviewScreenState, actions: ReviewHeaderActions): void {
	const map = actions.keyMap;
	const menu = new Menu();
	const item = (title: string, run: () => void, checked = false) =>
		menu.addItem((i) => {
			i.setTitle(title).onClick(run);
			if (checked) i.setChecked(true);
		});
	if (state.canManage) {
		item(`Bury until tomorrow (${keyHint(map, "bury")})`, () => actions.manage({ kind: "bury" }));
		item(`Suspend (${keyHint(map, "suspend")})`, () => actions.manage({ kind: "suspend" }));
		menu.addSeparator();
		const current = state.card?.flag ?? 0;
		for (let flag = 1; flag < FLAG_COLOURS.length; flag++) {
			const colour = FLAG_COLOURS[flag];
			const title = `${current === flag ? "Remove flag" : "Flag"} ${colour} (${flagHint(flag, Platform.isMacOS)})`;
			item(title, () => actions.manage({ kind: "flag", flag }), current === flag);
		}
	}
	if (actions.showCardInfo) {
		const showCardInfo = actions.showCardInfo;
		if (state.canManage) menu.addSeparator();
		item(`Card info (${keyHint(map, "info")})`, () => showCardInfo());
	}
	menu.showAtMouseEvent(event);
}

/**
 * The question asked before a close would drop answers that are not saved, drawn at the end of
 * the header: "Retry all" (focused) or "Close anyway".
 */
export function renderCloseQuestion(el: HTMLElement, state: ReviewScreenState, actions: CloseQuestionActions): void {
	const box = el.createDiv({ cls: "sn-review-close-question", attr: { role: "alertdialog" } });
	const count = state.unsaved.length;
	box.createSpan({ text: `${count === 1 ? "1 answer is" : `${count} answers are`} not saved. Closing the review drops ${count === 1 ? "it" : "them"}.` });
	const retry = box.createEl("button", { cls: "sn-review-button mod-cta sn-review-close-retry", text: "Retry all" });
	retry.disabled = state.busy;
	retry.addEventListener("click", () => actions.retryAll());
	const close = box.createEl("button", { cls: "sn-review-button mod-warning sn-review-close-anyway", text: "Close anyway" });
	close.addEventListener("click", () => actions.closeAnyway());
	window.setTimeout(() => retry.focus(), 0);
}
