/**
 * What the review screen needs from where it is shown (the modal, the tab, a screenshot
 * harness): rendering, the key scope and the ways out of the review. Every part is optional.
 */
import type { App, Component, Scope } from "obsidian";
import type { ReviewCardSubject } from "../../review/review-card-actions";
import type { KeyMapName } from "./review-keys";

export type MarkdownRender = (markdown: string, el: HTMLElement, sourcePath: string, component: Component) => Promise<void>;

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
