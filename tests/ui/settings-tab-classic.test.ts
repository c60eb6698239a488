// @vitest-environment jsdom
/**
 * The settings tab on Obsidian before 1.13: PluginSettingTab has no declarative API, Obsidian
 * calls display(), and the tab renders the same definitions with classic Setting rows.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Plugin as ObsidianPlugin } from "obsidian";
import { installObsidianDom } from "../mocks/obsidian-dom";
import { App, notices, Plugin } from "../mocks/obsidian";
import { validateControl } from "../../src/settings/settings-controls";
import { SpacedNotesSettingTab } from "../../src/ui/settings-tab";
import { makeServices, type TestServices } from "./deck-list/helpers";
import { controlNamesFor, CONTROL_ROWS, HEADINGS, IMPORT_ROW, INFO_ROW, PRESETS_ROW } from "./setting-rows";

vi.mock("obsidian", async (importOriginal) => {
	const mock = await importOriginal<typeof import("../mocks/obsidian")>();
	return { ...mock, PluginSettingTab: mock.ClassicPluginSettingTab };
});

beforeAll(() => installObsidianDom());
beforeEach(() => notices.splice(0));

const SR_DATA_PATH = ".obsidian/plugins/obsidian-spaced-repetition/data.json";

function setup(settings = {}, srData?: string): { tab: SpacedNotesSettingTab; services: TestServices } {
	const app = new App();
	if (srData !== undefined) app.vault.adapter.files.set(SR_DATA_PATH, srData);
	const services = makeServices(undefined, settings, app);
	const tab = new SpacedNotesSettingTab(new Plugin(app) as unknown as ObsidianPlugin, services);
	return { tab, services };
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Opens the tab as Obsidian before 1.13 does, and waits for the look for the other plugin's
 * file. (Through a plain type: 1.13's typings mark display() deprecated.)
 */
async function open(tab: { display(): void }): Promise<void> {
	tab.display();
	await settle();
}

const rowEls = (tab: SpacedNotesSettingTab): HTMLElement[] => [...tab.containerEl.querySelectorAll<HTMLElement>(".setting-item:not(.setting-item-heading)")];
const nameOf = (el: Element): string => el.querySelector(".setting-item-name")?.textContent ?? "";
const rowNames = (tab: SpacedNotesSettingTab): string[] =>
	rowEls(tab)
		.map(nameOf)
		.filter((name) => name !== "");
const headings = (tab: SpacedNotesSettingTab): string[] => [...tab.containerEl.querySelectorAll(".setting-item-heading")].map(nameOf);

function row(tab: SpacedNotesSettingTab, name: string): HTMLElement {
	const found = rowEls(tab).find((el) => nameOf(el) === name);
	if (!found) throw new Error(`no row ${name}`);
	return found;
}
const errorOf = (el: HTMLElement): string | null => el.querySelector(".sn-setting-error")?.textContent ?? null;

/** Types into the row's input or text area as a user does. */
function type(el: HTMLElement, value: string, index = 0): void {
	const input = el.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea")[index];
	if (!input) throw new Error(`no input in ${nameOf(el)}`);
	input.value = value;
	input.dispatchEvent(new Event("input"));
}
function choose(el: HTMLElement, value: string): void {
	const select = el.querySelector("select");
	if (!select) throw new Error(`no dropdown in ${nameOf(el)}`);
	select.value = value;
	select.dispatchEvent(new Event("change"));
}
const click = (el: Element | null): void => void el?.dispatchEvent(new MouseEvent("click"));

