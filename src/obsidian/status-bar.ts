/**
 * The number of cards due, in the status bar (desktop only: mobile has no status bar).
 * Recounted when the index changes (coalesced, since a sync can change hundreds of notes at
 * once) and every minute, because cards become due as time passes.
 */
import { Component, Platform, type Plugin } from "obsidian";
import { countSelection } from "../index/query";
import type { VaultIndexer } from "./vault-index";

export interface DueStatusBarOptions {
	/** The clock (default: the current time). */
	now?: () => Date;
	/** Wait this long after a change before recounting; 0 = recount at once (default 250). */
	debounceMs?: number;
	/** Recount this often even without changes; 0 = never (default 60,000). */
	refreshMs?: number;
}

export class DueStatusBar extends Component {
	private el: HTMLElement | null = null;
	private pending: number | null = null;
	private readonly now: () => Date;
	private readonly debounceMs: number;
	private readonly refreshMs: number;

	constructor(
		private readonly plugin: Plugin,
		private readonly indexer: VaultIndexer,
		options: DueStatusBarOptions = {},
	) {
		super();
		this.now = options.now ?? (() => new Date());
		this.debounceMs = options.debounceMs ?? 250;
		this.refreshMs = options.refreshMs ?? 60_000;
	}

	override onload(): void {
		if (!Platform.isDesktop) return;
		const el = this.plugin.addStatusBarItem();
		el.addClass("spaced-notes-due");
		this.el = el;
		this.register(() => el.remove());
		this.register(this.indexer.onChange(() => this.scheduleUpdate()));
		this.register(() => this.cancelPending());
		if (this.refreshMs > 0) this.registerInterval(window.setInterval(() => this.update(), this.refreshMs));
		this.update();
	}

	/** Recounts now. */
	update(): void {
		if (!this.el) return;
		this.cancelPending();
		if (this.indexer.isBuilding) {
			this.el.setText("Indexing cards…");
			return;
		}
		const due = countSelection(this.indexer.index, {}, this.now()).due;
		this.el.setText(due === 1 ? "1 card due" : `${due} cards due`);
		this.el.setAttr("aria-label", "Flashcards due for review");
	}

	private scheduleUpdate(): void {
		if (this.debounceMs <= 0) {
			this.update();
			return;
		}
		if (this.pending !== null) return;
		this.pending = window.setTimeout(() => {
			this.pending = null;
			this.update();
		}, this.debounceMs);
	}

	private cancelPending(): void {
		if (this.pending !== null) window.clearTimeout(this.pending);
		this.pending = null;
	}
}
