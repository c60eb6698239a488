/**
 * The card on the review screen: its question, then its answer once revealed, each rendered as
 * Markdown. Each render gets its own Component, unloaded when the card changes, so embeds and
 * plugins in a card are cleaned up with it. The screen reader is told the question, then the answer.
 */
import { Component, MarkdownRenderer } from "obsidian";
import type { ReviewScreenState } from "../../review/review-state";
import { withoutClozeMarks } from "../../cards/cloze-display";
import { applyClozeMarks } from "./cloze-marks";
import type { MarkdownRender, ReviewScreenHost } from "./review-screen-host";
import { spoken } from "./review-speech";

export class ReviewCardPane {
	private readonly cardEl: HTMLElement;
	private readonly questionEl: HTMLElement;
	private readonly answerEl: HTMLElement;
	private cardKey: string | null = null;
	private cardComponents: Component[] = [];
	private answerComponent: Component | null = null;

	constructor(
		parent: HTMLElement,
		private readonly host: ReviewScreenHost,
		/** Tells the screen's live region (read out by screen readers). */
		private readonly speak: (text: string) => void,
	) {
		this.cardEl = parent.createDiv("sn-review-card");
		this.questionEl = this.cardEl.createDiv("sn-review-question markdown-rendered");
		this.answerEl = this.cardEl.createDiv("sn-review-answer markdown-rendered");
	}

	/** Draws the card of `state`; the Markdown is rendered again only when the card changed. */
	render(state: ReviewScreenState): void {
		const card = state.card;
		const shown = card !== null && (state.phase === "question" || state.phase === "answer");
		this.cardEl.toggleClass("sn-review-hidden", !shown);
		const key = card === null ? null : [card.path, card.line, card.question, card.answer].join("\u0000");
		if (key !== this.cardKey) {
			this.unloadCard();
			this.cardKey = key;
			if (card !== null) this.renderMarkdown(card.cloze?.question ?? card.question, this.questionEl, card.path);
			if (card !== null) this.speak(`Question: ${spoken(card.question)}`);
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
			this.speak(`Answer: ${spoken(card.answer)}`);
		} else if (!revealed && this.answerComponent !== null) {
			this.dropAnswer();
		}
	}

	/** Unloads the card's renders and empties the pane (when the card changes, and on unload). */
	unloadCard(): void {
		for (const component of this.cardComponents.splice(0)) component.unload();
		this.answerComponent = null;
		this.questionEl.empty();
		this.questionEl.removeClass("sn-review-hidden");
		this.answerEl.empty();
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
}