describe("settings tab (Obsidian before 1.13, classic rows)", () => {
	it("finds no declarative API and renders with display()", async () => {
		const { tab } = setup();
		expect("update" in tab).toBe(false);
		await open(tab);
		expect(headings(tab)).toEqual(HEADINGS.filter((h) => h !== "Import"));
	});

	it("shows every setting: the FSRS ones, then the SM-2 ones once chosen", async () => {
		const { tab, services } = setup();
		await open(tab);
		// Under FSRS the deck presets' button follows the desired retention.
		const fsrsRows = controlNamesFor("fsrs").flatMap((name) => (name === "Desired retention" ? [name, PRESETS_ROW] : [name]));
		expect(rowNames(tab)).toEqual([...fsrsRows, INFO_ROW]);
		choose(row(tab, "Algorithm"), "sm2");
		await settle();
		expect(services.patches).toEqual([{ algorithm: "sm2" }]);
		expect(rowNames(tab)).toEqual([...controlNamesFor("sm2"), INFO_ROW]);
		// Between them the two show every control row.
		expect(new Set([...controlNamesFor("fsrs"), ...controlNamesFor("sm2")])).toEqual(new Set(CONTROL_ROWS.map((r) => r.name)));
		// The classic rows are the declared ones, in their order.
		const declared = tab
			.definitions()
			.flatMap((item) => (item.type === "group" ? item.items : []))
			.filter((r) => (typeof r.visible === "function" ? r.visible() : r.visible !== false));
		expect(rowNames(tab)).toEqual(declared.map((r) => r.name).filter((name) => name !== IMPORT_ROW));
	});

	it("shows each value and saves changes through updateSettings", async () => {
		const { tab, services } = setup({ clozeKinds: ["highlight"], learningSteps: ["1m", "10m"] });
		await open(tab);
		expect(row(tab, "Learning steps").querySelector("input")?.value).toBe("1m, 10m");
		expect(row(tab, "Bold clozes").querySelector(".checkbox-container")?.classList.contains("is-enabled")).toBe(false);
		expect(row(tab, "Highlight clozes").querySelector(".checkbox-container")?.classList.contains("is-enabled")).toBe(true);
		expect(row(tab, "Desired retention").querySelector("input")?.type).toBe("number");

		click(row(tab, "Bold clozes").querySelector(".checkbox-container"));
		type(row(tab, "Learning steps"), "2m, 20m");
		type(row(tab, "Desired retention"), "0.85");
		type(row(tab, "Folders to ignore"), "templates/**\narchive");
		choose(row(tab, "Review in"), "tab");
		await settle();
		expect(services.patches).toEqual([
			{ clozePatterns: ["==[123;;]answer[;;hint]==", "**[123;;]answer[;;hint]**"], clozeKinds: ["highlight", "bold"] },
			{ learningSteps: ["2m", "20m"] },
			{ desiredRetention: 0.85 },
			{ ignoredFolders: ["templates/**", "archive"] },
			{ reviewIn: "tab" },
		]);
	});

	it("validates as the declarative API does: the message under the row, nothing saved", async () => {
		const { tab, services } = setup();
		await open(tab);
		type(row(tab, "Learning steps"), "1m, abc");
		type(row(tab, "Desired retention"), "1.5");
		type(row(tab, "Maximum interval"), "");
		await settle();
		expect(errorOf(row(tab, "Learning steps"))).toBe(validateControl("learningSteps", "1m, abc"));
		expect(errorOf(row(tab, "Desired retention"))).toBe(validateControl("desiredRetention", 1.5));
		expect(errorOf(row(tab, "Maximum interval"))).toBe("Write a number.");
		expect(row(tab, "Learning steps").classList.contains("is-invalid")).toBe(true);
		expect(services.patches).toEqual([]);

		type(row(tab, "Desired retention"), "0.8");
		await settle();
		expect(errorOf(row(tab, "Desired retention"))).toBeNull();
		expect(services.patches).toEqual([{ desiredRetention: 0.8 }]);
	});

	it("flags a stored value that fails when the tab opens", async () => {
		const { tab } = setup({ endMarker: "??" });
		await open(tab);
		expect(errorOf(row(tab, "Multi-line card end marker"))).toBe(validateControl("endMarker", "??"));
		expect(errorOf(row(tab, "Flashcard tags"))).toBeNull();
	});

	it("saved filters: empty state, add, edit with the error shown, delete", async () => {
		const { tab, services } = setup();
		await open(tab);
		const filters = (): HTMLElement => tab.containerEl.querySelector<HTMLElement>(".sn-settings-filters") ?? document.body;
		expect(filters().querySelector(".sn-settings-empty")?.textContent).toContain("No saved filters");

		click([...filters().querySelectorAll("button")].find((b) => b.textContent === "Add filter") ?? null);
		await settle();
		expect(services.current.savedFilters).toEqual([{ name: "New filter", expression: "#space due" }]);
		const filter = row(tab, "Filter 1");
		expect([...filter.querySelectorAll("input")].map((i) => i.value)).toEqual(["New filter", "#space due"]);
		expect(filters().querySelector(".sn-settings-empty")).toBeNull();

		type(filter, "#space oops", 1);
		await settle();
		expect(errorOf(filter)).toContain('Unknown word "oops"');
		expect(services.current.savedFilters[0].expression).toBe("#space oops");

		click(filter.querySelector(".extra-setting-button[aria-label='Delete']"));
		await settle();
		expect(services.current.savedFilters).toEqual([]);
		expect(rowNames(tab)).not.toContain("Filter 1");
	});

	it("offers the import when the other plugin's data file exists, and runs it from its row", async () => {
		const data = JSON.stringify({ settings: { flashcardTags: ["#cards"], baseEase: 240 } });
		const { tab, services } = setup({}, data);
		await open(tab);
		expect(headings(tab)).toEqual(HEADINGS);
		click(row(tab, IMPORT_ROW).querySelector(".extra-setting-button"));
		await settle();
		expect(services.current.flashcardTags).toEqual(["#cards"]);
		expect(services.current.baseEase).toBe(240);
		expect(notices[0]).toContain("imported");
		// Rendered again with the imported values.
		expect(row(tab, "Flashcard tags").querySelector("input")?.value).toBe("#cards");
	});
});
