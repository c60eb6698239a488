/**
 * Keeps the card index current inside Obsidian without stalling it.
 *
 * - The full build starts when the layout is ready, reads notes with `cachedRead` in batches
 *   and parses them in slices of a few milliseconds, yielding to the UI between slices.
 * - Notes whose cached tags hold no flashcard tag are not read at all.
 * - Afterwards each event costs one note: `metadataCache` `changed` brings the new text with it
 *   (no read), `rename` re-reads the one renamed note (its name is part of the cards' context),
 *   `delete` drops it. A review's own write is applied from the text it wrote.
 * - Nothing is ever written to a note here.
 */
import { Component, getAllTags, TFile, TFolder, type App, type CachedMetadata, type TAbstractFile } from "obsidian";
import type { ParsedNote } from "../model/card";
import { parseNote } from "../cards/parse";
import { folderDeckOf } from "../decks/folders";
import { tagMatchesAny } from "../decks/tags";
import { CardIndex, INDEX_SLICE_MS } from "../index/card-index";
import type { SpacedNotesSettings } from "../settings/settings";

export interface VaultIndexerOptions {
	/** Resolves when the UI may run again (default: a zero-delay window timer). */
	yieldToUi?: () => Promise<void>;
	/** Milliseconds clock (default `performance.now`). */
	clock?: () => number;
	/** Main-thread work per slice before yielding, in ms (default `INDEX_SLICE_MS`). */
	sliceMs?: number;
	/** Notes read concurrently per batch (default 64). */
	readBatch?: number;
	/** The parser (default `parseNote`); tests may replace it. */
	parse?: (text: string, path: string, settings: SpacedNotesSettings) => ParsedNote;
}

type Listener = () => void;

export class VaultIndexer extends Component {
	/** The index; replaced by a fresh one on every full build. */
	index: CardIndex;
	private readonly listeners = new Set<Listener>();
	/** Paths changed by an event while a build runs: the build must not overwrite them. */
	private readonly touched = new Set<string>();
	/** Text of a review's own write per path, until the matching `changed` event arrives. */
	private readonly ownWrites = new Map<string, string>();
	private generation = 0;
	private building = false;
	private started = false;
	private built = false;
	private alive = false;
	private readyPromise: Promise<void>;
	private resolveReady: () => void = () => {};
	private buildProgress = { done: 0, total: 0 };
	private builtWaiters: (() => void)[] = [];
	private readonly progressListeners = new Set<Listener>();
	private readonly yieldToUi: () => Promise<void>;
	private readonly clock: () => number;
	private readonly sliceMs: number;
	private readonly readBatch: number;
	private readonly parse: (text: string, path: string, settings: SpacedNotesSettings) => ParsedNote;

	constructor(
		private readonly app: App,
		private readonly getSettings: () => SpacedNotesSettings,
		options: VaultIndexerOptions = {},
	) {
		super();
		this.yieldToUi = options.yieldToUi ?? (() => new Promise<void>((resolve) => window.setTimeout(resolve, 0)));
		this.clock = options.clock ?? (() => performance.now());
		this.sliceMs = options.sliceMs ?? INDEX_SLICE_MS;
		this.readBatch = options.readBatch ?? 64;
		// The index reads no card text: the text-less parse is enough and cheaper.
		this.parse = options.parse ?? ((text, path, settings) => parseNote(text, { path, settings, textless: true }));
		this.index = this.emptyIndex();
		this.readyPromise = new Promise((resolve) => (this.resolveReady = resolve));
	}

	/** Resolves when the first full build has finished. */
	get ready(): Promise<void> {
		return this.readyPromise;
	}

	/** How far the build in progress is: notes looked at of all notes; null when not building. */
	get progress(): { done: number; total: number } | null {
		return this.isBuilding ? { ...this.buildProgress } : null;
	}

