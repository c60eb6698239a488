// @vitest-environment jsdom
import { App, Plugin } from "obsidian";
import { beforeAll, describe, expect, it } from "vitest";
import { parseNote } from "../../src/cards/parse";
import { chipClickHandler } from "../../src/obsidian/chip-actions";
import { SpacedNotesServices } from "../../src/obsidian/plugin-services";
import { ReviewLogStore } from "../../src/obsidian/review-log-store";
import { statsProvider } from "../../src/obsidian/stats-provider";
import { VaultIndexer } from "../../src/obsidian/vault-index";
import { DEFAULT_SETTINGS, type SpacedNotesSettings } from "../../src/settings/settings";
import { cardId } from "../../src/stats/card-id";
import { notices } from "../mocks/obsidian";
import { installObsidianDom } from "../mocks/obsidian-dom";
import { makeServices } from "../ui/deck-list/helpers";

beforeAll(() => installObsidianDom());

interface MockVault {
	put(path: string, text: string): unknown;
	files: Map<string, { text: string }>;
}

function world(files: Record<string, string>) {
	const app = new App();
	const vault = app.vault as unknown as MockVault;
	for (const [path, text] of Object.entries(files)) vault.put(path, text);
	// The plugin's own settings field (Obsidian's typings name one on Plugin only from 1.13).
	const PluginClass = Plugin as unknown as new (app: App, manifest: unknown) => Omit<Plugin, "settings"> & { settings: SpacedNotesSettings };
	const plugin = new PluginClass(app, { id: "spaced-notes", dir: ".obsidian/plugins/spaced-notes" });
	plugin.settings = { ...DEFAULT_SETTINGS, flashcardTags: ["#space"] };
	const indexer = new VaultIndexer(app, () => plugin.settings, { yieldToUi: () => Promise.resolve() });
	const services = new SpacedNotesServices(plugin, indexer);
	return { app, vault, plugin, indexer, services };
}

describe("settings changes", () => {
	it("save the merged settings, re-index on parser settings and redraw editors", async () => {
		const { plugin, indexer, services, app } = world({ "a.md": "#space\nq::a\n" });
		let rebuilds = 0;
		indexer.rebuild = () => {
			rebuilds++;
			return Promise.resolve();
		};
		const workspace = app.workspace as unknown as { optionUpdates: number };
		await services.updateSettings({ newPerDay: 5 });
		expect(rebuilds).toBe(0);
		expect(workspace.optionUpdates).toBe(0);
		await services.updateSettings({ flashcardTags: ["#space", "#k8s"] });
		expect(rebuilds).toBe(1);
		expect(workspace.optionUpdates).toBe(1);
		await services.updateSettings({ commentDisplay: "raw" });
		expect(rebuilds).toBe(1);
		expect(workspace.optionUpdates).toBe(2);
		expect(await plugin.loadData()).toMatchObject({ newPerDay: 5, flashcardTags: ["#space", "#k8s"], commentDisplay: "raw" });
		expect(services.settings()).toBe(plugin.settings);
	});

	it("move the day boundary in the index without re-reading notes", async () => {
		const { indexer, services } = world({});
		await services.updateSettings({ nextDayStartsAt: 6 });
		expect(indexer.index.dayStartHour).toBe(6);
	});
});

describe("clicking a card's chip", () => {
	const text = "#space\nnew::card\ndue::card <!--SR:!2026-03-01,3,250-->\nlater::card <!--SR:!2026-09-01,30,250-->\n";
	const cards = parseNote(text, { path: "n.md", settings: { ...DEFAULT_SETTINGS, flashcardTags: ["#space"] } }).cards;

	it("reviews just that card when it is new or due", () => {
		const services = makeServices();
		services.now = () => new Date(2026, 2, 10, 12);
		chipClickHandler(services)({ path: "n.md", card: cards[1] });
		chipClickHandler(services)({ path: "n.md", card: cards[0] });
		expect(services.reviews.map((r) => [r.path, r.line])).toEqual([
			["n.md", 2],
			["n.md", 1],
		]);
	});

	it("shows the schedule of a card that is not due instead of an empty review", () => {
		const services = makeServices();
		services.now = () => new Date(2026, 2, 10, 12);
		const before = notices.length;
		chipClickHandler(services)({ path: "n.md", card: cards[2] });
		expect(services.reviews).toHaveLength(0);
		expect(notices.length).toBe(before + 1);
		expect(notices[notices.length - 1]).toMatch(/^Spaced Notes: next review in 5\.8 mo\. Due 2026-09-01/);
	});

	it("explains an unreadable schedule instead of starting a review", () => {
		const note = "#space\nbroken::card <!--SR:!2026-13-45,3,250-->\n";
		const [card] = parseNote(note, { path: "n.md", settings: { ...DEFAULT_SETTINGS, flashcardTags: ["#space"] } }).cards;
		expect(card.siblings[0].segment.kind).toBe("unreadable");
		const services = makeServices();
		services.now = () => new Date(2026, 2, 10, 12);
		const before = notices.length;
		chipClickHandler(services)({ path: "n.md", card });
		expect(services.reviews).toHaveLength(0);
		expect(notices.length).toBe(before + 1);
		expect(notices[notices.length - 1]).toMatch(
			/^Spaced Notes: this card's schedule "2026-13-45,3,250" cannot be read: "2026-13-45" is not a date\. Until the comment is fixed/,
		);
	});
});

describe("the statistics view's data", () => {
	it("gives every current sibling with the id the review log uses, and exports the CSV into the vault", async () => {
		const note = "#space\nq::a <!--SR:!2026-03-01,3,250-->\nr:::s\n";
		const { app, vault, indexer, services, plugin } = world({ "n.md": note });
		(app.workspace as unknown as { ready(): void }).ready();
		indexer.load();
		indexer.start();
		await indexer.ready;
		const provider = statsProvider(services, ReviewLogStore.forPlugin(plugin));
		const cards = await provider.currentCards();
		const parsed = parseNote(note, { path: "n.md", settings: plugin.settings }).cards;
		expect(cards.map((c) => c.id)).toEqual([cardId("n.md", parsed[0].source, 0), cardId("n.md", parsed[1].source, 0), cardId("n.md", parsed[1].source, 1)]);
		expect(cards[0].schedule).toEqual({ type: "classic", due: "2026-03-01", interval: 3, ease: 250 });
		// The path asked for, normalized; its folders made; a second export replaces the file.
		expect(await provider.exportCsv?.("a,b\n", "Exports//stats/log.csv")).toContain("Exports/stats/log.csv");
		expect(await provider.exportCsv?.("c,d\n", "/Exports/stats/log.csv")).toContain("Exports/stats/log.csv");
		expect(vault.files.get("Exports/stats/log.csv")?.text).toBe("c,d\n");
		expect([...(vault as unknown as { folders: Set<string> }).folders]).toEqual(["Exports", "Exports/stats"]);
		expect([...vault.files.keys()].filter((path) => !path.includes("/"))).toEqual(["n.md"]);
		expect((await provider.loadLog()).reviews).toEqual([]);
	});
});
