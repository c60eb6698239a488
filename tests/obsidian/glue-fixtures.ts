/** A fake vault world for the glue tests: the mock app, a tiny parser, and helpers. */
import type { App as ObsidianApp, Plugin as ObsidianPlugin } from "obsidian";
import { App, Plugin, type CachedMetadata } from "../mocks/obsidian";
import type { ParsedNote } from "../../src/model/card";
import { DEFAULT_SETTINGS, type SpacedNotesSettings } from "../../src/settings/settings";
import { tagMatchesAny } from "../../src/decks/tags";
import { VaultIndexer, type VaultIndexerOptions } from "../../src/obsidian/vault-index";
import { card, classic, NEW } from "../builders";

const SETTINGS: SpacedNotesSettings = { ...DEFAULT_SETTINGS, flashcardTags: ["#space"] };

/**
 * A stand-in parser: tags are `#words`; each `Q::A` line is a card in the note's first flashcard
 * tag, `Q::A !2026-03-01` has a classic schedule; the note name is the card's context.
 */
export function fakeParse(text: string, path: string, settings: SpacedNotesSettings): ParsedNote {
	const tags = text.match(/#[\w/-]+/g) ?? [];
	const deckTag = tags.find((tag) => tagMatchesAny(tag, settings.flashcardTags));
	const included = deckTag !== undefined && !path.startsWith("ignored/");
	const cards = included
		? text.split("\n").flatMap((line, i) => {
				if (!line.includes("::")) return [];
				const due = /!(\d{4}-\d{2}-\d{2})/.exec(line);
				const c = card({ decks: [deckTag.slice(1)], segments: [due ? classic(due[1]) : NEW], startLine: i, front: line.split("::")[0] });
				c.context = [path.replace(/\.md$/, "").split("/").pop() ?? ""];
				return [c];
			})
		: [];
	return { tags, included, cards, problems: [] };
}

/** The metadata cache entry Obsidian would hold for a text. */
function cacheOf(text: string): CachedMetadata {
	return { tags: (text.match(/#[\w/-]+/g) ?? []).map((tag) => ({ tag })) };
}

export class World {
	app = new App();
	plugin = new Plugin(this.app);
	parses = 0;
	yields = 0;

	constructor() {
		this.plugin.load();
	}

	/** Adds a note with its metadata cache entry (no events). */
	put(path: string, text: string): void {
		this.app.vault.put(path, text);
		this.app.metadataCache.set(path, cacheOf(text));
	}

	/** Modifies a note as Obsidian would report it: new text, new cache, `changed` event. */
	modify(path: string, text: string): void {
		const file = this.app.vault.put(path, text);
		const cache = cacheOf(text);
		this.app.metadataCache.set(path, cache);
		this.app.metadataCache.trigger("changed", file, text, cache);
	}

	rename(from: string, to: string): void {
		const entry = this.app.vault.files.get(from);
		if (!entry) throw new Error(`no ${from}`);
		this.app.vault.files.delete(from);
		const file = this.app.vault.put(to, entry.text);
		const cache = this.app.metadataCache.caches.get(from);
		this.app.metadataCache.caches.delete(from);
		if (cache) this.app.metadataCache.set(to, cache);
		this.app.vault.trigger("rename", file, from);
	}

	delete(path: string): void {
		const entry = this.app.vault.files.get(path);
		if (!entry) throw new Error(`no ${path}`);
		this.app.vault.files.delete(path);
		this.app.metadataCache.caches.delete(path);
		this.app.vault.trigger("delete", entry.file);
	}

	/** A loaded indexer (not started) with a counting parser and an immediate yield. */
	indexer(options: VaultIndexerOptions = {}): VaultIndexer {
		const indexer = new VaultIndexer(this.app as unknown as ObsidianApp, () => SETTINGS, {
			yieldToUi: async () => {
				this.yields++;
			},
			parse: (text, path, settings) => {
				this.parses++;
				return fakeParse(text, path, settings);
			},
			...options,
		});
		this.obsidianPlugin.addChild(indexer);
		return indexer;
	}

	get obsidianPlugin(): ObsidianPlugin {
		return this.plugin as unknown as ObsidianPlugin;
	}
}

/** Lets pending promise callbacks run. */
export async function settle(): Promise<void> {
	for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setTimeout(resolve, 0));
}