	/** Resolves once no build is running (at once when none is): the index is then complete. */
	whenBuilt(): Promise<void> {
		if (!this.isBuilding) return Promise.resolve();
		return new Promise((resolve) => this.builtWaiters.push(resolve));
	}

	/** Calls `listener` as a build moves on (about once per slice); returns a function that unsubscribes. */
	onProgress(listener: Listener): () => void {
		this.progressListeners.add(listener);
		return () => this.progressListeners.delete(listener);
	}

	/** True until the first full build has ended, and during any rebuild (counts are partial). */
	get isBuilding(): boolean {
		return this.building || !this.built;
	}

	/**
	 * Starts indexing once the layout is ready: wires the vault and metadata events, then builds.
	 * Call after the component is loaded (e.g. `plugin.addChild(indexer).start()`).
	 */
	start(): void {
		if (this.started) return;
		this.started = true;
		this.app.workspace.onLayoutReady(() => {
			if (!this.alive) return;
			this.wireEvents();
			void this.rebuild();
		});
	}

	/** Calls `listener` after every change to the index; returns a function that unsubscribes. */
	onChange(listener: Listener): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/**
	 * Applies a review's own write: `newText` is what was written to `path`, `parsed` its parse
	 * when the writer has one (it verified the write with it; the index reuses it). The index is
	 * updated now, and the `changed` event that follows with the same text is skipped.
	 */
	applyOwnWrite(path: string, newText: string, parsed?: ParsedNote): void {
		this.ownWrites.set(path, newText);
		const file = this.app.vault.getAbstractFileByPath(path);
		this.touch(path);
		this.indexText(path, newText, file instanceof TFile ? file : null, undefined, parsed);
		this.notify();
	}

	/**
	 * Rebuilds the whole index (after a change of the parser settings). Resolves when done; a
	 * newer rebuild or unloading cancels an older one.
	 */
	async rebuild(): Promise<void> {
		const generation = ++this.generation;
		this.building = true;
		this.touched.clear();
		const index = this.emptyIndex();
		this.index = index;
		const files = this.app.vault.getMarkdownFiles();
		this.buildProgress = { done: 0, total: files.length };
		// A review waiting since before the build (e.g. restored at start-up) learns the total now.
		for (const listener of [...this.progressListeners]) listener();
		let sliceStart = this.clock();
		const checkpoint = async (): Promise<boolean> => {
			if (this.clock() - sliceStart >= this.sliceMs) {
				for (const listener of [...this.progressListeners]) listener();
				await this.yieldToUi();
				sliceStart = this.clock();
			}
			return generation === this.generation && this.alive;
		};
		let next = 0;
		while (next < files.length) {
			const batch: TFile[] = [];
			while (next < files.length && batch.length < this.readBatch) {
				const file = files[next++];
				this.buildProgress.done = next;
				if (this.mayHaveCards(file)) batch.push(file);
			}
			const texts = await Promise.all(batch.map((file) => this.app.vault.cachedRead(file).catch(() => null)));
			for (let i = 0; i < batch.length; i++) {
				if (!(await checkpoint())) return;
				const text = texts[i];
				if (text !== null && !this.touched.has(batch[i].path)) this.indexText(batch[i].path, text, batch[i]);
			}
			if (!(await checkpoint())) return;
		}
		this.building = false;
		this.built = true;
		this.touched.clear();
		this.resolveReady();
		for (const resolve of this.builtWaiters.splice(0)) resolve();
		this.notify();
	}

	override onload(): void {
		this.alive = true;
	}

	override onunload(): void {
		this.alive = false;
		this.generation++;
		this.building = false;
		this.listeners.clear();
		this.progressListeners.clear();
		this.ownWrites.clear();
	}

	private wireEvents(): void {
		const { vault, metadataCache } = this.app;
		this.registerEvent(metadataCache.on("changed", (file, data, cache) => this.onChanged(file, data, cache)));
		this.registerEvent(vault.on("rename", (file, oldPath) => this.onRenamed(file, oldPath)));
		this.registerEvent(vault.on("delete", (file) => this.onDeleted(file)));
	}

