// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from "vitest";
import type { Plugin as ObsidianPlugin } from "obsidian";
import { installObsidianDom } from "../mocks/obsidian-dom";
import { App, Plugin, TFile } from "../mocks/obsidian";
import { buildDeckTree } from "../../src/index/deck-tree";
import { registerCommands } from "../../src/obsidian/commands";
import { DECK_LIST_VIEW_TYPE } from "../../src/ui/deck-list/deck-list-view";
import { STATS_VIEW_TYPE } from "../../src/ui/stats-view";
import { DeckPickerModal, deckChoices } from "../../src/ui/deck-picker";
import { makeServices, NOW, sampleIndex } from "../ui/deck-list/helpers";

beforeAll(() => installObsidianDom());

function setup() {
	const app = new App();
	const plugin = new Plugin(app);
	const services = makeServices(undefined, {}, app);
	registerCommands(plugin as unknown as ObsidianPlugin, services);
	const command = (id: string) => {
		const found = plugin.commands.find((c) => c.id === id);
		if (!found) throw new Error(`no command ${id}`);
		return found;
	};
	return { app, plugin, services, command };
}

describe("commands", () => {
	it("registers the seven commands with plain ids, sentence-case names and no hotkeys", () => {
		const { plugin } = setup();
		expect(plugin.commands.map((c) => [c.id, c.name])).toEqual([
			["review-all", "Review all due cards"],
			["review-deck", "Review a deck…"],
			["review-note", "Review this note's cards"],
			["open-deck-list", "Open deck list"],
			["open-deck-list-sidebar", "Open deck list in sidebar"],
			["open-statistics", "Open review statistics"],
			["custom-study", "Custom study…"],
		]);
		for (const c of plugin.commands) {
			expect(c.hotkeys).toBeUndefined();
			expect(c.id).not.toMatch(/spaced-notes|command/);
			expect(c.name).not.toMatch(/spaced notes/i);
		}
	});

	it("review all, open deck list and the ribbon icon call the services", () => {
		const { plugin, services, command } = setup();
		command("review-all").callback?.();
		expect(services.reviews).toEqual([{ title: "All cards" }]);
		command("open-deck-list").callback?.();
		expect(plugin.ribbonIcons.map((r) => [r.icon, r.title])).toEqual([["layers", "Open deck list"]]);
		plugin.ribbonIcons[0].callback(new MouseEvent("click"));
		expect(services.deckListOpens).toBe(2);
	});

	it("review this note is offered only for an active Markdown note", () => {
		const { app, services, command } = setup();
		const check = command("review-note").checkCallback;
		if (!check) throw new Error("no checkCallback");
		expect(check(true)).toBe(false);
		app.workspace.activeFile = new TFile("pics/diagram.png");
		expect(check(true)).toBe(false);
		expect(check(false)).toBe(false);
		expect(services.reviews).toEqual([]);
		app.workspace.activeFile = new TFile("space/Docker basics.md");
		expect(check(true)).toBe(true);
		expect(services.reviews).toEqual([]);
		expect(check(false)).toBe(true);
		expect(services.reviews).toEqual([{ title: "Docker basics", path: "space/Docker basics.md" }]);
	});

	it("open deck list in sidebar opens the view in a right leaf", async () => {
		const { app, command } = setup();
		command("open-deck-list-sidebar").callback?.();
		await Promise.resolve();
		await Promise.resolve();
		expect(app.workspace.leaves.map((leaf) => leaf.viewState?.type)).toEqual([DECK_LIST_VIEW_TYPE]);
	});

	it("opens the statistics in a tab, and reuses it the second time", async () => {
		const { app, command } = setup();
		command("open-statistics").callback?.();
		await new Promise((resolve) => setTimeout(resolve, 0));
		command("open-statistics").callback?.();
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(app.workspace.leaves.map((leaf) => leaf.viewState?.type)).toEqual([STATS_VIEW_TYPE]);
	});
});

describe("deck picker", () => {
	it("lists All cards then every deck path, and starts the chosen review", () => {
		const { app, services } = setup();
		const tree = buildDeckTree(sampleIndex(), NOW);
		expect(deckChoices(tree).map((c) => c.path)).toEqual(["", "Misc", "space", "space/docker", "space/docker/build", "space/k8s"]);
		const picker = new DeckPickerModal(app as never, services);
		const items = picker.getItems();
		expect(picker.getItemText(items[3])).toBe("space/docker (2 due, 2 new)");
		expect(picker.getItemText(items[0])).toBe("All cards (3 due, 3 new)");
		picker.onChooseItem(items[3]);
		picker.onChooseItem(items[0]);
		expect(services.reviews).toEqual([{ title: "space › docker", deck: "space/docker" }, { title: "All cards" }]);
	});
});
