/**
 * The review screen, rendered into any container (the modal's content or the tab's): header
 * with deck, breadcrumb and progress; the card rendered as Markdown; the button bar; the edit
 * box; the end-of-session summary. It renders a {@link ReviewModel}'s state and forwards
 * clicks and keys to it. Each Markdown render gets its own Component, unloaded when the card
 * changes, so embeds and plugins in a card are cleaned up with it.
 */
import { Component, MarkdownRenderer, Menu, Platform, type App, type Scope } from "obsidian";
import { Rating } from "../../model/schedule";
import { RATING_NAMES, type ReviewModel, type ReviewScreenState } from "../../review/review-state";
import { renderSummary } from "./review-summary";
import { applyClozeMarks } from "./cloze-marks";
import {
	ariaShortcuts,
	bindFlagKeys,
	bindReviewKeys,
	FLAG_COLOURS,
	flagHint,
	KEY_MAPS,
	keyHint,
	RATING_ACTIONS,
	type KeyMapName,
	type ReviewAction,
} from "./review-keys";
import type { ReviewCardAction, ReviewCardSubject } from "../../review/review-card-actions";
import { withoutClozeMarks } from "../../cards/cloze-display";

type MarkdownRender = (markdown: string, el: HTMLElement, sourcePath: string, component: Component) => Promise<void>;

export interface ReviewScreenHost {
	/** Used by the default Markdown renderer (`MarkdownRenderer.render`). */
	app?: App;
	/** Replaces `MarkdownRenderer.render` (e.g. in a screenshot harness without Obsidian). */
	renderMarkdown?: MarkdownRender;
	/** The modal's or view's scope: the review's keys are registered on it. */
	scope?: Scope | null;
	/** Opens the card in its note at a 0-based line ("Open in note", key O). */
	openInNote?(path: string, line: number): void;
	/** Closes the review (a "Close" button on the summary when given). */
	close?(): void;
	/** The review's keys (setting `keyMap`); Anki's when absent. */
	keyMap?: KeyMapName;
	/** Esc: leaves the review for the deck list (the tab; the modal's own Esc closes it). */
	back?(): void;
	/** Opens the deck list ("Deck list" in the header and at the end). */
	openDeckList?(): void;
	/** Opens the statistics (a link on the finished screen). */
	openStatistics?(): void;
	/**
	 * Hook for "review ahead" (the custom-study work): when given, a request with nothing due
	 * offers it beside the next due time. Not wired by the plugin yet.
	 */
	reviewAhead?(): void;
	/** Opens the card info of the card shown (key I); absent = no card info. */
	showCardInfo?(subject: ReviewCardSubject, decks: readonly string[]): void;
}

const RATINGS = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const;

/** How often the screen looks at the clock while waiting for a learning step. */
const WAIT_POLL_MS = 10_000;

