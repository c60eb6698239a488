/**
 * The settings tab: one list of definitions (groups with headings, controls keyed by setting
 * name — lists edited as text, cloze kinds as toggles, see settings-controls.ts — validation
 * messages under bad values, the saved filters as a list, and an import from the Spaced
 * Repetition plugin shown only when its data file exists). Obsidian 1.13+ renders the list
 * itself; older versions call display(), which renders the same list with classic rows (see
 * settings-compat.ts). Every change goes through `services.updateSettings`. The groups' rows
 * are in settings/ (one module per topic); this class assembles them and keeps the tab's state.
 */
import { normalizePath, Notice, type Plugin, type Setting } from "obsidian";
import type { PluginServices } from "./services";
import type { MergedLog } from "../stats/merge";
import { importSpacedRepetitionSettings } from "../settings/import-sr";
import { controlValue, patchForControl } from "../settings/settings-controls";
import { declarativeApi, PluginSettingTab, renderClassicSettings, setTabIcon, type SettingsItem } from "./settings-compat";
import { cardItems, displayItems } from "./settings/note-settings";
import { schedulingItems } from "./settings/scheduling-settings";
import { historyItems, noteReviewItems, reviewItems } from "./settings/review-settings";
import { renderSavedFilter, savedFilterList } from "./settings/saved-filters";

export class SpacedNotesSettingTab extends PluginSettingTab {
	/** Whether the other plugin's data file was found at the last check. */
	srDataFound = false;
	/** Obsidian's declarative settings API, when the running version has it (1.13+). */
	private readonly declarative = declarativeApi(this);

	constructor(
		plugin: Plugin,
		private readonly services: PluginServices,
	) {
		super(services.app, plugin);
		setTabIcon(this, "layers");
	}

	/** Path of the Spaced Repetition plugin's settings in this vault's config folder. */
	get srDataPath(): string {
		return normalizePath(`${this.services.app.vault.configDir}/plugins/obsidian-spaced-repetition/data.json`);
	}

	override getControlValue(key: string): unknown {
		return controlValue(this.services.settings(), key);
	}

	override async setControlValue(key: string, value: unknown): Promise<void> {
		const result = patchForControl(this.services.settings(), key, value);
		// Either renderer validates first; a value that still fails is never saved.
		if (!result.ok) return;
		await this.services.updateSettings(result.patch);
		if (key === "algorithm") this.refreshVisibility();
	}

	/** Obsidian 1.13+ renders these. */
	override getSettingDefinitions(): SettingsItem[] {
		void this.checkSrData();
		return this.definitions();
	}

	/** Obsidian before 1.13 calls this instead: the same definitions as classic rows. */
	override display(): void {
		void this.checkSrData();
		this.renderClassic();
	}

	/** Every setting the tab offers, whichever way it is rendered. */
	definitions(): SettingsItem[] {
		return [
			{ type: "group", heading: "Cards", items: cardItems(this.services) },
			{
				type: "group",
				heading: "Scheduling",
				items: schedulingItems(this.services, { optimizer: () => this.openOptimizer(), deckPresets: () => this.openDeckPresets() }),
			},
			{ type: "group", heading: "Review", items: reviewItems() },
			{ type: "group", heading: "Note review", items: noteReviewItems() },
			{ type: "group", heading: "Notes display", items: displayItems() },
			savedFilterList(this.services, () => this.rebuild()),
			{ type: "group", heading: "Review history", items: historyItems(this.services) },
			{
				type: "group",
				heading: "Import",
				visible: () => this.srDataFound,
				items: [
					{
						name: "Import settings from the Spaced Repetition plugin",
						desc: "Copies its flashcard tags, ignored folders, separators, cloze patterns, folders as decks, comment placement, scheduling and note review settings, and lists what cannot be copied.",
						action: () => void this.importSrSettings(),
					},
				],
			},
		];
	}

	/** Opens the optimizer; its code is loaded only now. */
	private openOptimizer(): void {
		const services = this.services;
		const read = (): Promise<MergedLog> => services.readLog?.() ?? Promise.reject(new Error("no review history is kept"));
		void import("./optimize/optimize-modal").then(({ OptimizeModal }) => new OptimizeModal(services.app, services, read).open());
	}

	/** Opens the deck presets; their code is loaded only now. */
	private openDeckPresets(): void {
		void import("./optimize/deck-presets-modal").then(({ DeckPresetsModal }) => new DeckPresetsModal(this.services.app, this.services).open());
	}

	/** Looks for the other plugin's data file; refreshes the tab when the answer changes. */
	async checkSrData(): Promise<boolean> {
		let found = false;
		try {
			found = await this.services.app.vault.adapter.exists(this.srDataPath);
		} catch {
			found = false;
		}
		if (found !== this.srDataFound) {
			this.srDataFound = found;
			this.refreshVisibility();
		}
		return found;
	}

	/** Reads the other plugin's data file and applies what maps onto our settings. */
	async importSrSettings(): Promise<void> {
		let data: unknown;
		try {
			data = JSON.parse(await this.services.app.vault.adapter.read(this.srDataPath));
		} catch (error) {
			new Notice(`Spaced Notes: could not read the Spaced Repetition plugin's settings: ${error instanceof Error ? error.message : String(error)}`);
			return;
		}
		const { settings, mapped, unmapped } = importSpacedRepetitionSettings(data);
		if (mapped.length > 0) await this.services.updateSettings(settings);
		new Notice([`Spaced Notes: imported ${mapped.length} settings from the Spaced Repetition plugin.`, ...unmapped].join("\n"), 10000);
		this.rebuild();
	}

	/** Shows or hides what depends on a changed value. */
	private refreshVisibility(): void {
		if (this.declarative) this.declarative.refreshDomState();
		else this.renderClassic();
	}

	/** Builds the tab again after entries were added or removed or many values changed. */
	private rebuild(): void {
		if (this.declarative) this.declarative.update();
		else this.renderClassic();
	}

	private renderClassic(): void {
		renderClassicSettings(this.containerEl, this.definitions(), this);
	}

	/** One saved filter: its name and its expression, with the parse error under it. */
	renderFilter(setting: Setting, index: number): void {
		renderSavedFilter(setting, index, this.services);
	}
}