	private onChanged(file: TFile, data: string, cache: CachedMetadata): void {
		if (file.extension !== "md") return;
		this.touch(file.path);
		const own = this.ownWrites.get(file.path);
		if (own !== undefined) {
			this.ownWrites.delete(file.path);
			// Our own write, already applied; only the tags from the fresh cache may differ.
			if (own === data) return;
		}
		this.indexText(file.path, data, file, cache);
		this.notify();
	}

	private onRenamed(file: TAbstractFile, oldPath: string): void {
		if (file instanceof TFolder) {
			// Descendants get their own rename events; drop any entry left under the old folder.
			for (const entry of [...this.index.files()]) {
				if (entry.path.startsWith(`${oldPath}/`)) this.index.removeFile(entry.path);
			}
			this.notify();
			return;
		}
		if (!(file instanceof TFile)) return;
		this.touch(oldPath);
		this.touch(file.path);
		this.ownWrites.delete(oldPath);
		// Keep the cards visible under the new path at once, then re-read the one note, since
		// its name is part of each card's context and ignored folders may now apply.
		this.index.renameFile(oldPath, file.path);
		this.notify();
		if (file.extension !== "md") {
			this.index.removeFile(file.path);
			return;
		}
		if (!this.mayHaveCards(file)) {
			if (this.index.removeFile(file.path)) this.notify();
			return;
		}
		const generation = this.generation;
		void this.app.vault.cachedRead(file).then(
			(text) => {
				if (generation !== this.generation || !this.alive) return;
				this.indexText(file.path, text, file);
				this.notify();
			},
			() => undefined,
		);
	}

	private onDeleted(file: TAbstractFile): void {
		this.touch(file.path);
		this.ownWrites.delete(file.path);
		let changed = this.index.removeFile(file.path);
		if (file instanceof TFolder) {
			for (const entry of [...this.index.files()]) {
				if (entry.path.startsWith(`${file.path}/`)) changed = this.index.removeFile(entry.path) || changed;
			}
		}
		if (changed) this.notify();
	}

	/** Parses one note's text into the index (or drops it when it is not read or has no cards). */
	private indexText(path: string, text: string, file: TFile | null, cache?: CachedMetadata | null, known?: ParsedNote): void {
		const parsed = known ?? this.parse(text, path, this.getSettings());
		if (!parsed.included || parsed.cards.length === 0) {
			this.index.removeFile(path);
			return;
		}
		const metadata = cache !== undefined ? cache : file ? this.app.metadataCache.getFileCache(file) : null;
		const tags = metadata ? getAllTags(metadata) : null;
		this.index.setFile(path, { tags: tags ?? parsed.tags, cards: parsed.cards });
	}

	/**
	 * False only when the metadata cache knows the note and none of its tags is a flashcard tag
	 * (and folders are not decks, or the note is at the vault root): such a note cannot hold cards
	 * (docs/format.md, "Reading cards"), so it is not read. Unknown notes are read.
	 */
	private mayHaveCards(file: TFile): boolean {
		const settings = this.getSettings();
		if (settings.foldersAsDecks && folderDeckOf(file.path) !== null) return true;
		const cache = this.app.metadataCache.getFileCache(file);
		if (!cache) return true;
		const tags = getAllTags(cache) ?? [];
		const flashcardTags = settings.flashcardTags;
		return tags.some((tag) => tagMatchesAny(tag, flashcardTags));
	}

	private touch(path: string): void {
		if (this.building) this.touched.add(path);
	}

	private emptyIndex(): CardIndex {
		const settings = this.getSettings();
		return new CardIndex({ flashcardTags: settings.flashcardTags, dayStartHour: settings.nextDayStartsAt });
	}

	private notify(): void {
		for (const listener of [...this.listeners]) listener();
	}
}
