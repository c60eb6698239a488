// @vitest-environment jsdom
import { App, Plugin } from "obsidian";
import { beforeAll, describe, expect, it } from "vitest";
import { parseNote } from "../../src/cards/parse";
import { chipClickHandler } from "../../src/obsidian/chip-actions";
import { SpacedNotesServices } from "../../src/obsidian/plugin-services";
import { VaultIndexer } from "../../src/obsidian/vault-index";
import { BuriedSiblings } from "../../src/review/buried";
import { DEFAULT_SETTINGS, type SpacedNotesSettings } from "../../src/settings/settings";
import { MenuItem, notices, shownMenus } from "../mocks/obsidian";
import { installObsidianDom } from "../mocks/obsidian-dom";

beforeAll(() => installObsidianDom());

const NOTE = "#space\n\nq::a <!--SR:!2026-03-01,4,250-->\n";

function world() {
	const app = new App();
	const vault = app.vault as unknown as { put(path: string, text: string): unknown; files: Map<string, { text: string }> };
	vault.put("a.md", NOTE);
	const PluginClass = Plugin as unknown as new (app: App, manifest: unknown) => Omit<Plugin, "settings"> & { settings: SpacedNotesSettings };
	const plugin = new PluginClass(app, { id: "spaced-notes", dir: ".obsidian/plugins/spaced-notes" });
	plugin.settings = { ...DEFAULT_SETTINGS, flashcardTags: ["#space"] };
	const indexer = new VaultIndexer(app, () => plugin.settings, { yieldToUi: () => Promise.resolve() });
	const services = new SpacedNotesServices(plugin, indexer);
	services.now = () => new Date(2026, 2, 10, 12);
	const card = () => parseNote(vault.files.get("a.md")?.text ?? "", { path: "a.md", settings: plugin.settings }).cards[0];
	return { vault, plugin, services, card };
}

describe("card actions in the plugin", () => {
	it("the chip's context menu suspends the card through the vault, and undo puts the bytes back", async () => {
		const { vault, services, card } = world();
		chipClickHandler(services)({ path: "a.md", card: card(), menu: new MouseEvent("contextmenu") });
		const menu = shownMenus[shownMenus.length - 1];
		const titles = menu.items.map((i) => (i === "separator" ? "-" : i.title));
		expect(titles).toContain("Suspend");
		expect(titles).toContain("Bury until tomorrow");
		expect(titles).toContain("Flag red");
		(menu.items.find((i) => i !== "separator" && i.title === "Suspend") as MenuItem).click();
		await new Promise((r) => setTimeout(r, 0));
		await new Promise((r) => setTimeout(r, 0));
		expect(vault.files.get("a.md")?.text).toBe("#space\n\nq::a <!--SR:!2026-03-01,4,250,s-->\n");
		expect(notices.some((n) => n.startsWith("Spaced Notes: suspended 1 card"))).toBe(true);
		expect(await services.cardActions.undo()).toBe(true);
		expect(vault.files.get("a.md")?.text).toBe(NOTE);
	});

	it("buried siblings are saved beside the settings and kept when settings change", async () => {
		const { plugin, services, card } = world();
		services.cardActions.bury([{ path: "a.md", card: card(), sibling: 0 }]);
		await new Promise((r) => setTimeout(r, 0));
		expect(services.cardActions.isBuried({ path: "a.md", card: card(), sibling: 0 })).toBe(true);
		await services.updateSettings({ newPerDay: 5 });
		const data = (await plugin.loadData()) as { buried: unknown; newPerDay: number };
		expect(data.newPerDay).toBe(5);
		expect(BuriedSiblings.from(data.buried).count("2026-03-10")).toBe(1);
		expect(await services.cardActions.undo()).toBe(true);
		expect(services.cardActions.isBuried({ path: "a.md", card: card(), sibling: 0 })).toBe(false);
	});

	it("undo goes back action by action, newest first, through buries and note writes alike", async () => {
		const { vault, services, card } = world();
		const subject = () => [{ path: "a.md", card: card(), sibling: 0 }];
		await services.cardActions.apply(subject(), { kind: "suspend" });
		const suspended = vault.files.get("a.md")?.text;
		services.cardActions.bury(subject());
		await services.cardActions.apply(subject(), { kind: "flag", flag: 3 });
		expect(vault.files.get("a.md")?.text).toBe("#space\n\nq::a <!--SR:!2026-03-01,4,250,s,f3-->\n");
		expect(await services.cardActions.undo()).toBe(true);
		expect(vault.files.get("a.md")?.text).toBe(suspended);
		expect(services.cardActions.isBuried(subject()[0])).toBe(true);
		expect(await services.cardActions.undo()).toBe(true);
		expect(services.cardActions.isBuried(subject()[0])).toBe(false);
		expect(vault.files.get("a.md")?.text).toBe(suspended);
		expect(await services.cardActions.undo()).toBe(true);
		expect(vault.files.get("a.md")?.text).toBe(NOTE);
		expect(await services.cardActions.undo()).toBe(false);
		expect(notices.at(-1)).toBe("Spaced Notes: no card action to undo.");
	});
});
