// @vitest-environment jsdom
import { App } from "obsidian";
import { beforeAll, describe, expect, it } from "vitest";
import SpacedNotesPlugin from "../src/main";
import { CARD_BROWSER_VIEW_TYPE } from "../src/ui/card-browser/card-browser-view";
import { DECK_LIST_VIEW_TYPE } from "../src/ui/deck-list/deck-list-view";
import { REVIEW_VIEW_TYPE } from "../src/ui/review/review-view";
import { STATS_VIEW_TYPE } from "../src/ui/stats-view";
import { NOTE_REVIEW_VIEW_TYPE } from "../src/ui/note-review/note-review-view";
import { installObsidianDom } from "./mocks/obsidian-dom";

type MockPlugin = {
	commands: { id: string; hotkeys?: unknown[] }[];
	viewFactories: Map<string, unknown>;
	settingTabs: unknown[];
	postProcessors: unknown[];
	editorExtensions: unknown[];
	statusBarItems: unknown[];
};

beforeAll(() => installObsidianDom());

interface MockApp {
	vault: { put(path: string, text: string): unknown; reads: number };
	workspace: { ready(): void };
}

async function loadedPlugin(files: Record<string, string> = {}): Promise<{ plugin: SpacedNotesPlugin & MockPlugin; app: MockApp }> {
	const app = new App() as unknown as MockApp;
	for (const [path, text] of Object.entries(files)) app.vault.put(path, text);
	const plugin = new SpacedNotesPlugin(app as never, { id: "spaced-notes", dir: ".obsidian/plugins/spaced-notes" } as never) as SpacedNotesPlugin &
		MockPlugin;
	await plugin.saveData({ flashcardTags: ["#space"] });
	plugin.load(); // Obsidian calls onload without waiting; let its first await (loadData) settle.
	await new Promise((resolve) => setTimeout(resolve, 0));
	return { plugin, app };
}

describe("the plugin's lifecycle", () => {
	it("registers its views, settings tab, commands without hotkeys, post-processors and editor extensions", async () => {
		const { plugin } = await loadedPlugin();
		expect([...plugin.viewFactories.keys()].sort()).toEqual(
			[DECK_LIST_VIEW_TYPE, REVIEW_VIEW_TYPE, STATS_VIEW_TYPE, CARD_BROWSER_VIEW_TYPE, NOTE_REVIEW_VIEW_TYPE].sort(),
		);
		expect(plugin.settingTabs).toHaveLength(1);
		expect(plugin.commands.length).toBeGreaterThanOrEqual(4);
		expect(plugin.commands.every((c) => c.hotkeys === undefined)).toBe(true);
		expect(plugin.postProcessors).toHaveLength(2);
		expect(plugin.editorExtensions).toHaveLength(1);
		expect(plugin.settings.flashcardTags).toEqual(["#space"]);
	});

	it("indexes nothing before the layout is ready, then the whole vault", async () => {
		const { app } = await loadedPlugin({ "a.md": "#space\nq::a\n", "b.md": "#other\nq::a\n" });
		expect(app.vault.reads).toBe(0);
		app.workspace.ready();
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(app.vault.reads).toBeGreaterThan(0);
	});

	it("unregisters everything on unload", async () => {
		const { plugin } = await loadedPlugin();
		plugin.unload();
		expect(plugin.postProcessors).toHaveLength(0);
		expect(plugin.editorExtensions).toHaveLength(0);
	});
});
