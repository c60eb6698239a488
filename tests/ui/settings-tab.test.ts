// @vitest-environment jsdom
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Plugin as ObsidianPlugin, Setting as ObsidianSetting } from "obsidian";
import { installObsidianDom } from "../mocks/obsidian-dom";
import { App, notices, Plugin } from "../mocks/obsidian";
import { SpacedNotesSettingTab } from "../../src/ui/settings-tab";
import { makeServices, type TestServices } from "./deck-list/helpers";
import { CONTROL_ROWS, HEADINGS, IMPORT_ROW, INFO_ROW, OPTIMIZE_ROW, PRESETS_ROW } from "./setting-rows";

beforeAll(() => installObsidianDom());
beforeEach(() => notices.splice(0));

interface Def {
	type?: string;
	heading?: string;
	name?: string;
	items?: Def[];
	control?: { key: string; type: string; validate?: (value: unknown) => unknown; options?: Record<string, string> };
	visible?: boolean | (() => boolean);
	action?: () => void;
	render?: (setting: ObsidianSetting) => void;
	onDelete?: (index: number) => void;
	addItem?: { name: string; action: (el: HTMLElement) => void };
}

function setup(settings = {}, srData?: string): { tab: SpacedNotesSettingTab; services: TestServices; app: App } {
	const app = new App();
	if (srData !== undefined) app.vault.adapter.files.set(".obsidian/plugins/obsidian-spaced-repetition/data.json", srData);
	const services = makeServices(undefined, settings, app);
	const tab = new SpacedNotesSettingTab(new Plugin(app) as unknown as ObsidianPlugin, services);
	return { tab, services, app };
}

const defs = (tab: SpacedNotesSettingTab): Def[] => tab.getSettingDefinitions() as unknown as Def[];
const groups = (tab: SpacedNotesSettingTab): Def[] => defs(tab);
const controls = (tab: SpacedNotesSettingTab): Def[] =>
	groups(tab)
		.flatMap((g) => g.items ?? [])
		.filter((d) => d.control);
const control = (tab: SpacedNotesSettingTab, key: string): Def => {
	const found = controls(tab).find((d) => d.control?.key === key);
	if (!found) throw new Error(`no control ${key}`);
	return found;
};
const isVisible = (def: Def): boolean => (typeof def.visible === "function" ? def.visible() : def.visible !== false);

