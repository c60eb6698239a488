/**
 * The number of notes to review now, in the status bar (desktop only), beside the cards due.
 * Redrawn when the note queue changes and every minute (notes fall due as days pass). A click
 * opens the next note.
 */
import { Component, Platform, type Plugin } from "obsidian";
import { dueNoteCount, type NoteQueue } from "../notes/note-queue";

export interface NoteQueueFeed {
	queue(): NoteQueue;
	onChange(listener: () => void): () => void;
	openNext(): void;
}

export class NoteStatusBar extends Component {
	private el: HTMLElement | null = null;

	constructor(
		private readonly plugin: Plugin,
		private readonly feed: NoteQueueFeed,
		private readonly refreshMs = 60_000,
	) {
		super();
	}

	override onload(): void {
		if (!Platform.isDesktop) return;
		const el = this.plugin.addStatusBarItem();
		el.addClass("spaced-notes-notes-due");
		el.addClass("mod-clickable");
		this.el = el;
		this.register(() => el.remove());
		this.register(this.feed.onChange(() => this.update()));
		el.addEventListener("click", () => this.feed.openNext());
		if (this.refreshMs > 0) this.registerInterval(window.setInterval(() => this.update(), this.refreshMs));
		this.update();
	}

	/** Recounts now. */
	update(): void {
		if (!this.el) return;
		const queue = this.feed.queue();
		if (queue.decks.length === 0) {
			this.el.setText("");
			return;
		}
		const due = dueNoteCount(queue);
		this.el.setText(due === 1 ? "1 note to review" : `${due} notes to review`);
		this.el.setAttr("aria-label", "Notes due for review; click to open the next");
	}
}