export class ReviewScreen extends Component {
	private readonly root: HTMLElement;
	private readonly headerEl: HTMLElement;
	private readonly cardEl: HTMLElement;
	private readonly questionEl: HTMLElement;
	private readonly answerEl: HTMLElement;
	private readonly editEl: HTMLElement;
	private readonly summaryEl: HTMLElement;
	private readonly barEl: HTMLElement;
	/** Read out by screen readers: the new card's question, then the revealed answer. */
	private readonly liveEl: HTMLElement;
	private cardKey: string | null = null;
	private cardComponents: Component[] = [];
	private answerComponent: Component | null = null;
	private editKey: string | null = null;
	/** Set while the user is asked whether to close with unsaved answers: what closes anyway. */
	private closeAsked: (() => void) | null = null;
	private textarea: HTMLTextAreaElement | null = null;

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
		this.cardEl = main.createDiv("sn-review-card");
		this.questionEl = this.cardEl.createDiv("sn-review-question markdown-rendered");
		this.answerEl = this.cardEl.createDiv("sn-review-answer markdown-rendered");
		this.editEl = main.createDiv("sn-review-edit");
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
		this.unloadCard();
		this.root.detach();
	}

	/** Draws the current state (called on every change of the model). */
	render(): void {
		const state = this.model.state();
		this.root.toggleClass("is-busy", state.busy);
		this.renderHeader(state);
		this.renderCard(state);
		this.renderEdit(state);
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
		this.renderBar(state);
	}

	private renderHeader(state: ReviewScreenState): void {
		const el = this.headerEl;
		el.empty();
		const top = el.createDiv("sn-review-top");
		const title = top.createDiv({ cls: "sn-review-title", text: state.title });
		const flag = this.cardShown(state) ? (state.card?.flag ?? 0) : 0;
		if (flag > 0) {
			const colour = FLAG_COLOURS[flag] ?? String(flag);
			title.createSpan({
				cls: "sn-review-flag",
				attr: { "data-flag": String(flag), role: "img", "aria-label": `Flag: ${colour}`, title: `Flag: ${colour}` },
			});
		}
		if (this.cardShown(state) && (state.canManage || this.host.showCardInfo)) {
			const more = top.createEl("button", {
				cls: "sn-review-more clickable-icon",
				text: "More",
				attr: { "aria-label": "More actions for this card", "aria-haspopup": "menu" },
			});
			more.disabled = state.busy;
			more.addEventListener("click", (event) => this.showMoreMenu(event, state));
		}
		// A way back to the deck list at any time (Esc in the tab).
		if (this.host.openDeckList) {
			const back = top.createEl("button", { cls: "sn-review-back clickable-icon", text: "Deck list", attr: { "aria-label": "Back to the deck list" } });
			back.addEventListener("click", () => this.host.openDeckList?.());
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
			retry.addEventListener("click", () => void this.model.retryAll());
		}
		if (this.closeAsked !== null && state.unsaved.length > 0) this.renderCloseQuestion(el, state, this.closeAsked);
		else this.closeAsked = null;
	}

	/** Whether a card is shown and not being edited: card actions and their keys work then. */
	private cardShown(state: ReviewScreenState): boolean {
		return state.card !== null && (state.phase === "question" || state.phase === "answer");
	}

	/** The "More" menu: bury, suspend, flags and card info, each with its key. */
	private showMoreMenu(event: MouseEvent, state: ReviewScreenState): void {
		const map = KEY_MAPS[this.host.keyMap ?? "anki"];
		const menu = new Menu();
		const item = (title: string, run: () => void, checked = false) =>
			menu.addItem((i) => {
				i.setTitle(title).onClick(run);
				if (checked) i.setChecked(true);
			});
		if (state.canManage) {
			item(`Bury until tomorrow (${keyHint(map, "bury")})`, () => void this.manage({ kind: "bury" }));
			item(`Suspend (${keyHint(map, "suspend")})`, () => void this.manage({ kind: "suspend" }));
			menu.addSeparator();
			const current = state.card?.flag ?? 0;
			for (let flag = 1; flag < FLAG_COLOURS.length; flag++) {
				const colour = FLAG_COLOURS[flag];
				const title = `${current === flag ? "Remove flag" : "Flag"} ${colour} (${flagHint(flag, Platform.isMacOS)})`;
				item(title, () => void this.manage({ kind: "flag", flag }), current === flag);
			}
		}
		if (this.host.showCardInfo) {
			if (state.canManage) menu.addSeparator();
			item(`Card info (${keyHint(map, "info")})`, () => this.showCardInfo());
		}
		menu.showAtMouseEvent(event);
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

	private renderCloseQuestion(el: HTMLElement, state: ReviewScreenState, closeAnyway: () => void): void {
		const box = el.createDiv({ cls: "sn-review-close-question", attr: { role: "alertdialog" } });
		const count = state.unsaved.length;
		box.createSpan({ text: `${count === 1 ? "1 answer is" : `${count} answers are`} not saved. Closing the review drops ${count === 1 ? "it" : "them"}.` });
		const retry = box.createEl("button", { cls: "sn-review-button mod-cta sn-review-close-retry", text: "Retry all" });
		retry.disabled = state.busy;
		retry.addEventListener("click", () => {
			void this.model.retryAll().then(() => {
				if (this.model.state().unsaved.length === 0) closeAnyway();
			});
		});
		const close = box.createEl("button", { cls: "sn-review-button mod-warning sn-review-close-anyway", text: "Close anyway" });
		close.addEventListener("click", () => {
			this.closeAsked = null;
			closeAnyway();
		});
		window.setTimeout(() => retry.focus(), 0);
	}

	private renderCard(state: ReviewScreenState): void {
		const card = state.card;
		const shown = card !== null && (state.phase === "question" || state.phase === "answer");
		this.cardEl.toggleClass("sn-review-hidden", !shown);
		const key = card === null ? null : [card.path, card.line, card.question, card.answer].join("\u0000");
		if (key !== this.cardKey) {
			this.unloadCard();
			this.cardKey = key;
			if (card !== null) this.renderMarkdown(card.cloze?.question ?? card.question, this.questionEl, card.path);
			if (card !== null) this.liveEl.setText(`Question: ${spoken(card.question)}`);
		}
		const revealed = shown && state.phase === "answer";
		if (revealed && this.answerComponent === null && card !== null) {
			if (card.cloze) {
				// A cloze's answer is its sentence once, with the revealed words marked in place.
				this.questionEl.addClass("sn-review-hidden");
				this.answerComponent = this.renderMarkdown(card.cloze.answer, this.answerEl.createDiv("sn-review-cloze-answer"), card.path);
			} else {
				this.answerEl.createEl("hr", "sn-review-divider");
				this.answerComponent = this.renderMarkdown(card.answer, this.answerEl.createDiv(), card.path);
			}
			this.liveEl.setText(`Answer: ${spoken(card.answer)}`);
		} else if (!revealed && this.answerComponent !== null) {
			this.dropAnswer();
		}
	}

	/** Renders Markdown with a Component of its own, loaded now and unloaded with the card. */
	private renderMarkdown(markdown: string, el: HTMLElement, sourcePath: string): Component {
		const component = new Component();
		component.load();
		this.cardComponents.push(component);
		const render: MarkdownRender =
			this.host.renderMarkdown ??
			((md, target, path, owner) =>
				this.host.app ? MarkdownRenderer.render(this.host.app, md, target, path, owner) : Promise.resolve(target.setText(md)));
		const marked = withoutClozeMarks(markdown) !== markdown;
		render(markdown, el, sourcePath, component)
			.then(() => (marked ? applyClozeMarks(el) : 0))
			.catch(() => el.setText(withoutClozeMarks(markdown)));
		return component;
	}

	private dropAnswer(): void {
		const component = this.answerComponent;
		if (component) {
			component.unload();
			this.cardComponents = this.cardComponents.filter((c) => c !== component);
		}
		this.answerComponent = null;
		this.answerEl.empty();
		this.questionEl.removeClass("sn-review-hidden");
	}

	private unloadCard(): void {
		for (const component of this.cardComponents.splice(0)) component.unload();
		this.answerComponent = null;
		this.questionEl.empty();
		this.questionEl.removeClass("sn-review-hidden");
		this.answerEl.empty();
	}

	private renderEdit(state: ReviewScreenState): void {
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

	private renderBar(state: ReviewScreenState): void {
		const bar = this.barEl;
		// The bar is drawn anew on every change: focus on one of its buttons moves to the new
		// bar's main button, so it never drops out of the review to the page.
		const focusWasInBar = bar.contains(bar.ownerDocument.activeElement);
		bar.empty();
		const main = bar.createDiv("sn-review-buttons");
		let primary: HTMLButtonElement | null = null;
		if (state.phase === "question") {
			primary = this.button(main, "Show answer", "sn-review-show mod-cta", state.busy, () => this.model.reveal(), "reveal-or-good");
		} else if (state.phase === "answer" && state.card) {
			for (const rating of RATINGS) {
				const button = this.button(
					main,
					RATING_NAMES[rating],
					`sn-review-rate sn-review-rate-${RATING_NAMES[rating].toLowerCase()}`,
					state.busy,
					() => {
						void this.model.answer(rating);
					},
					RATING_ACTIONS[rating],
				);
				if (state.showIntervals) button.createSpan({ cls: "sn-review-interval", text: state.card.intervals[rating] });
				if (rating === Rating.Good) primary = button;
			}
		} else if (state.phase === "editing") {
			this.button(main, "Save", "sn-review-save mod-cta", state.busy, () => void this.saveEdit());
			this.button(main, "Cancel", "sn-review-cancel", state.busy, () => this.model.cancelEdit());
			return;
		}
		const actions = bar.createDiv("sn-review-actions");
		if (state.canUndo) this.button(actions, "Undo", "sn-review-undo", state.busy, () => void this.model.undo(), "undo");
		if (state.card && state.phase !== "finished") {
			this.button(actions, "Skip", "sn-review-skip", state.busy, () => this.model.skip(), "skip");
			this.button(actions, "Edit", "sn-review-edit-button", state.busy, () => this.model.startEdit(), "edit");
			if (this.host.openInNote) this.button(actions, "Open in note", "sn-review-open", false, () => this.openInNote(), "open");
		}
		if (actions.childElementCount === 0) actions.detach();
		if (focusWasInBar) (primary ?? bar.querySelector<HTMLButtonElement>("button"))?.focus();
	}

	private button(parent: HTMLElement, text: string, cls: string, disabled: boolean, onClick: () => void, action?: ReviewAction): HTMLButtonElement {
		const button = parent.createEl("button", { cls: `sn-review-button ${cls}` });
		button.createSpan({ cls: "sn-review-button-label", text });
		if (action !== undefined && this.host.scope) {
			// The key that does the same, shown on the button (hidden on phones) and told to screen readers.
			const map = KEY_MAPS[this.host.keyMap ?? "anki"];
			button.createEl("kbd", { cls: "sn-review-key", text: keyHint(map, action) });
			button.setAttr("aria-keyshortcuts", ariaShortcuts(map, action));
		}
		button.disabled = disabled;
		button.addEventListener("click", onClick);
		return button;
	}

	private async saveEdit(): Promise<void> {
		if (this.textarea) await this.model.saveEdit(this.textarea.value);
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

/** What the live region says when a card left: why, then the next card's question. */
function leaving(why: string, nextQuestion: string | undefined): string {
	const left = `The card was ${why} and left this session.`;
	return nextQuestion === undefined ? left : `${left} Question: ${spoken(nextQuestion)}`;
}

/** Markdown as a screen reader should say it: without emphasis, code and heading marks. */
function spoken(markdown: string): string {
	return markdown
		.replace(/[*_`#>]+/g, " ")
		.replace(/\s+/g, " ")
		.trim();
}