const refreshes = (tab: SpacedNotesSettingTab): number => (tab as unknown as { domRefreshes: number }).domRefreshes;
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe("settings tab (Obsidian 1.13+, declarative)", () => {
	it("has a heading per group, sentence case", () => {
		const { tab } = setup();
		expect(groups(tab).map((g) => g.heading)).toEqual(HEADINGS);
		for (const def of controls(tab)) expect(def.name).toMatch(/^[A-Z][^A-Z]*(SM-2|FSRS)?[^A-Z]*$/);
	});

	it("declares every setting, FSRS and SM-2 ones shown by the algorithm", () => {
		const { tab } = setup();
		const rows = groups(tab)
			.filter((g) => g.type === "group")
			.flatMap((g) => g.items ?? []);
		expect(rows.filter((d) => d.control).map((d) => [d.name, d.control?.key])).toEqual(CONTROL_ROWS.map((row) => [row.name, row.key]));
		expect(rows.filter((d) => !d.control).map((d) => d.name)).toEqual([OPTIMIZE_ROW, PRESETS_ROW, INFO_ROW, IMPORT_ROW]);
		for (const row of CONTROL_ROWS) expect(isVisible(control(tab, row.key)), row.name).toBe(row.only !== "sm2");
	});

	it("leaves rendering and refreshing to Obsidian", async () => {
		const { tab } = setup();
		expect(tab.containerEl.childElementCount).toBe(0);
		groups(tab)
			.find((g) => g.heading === "Saved filters")
			?.addItem?.action(document.body);
		await settle();
		expect((tab as unknown as { updates: number }).updates).toBe(1);
		expect(tab.containerEl.childElementCount).toBe(0);
	});

	it("every control key maps to a setting value", () => {
		const { tab, services } = setup();
		for (const def of controls(tab)) expect(tab.getControlValue(def.control?.key ?? ""), def.control?.key).not.toBeUndefined();
		expect(tab.getControlValue("flashcardTags")).toBe("#space");
		expect(tab.getControlValue("cloze-bold")).toBe(false);
		expect(Object.keys(services.current)).toEqual(
			expect.arrayContaining(
				controls(tab)
					.map((d) => d.control?.key)
					.filter((k) => !k?.startsWith("cloze-")),
			),
		);
	});

	it("writes changes through updateSettings, lists from text", async () => {
		const { tab, services } = setup();
		await tab.setControlValue("learningSteps", "2m, 20m");
		await tab.setControlValue("cloze-bold", true);
		await tab.setControlValue("desiredRetention", 0.85);
		expect(services.patches).toEqual([
			{ learningSteps: ["2m", "20m"] },
			{ clozePatterns: ["==[123;;]answer[;;hint]==", "**[123;;]answer[;;hint]**"], clozeKinds: ["highlight", "bold"] },
			{ desiredRetention: 0.85 },
		]);
	});

	it("edits the separators, the cloze patterns and folders as decks; separators are checked against the end marker", async () => {
		const { tab, services } = setup({ endMarker: "+++" });
		expect(tab.getControlValue("clozePatterns")).toBe("==[123;;]answer[;;hint]==");
		expect(tab.getControlValue("singleLineSeparator")).toBe("::");
		expect(control(tab, "multiLineSeparator").control?.validate?.("+++")).toContain("must differ");
		expect(control(tab, "clozePatterns").control?.validate?.("==answer==")).toContain("has no number part");
		await tab.setControlValue("singleLineSeparator", " - ");
		await tab.setControlValue("multiLineSeparator", "+++");
		await tab.setControlValue("clozePatterns", "{{[123::]answer[::hint]}}");
		await tab.setControlValue("foldersAsDecks", true);
		await tab.setControlValue("commentPlacement", "next-line");
		expect(services.patches).toEqual([
			{ singleLineSeparator: " - " },
			{ clozePatterns: ["{{[123::]answer[::hint]}}"], clozeKinds: [] },
			{ foldersAsDecks: true },
			{ commentPlacement: "next-line" },
		]);
	});

	it("validation rejects bad values and a bad value is never saved", async () => {
		const { tab, services } = setup();
		expect(control(tab, "learningSteps").control?.validate?.("abc")).toContain("“abc” is not a step");
		expect(control(tab, "desiredRetention").control?.validate?.(1.5)).toContain("between 0.7 and 0.99");
		expect(control(tab, "desiredRetention").control?.validate?.(0.9)).toBeUndefined();
		await tab.setControlValue("learningSteps", "abc");
		await tab.setControlValue("desiredRetention", 1.5);
		expect(services.patches).toEqual([]);
	});

	it("shows SM-2 settings only with SM-2, and FSRS ones only with FSRS", async () => {
		const { tab } = setup();
		expect(isVisible(control(tab, "baseEase"))).toBe(false);
		expect(isVisible(control(tab, "desiredRetention"))).toBe(true);
		const before = refreshes(tab);
		await tab.setControlValue("algorithm", "sm2");
		expect(refreshes(tab)).toBeGreaterThan(before);
		for (const key of ["baseEase", "easyBonus", "lapseFactor"]) expect(isVisible(control(tab, key))).toBe(true);
		expect(isVisible(control(tab, "desiredRetention"))).toBe(false);
	});

	it("saved filters: add, edit with the error shown, delete", async () => {
		const { tab, services } = setup({ savedFilters: [{ name: "Docker", expression: "#space/docker due" }] });
		const list = groups(tab).find((g) => g.heading === "Saved filters");
		expect(list?.type).toBe("list");
		expect(list?.items).toHaveLength(1);
		list?.addItem?.action(document.body);
		await settle();
		expect(services.current.savedFilters).toEqual([
			{ name: "Docker", expression: "#space/docker due" },
			{ name: "New filter", expression: "#space due" },
		]);

		const setting = new FakeSetting();
		tab.renderFilter(setting as unknown as ObsidianSetting, 0);
		expect(setting.texts.map((t) => t.value)).toEqual(["Docker", "#space/docker due"]);
		expect(setting.error).toBeNull();
		setting.texts[1].change("#space oops");
		await settle();
		expect(setting.error).toContain('Unknown word "oops"');
		expect(services.current.savedFilters[0].expression).toBe("#space oops");

		groups(tab)
			.find((g) => g.heading === "Saved filters")
			?.onDelete?.(0);
		await settle();
		expect(services.current.savedFilters).toEqual([{ name: "New filter", expression: "#space due" }]);
	});

	it("names this device's log file, with an id kept on the device", () => {
		const { tab, app } = setup();
		const history = groups(tab).find((g) => g.heading === "Review history") ?? groups(tab)[0];
		const desc = String((history.items?.[0] as { desc?: unknown }).desc);
		const id = desc.match(/logs\/([\w-]+)\.jsonl/)?.[1];
		expect(id).toBeDefined();
		expect(app.loadLocalStorage("spaced-notes-device-id") ?? [...app.localStorage.values()][0]).toBe(id);
	});

	it("import is hidden without the other plugin's data file", async () => {
		const { tab } = setup();
		await tab.checkSrData();
		expect(isVisible(groups(tab).find((g) => g.heading === "Import") ?? groups(tab)[0])).toBe(false);
	});

	it("import reads the data file under the vault's config folder and applies it", async () => {
		const data = JSON.stringify({ settings: { flashcardTags: ["#cards"], baseEase: 240, cardCommentOnSameLine: true } });
		const { tab, services, app } = setup({}, data);
		await tab.checkSrData();
		const group = groups(tab).find((g) => g.heading === "Import") ?? groups(tab)[0];
		expect(isVisible(group)).toBe(true);
		expect(tab.srDataPath).toBe(`${app.vault.configDir}/plugins/obsidian-spaced-repetition/data.json`);
		await tab.importSrSettings();
		expect(services.current.flashcardTags).toEqual(["#cards"]);
		expect(services.current.baseEase).toBe(240);
		expect(services.current.commentPlacement).toBe("same-line");
		// Its review keys come along with its settings.
		expect(services.current.keyMap).toBe("spaced-repetition");
		expect(notices[0]).toContain("imported 5 settings");
	});

	it("a broken data file gives a notice and changes nothing", async () => {
		const { tab, services } = setup({}, "{ not json");
		await tab.importSrSettings();
		expect(services.patches).toEqual([]);
		expect(notices[0]).toContain("could not read");
	});
});

/** The parts of Obsidian's Setting the saved-filter rows use. */
class FakeSetting {
	texts: FakeText[] = [];
	error: string | null = null;
	cls = "";
	setClass(cls: string): this {
		this.cls = cls;
		return this;
	}
	setErrorMessage(message: string | null): this {
		this.error = message || null;
		return this;
	}
	addText(cb: (text: FakeText) => void): this {
		const text = new FakeText();
		this.texts.push(text);
		cb(text);
		return this;
	}
}

class FakeText {
	value = "";
	placeholder = "";
	inputEl = createEl("input");
	private handler: (value: string) => unknown = () => {};
	setValue(value: string): this {
		this.value = value;
		return this;
	}
	setPlaceholder(text: string): this {
		this.placeholder = text;
		return this;
	}
	onChange(handler: (value: string) => unknown): this {
		this.handler = handler;
		return this;
	}
	change(value: string): void {
		this.value = value;
		this.handler(value);
	}
}
