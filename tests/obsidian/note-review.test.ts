/**
 * Note review in the plugin: the queue from the metadata cache, the rating commands (only the
 * schedule keys change, through Vault.process), undo, the file menu, opening the next note, and
 * the status bar count.
 */
import { describe, expect, it } from "vitest";
import type { App as ObsidianApp, Plugin as ObsidianPlugin } from "obsidian";
import { App, Menu, MenuItem, Plugin, TFile, notices, type CachedMetadata } from "../mocks/obsidian";
import { Rating } from "../../src/model/schedule";
import { registerNoteCommands } from "../../src/obsidian/note-commands";
import { NoteReviewService } from "../../src/obsidian/note-review";
import { NoteStatusBar } from "../../src/obsidian/note-status-bar";
import { VaultNotes } from "../../src/obsidian/vault-notes";
import { DEFAULT_SETTINGS, type SpacedNotesSettings } from "../../src/settings/settings";
import type { LogEntry } from "../../src/stats/log-format";
import { mergeLogs } from "../../src/stats/merge";
import { readLikeSr } from "../notes/sr-reader";

const NOW = new Date(2026, 2, 10, 12);

/** A note and the cache entry Obsidian would hold for it (frontmatter keys as its YAML parser gives them). */
function put(app: App, path: string, text: string, frontmatter: Record<string, unknown> = {}): void {
	app.vault.put(path, text);
	const cache: CachedMetadata = { frontmatter, tags: [...text.matchAll(/(?:^|\s)(#[\w/-]+)/g)].map((m) => ({ tag: m[1] })) };
	app.metadataCache.set(path, cache);
}

/** The service over `app`, loaded as the plugin's child, with changes applied at once. */
function startService(
	app: App,
	plugin: Plugin,
	settings: () => SpacedNotesSettings,
	log: NonNullable<ConstructorParameters<typeof NoteReviewService>[3]>["log"],
) {
	const service = new NoteReviewService(app as unknown as ObsidianApp, settings, new VaultNotes(app as unknown as ObsidianApp), {
		log,
		now: () => NOW,
		debounceMs: 0,
	});
	(plugin as unknown as ObsidianPlugin).addChild(service);
	return service;
}

function setup(overrides: Partial<SpacedNotesSettings> = {}) {
	const app = new App();
	const plugin = new Plugin(app);
	plugin.load();
	let settings: SpacedNotesSettings = { ...DEFAULT_SETTINGS, algorithm: "sm2", ...overrides };
	const logged: LogEntry[] = [];
	const log = { append: (e: LogEntry) => Promise.resolve(void logged.push(e)), readAll: () => Promise.resolve(mergeLogs([])) };
	put(app, "a.md", "---\ntags: [review]\n# keep me\nsr-due: 2026-03-08\nsr-interval: 4\nsr-ease: 250\n---\nA\n", {
		tags: ["review"],
		"sr-due": "2026-03-08",
		"sr-interval": 4,
		"sr-ease": 250,
	});
	put(app, "b.md", "B #review\n");
	put(app, "c.md", "---\ntags: review\nsr-due: 2026-03-12\nsr-interval: 3\nsr-ease: 230\n---\n", {
		tags: "review",
		"sr-due": "2026-03-12",
		"sr-interval": 3,
		"sr-ease": 230,
	});
	put(app, "plain.md", "nothing\n");
	const service = startService(app, plugin, () => settings, log);
	registerNoteCommands(plugin as unknown as ObsidianPlugin, service, () => settings);
	const command = (id: string) => plugin.commands.find((c) => c.id === id);
	const setSettings = (patch: Partial<SpacedNotesSettings>) => (settings = { ...settings, ...patch });
	return { app, plugin, service, logged, command, setSettings };
}

function fileAt(app: App, path: string): TFile {
	const file = app.vault.getFileByPath(path);
	if (!(file instanceof TFile)) throw new Error(`no ${path}`);
	return file;
}

const text = (app: App, path: string) => app.vault.files.get(path)?.text ?? "";

describe("note review's start-up", () => {
	it("reads the review log only once a note is to review, and then once", async () => {
		const app = new App();
		const plugin = new Plugin(app);
		plugin.load();
		let reads = 0;
		const log = { append: () => Promise.resolve(), readAll: () => Promise.resolve(void reads++).then(() => mergeLogs([])) };
		put(app, "plain.md", "nothing\n");
		const service = startService(app, plugin, () => DEFAULT_SETTINGS, log);
		expect(service.queue().decks).toEqual([]);
		await Promise.resolve();
		expect(reads).toBe(0);
		put(app, "b.md", "B #review\n");
		service.invalidate(true);
		expect(service.queue().decks.map((d) => d.name)).toEqual(["#review"]);
		await new Promise((resolve) => setTimeout(resolve, 0));
		service.queue();
		expect(reads).toBe(1);
	});
});

describe("note review in the plugin", () => {
	it("rebuilds the queue after an edit only when the note is or was one to review", () => {
		const { app, service } = setup();
		let rebuilt = 0;
		service.onChange(() => rebuilt++);
		service.queue();
		const fire = (path: string) => app.metadataCache.trigger("changed", fileAt(app, path));
		fire("plain.md");
		expect(rebuilt).toBe(0);
		fire("b.md");
		expect(rebuilt).toBe(1);
		// plain.md gets the review tag: it is now one to review.
		service.queue();
		put(app, "plain.md", "now #review\n");
		fire("plain.md");
		expect(rebuilt).toBe(2);
		expect(service.queue().decks[0].buckets.new.map((n) => n.path)).toEqual(["b.md", "plain.md"]);
		// and loses it again: it was one, so the queue is rebuilt without it.
		put(app, "plain.md", "nothing\n");
		fire("plain.md");
		expect(rebuilt).toBe(3);
		expect(service.queue().decks[0].buckets.new.map((n) => n.path)).toEqual(["b.md"]);
	});

	it("queues the tagged notes by bucket", () => {
		const { service } = setup();
		const deck = service.queue().decks[0];
		expect(deck.name).toBe("#review");
		expect(deck.buckets.overdue.map((n) => n.path)).toEqual(["a.md"]);
		expect(deck.buckets.new.map((n) => n.path)).toEqual(["b.md"]);
		expect(deck.buckets.later.map((n) => n.path)).toEqual(["c.md"]);
	});

	it("rates the active note through its command, changing only the schedule keys, and logs it", async () => {
		const { app, command, logged } = setup();
		app.workspace.activeFile = fileAt(app, "a.md");
		const good = command("review-this-note-good");
		expect(good?.checkCallback?.(true)).toBe(true);
		good?.checkCallback?.(false);
		await new Promise((r) => setTimeout(r, 0));
		expect(text(app, "a.md")).toBe("---\ntags: [review]\n# keep me\nsr-due: 2026-03-23\nsr-interval: 13\nsr-ease: 250\n---\nA\n");
		expect(logged).toMatchObject([{ kind: "note", note: "a.md", deck: "review", rating: Rating.Good, state: 2, ease: 250 }]);
		expect(notices.at(-1)).toMatch(/^Spaced Notes: Good\. This note comes back in 13 days\.$/);
	});

	it("creates a frontmatter for a new note tagged in its body, readable by the other plugin", async () => {
		const { app, service } = setup();
		await service.rate("b.md", Rating.Easy);
		expect(text(app, "b.md")).toMatch(/^---\nsr-due: 2026-03-1\d\nsr-interval: \d+(\.\d)?\nsr-ease: 270\n---\nB #review\n$/);
		expect(readLikeSr(text(app, "b.md"))?.ease).toBe(270);
	});

	it("offers Again only under FSRS, and nothing for a note without a review tag", () => {
		const { app, command, setSettings } = setup();
		app.workspace.activeFile = fileAt(app, "a.md");
		expect(command("review-this-note-again")?.checkCallback?.(true)).toBe(false);
		setSettings({ algorithm: "fsrs" });
		expect(command("review-this-note-again")?.checkCallback?.(true)).toBe(true);
		app.workspace.activeFile = fileAt(app, "plain.md");
		expect(command("review-this-note-good")?.checkCallback?.(true)).toBe(false);
	});

	it("undoes the last rating exactly", async () => {
		const { app, service, command, logged } = setup();
		const before = text(app, "a.md");
		await service.rate("a.md", Rating.Hard);
		expect(text(app, "a.md")).not.toBe(before);
		command("undo-note-review")?.callback?.();
		await new Promise((r) => setTimeout(r, 0));
		expect(text(app, "a.md")).toBe(before);
		expect(logged.at(-1)).toMatchObject({ kind: "undo", card: "a.md" });
	});

	it("puts the ratings in the file menu and opens the next note after rating when set", async () => {
		const { app, service } = setup({ noteAutoNext: true });
		const menu = new Menu();
		app.workspace.trigger("file-menu", menu, app.vault.getFileByPath("a.md"));
		const items = menu.items.filter((i): i is MenuItem => i !== "separator");
		expect(items.map((i) => i.title)).toEqual(["Review note: Easy", "Review note: Good", "Review note: Hard"]);
		items[1].click();
		await new Promise((r) => setTimeout(r, 0));
		expect(text(app, "a.md")).toContain("sr-due: 2026-03-23");
		// a.md is done; the next is the new note b.md (c.md is not due).
		await service.rate("c.md", Rating.Good);
		const opened = app.workspace.leaves.flatMap((l) => l.opened.map((o) => o.file.path));
		expect(opened).toEqual(["b.md", "b.md"]);
	});

	it("shows the count in the status bar and opens the next note from it", async () => {
		const { app, plugin, service } = setup();
		(plugin as unknown as ObsidianPlugin).addChild(new NoteStatusBar(plugin as unknown as ObsidianPlugin, service, 0));
		const item = plugin.statusBarItems.at(-1);
		expect(item?.text).toBe("1 note to review");
		item?.click();
		expect(app.workspace.leaves.at(-1)?.opened[0].file.path).toBe("a.md");
		await service.rate("a.md", Rating.Good);
		expect(item?.text).toBe("0 notes to review");
	});
});
