/**
 * The settings tab: one list of definitions (groups with headings, controls keyed by setting
 * name — lists edited as text, cloze kinds as toggles, see settings-controls.ts — validation
 * messages under bad values, the saved filters as a list, and an import from the Spaced
 * Repetition plugin shown only when its data file exists). Obsidian 1.13+ renders the list
 * itself; older versions call display(), which renders the same list with classic rows (see
 * settings-compat.ts). Every change goes through `services.updateSettings`.
 */
import { normalizePath, Notice, type Plugin, type Setting } from "obsidian";
import { parseFilter } from "../decks/filter";
import type { PluginServices } from "./services";
import type { MergedLog } from "../stats/merge";
import { importSpacedRepetitionSettings } from "../settings/import-sr";
import { CLOZE_KEYS, controlValue, patchForControl, validateControl } from "../settings/settings-controls";
import type { SpacedNotesSettings } from "../settings/settings";
import {
	declarativeApi,
	PluginSettingTab,
	renderClassicSettings,
	setTabIcon,
	showSettingError,
	type SettingRow,
	type SettingsItem,
	type SettingsList,
} from "./settings-compat";

type Item = SettingRow;

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
			{ type: "group", heading: "Cards", items: this.cardItems() },
			{ type: "group", heading: "Scheduling", items: this.schedulingItems() },
			{ type: "group", heading: "Review", items: this.reviewItems() },
			{ type: "group", heading: "Note review", items: this.noteReviewItems() },
			{ type: "group", heading: "Notes display", items: this.displayItems() },
			this.savedFilterList(),
			{ type: "group", heading: "Review history", items: this.historyItems() },
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

	private cardItems(): Item[] {
		const current = (): SpacedNotesSettings => this.services.settings();
		return [
			{
				name: "Flashcard tags",
				desc: "Notes with one of these tags (or a nested tag) hold cards; nested tags are decks. Separate with commas.",
				control: { type: "text", key: "flashcardTags", placeholder: "#flashcards", validate: (v) => validateControl("flashcardTags", v) },
			},
			{
				name: "Tags to ignore",
				desc: "Notes with one of these tags are skipped. Separate with commas.",
				control: { type: "text", key: "ignoredTags", placeholder: "#draft", validate: (v) => validateControl("ignoredTags", v) },
			},
			{
				name: "Folders to ignore",
				desc: "One folder or glob pattern per line, e.g. templates/**.",
				control: { type: "textarea", key: "ignoredFolders", rows: 3, validate: (v) => validateControl("ignoredFolders", v) },
			},
			{
				name: "Folders as decks",
				desc: "A note in a folder puts its cards in the deck named by the folder's path, with or without a flashcard tag.",
				control: { type: "toggle", key: "foldersAsDecks" },
			},
			{ name: "Highlight clozes", desc: "Turn ==highlighted== text into cloze deletions.", control: { type: "toggle", key: CLOZE_KEYS.highlight } },
			{ name: "Bold clozes", desc: "Turn **bold** text into cloze deletions.", control: { type: "toggle", key: CLOZE_KEYS.bold } },
			{ name: "Curly bracket clozes", desc: "Turn {{text}} into cloze deletions.", control: { type: "toggle", key: CLOZE_KEYS.curly } },
			{
				name: "Cloze patterns",
				desc: "One pattern per line, in the Spaced Repetition plugin's syntax: the word answer marks the hidden text, [123;;] the group number, [;;hint] the hint. The toggles above add or remove their pattern.",
				control: { type: "textarea", key: "clozePatterns", rows: 3, validate: (v) => validateControl("clozePatterns", v) },
			},
			{
				name: "Single-line card separator",
				desc: "Splits a question from its answer on one line, e.g. ::. Leave empty for no such cards.",
				control: { type: "text", key: "singleLineSeparator", placeholder: "::", validate: (v) => validateControl("singleLineSeparator", v, current()) },
			},
			{
				name: "Single-line reversed card separator",
				desc: "The same for cards reviewed both ways, e.g. :::. The longer separator is looked for first.",
				control: {
					type: "text",
					key: "singleLineReversedSeparator",
					placeholder: ":::",
					validate: (v) => validateControl("singleLineReversedSeparator", v, current()),
				},
			},
			{
				name: "Multi-line card separator",
				desc: "A line holding only this splits a question from its answer, e.g. ?.",
				control: { type: "text", key: "multiLineSeparator", placeholder: "?", validate: (v) => validateControl("multiLineSeparator", v, current()) },
			},
			{
				name: "Multi-line reversed card separator",
				desc: "The same for cards reviewed both ways, e.g. ??.",
				control: {
					type: "text",
					key: "multiLineReversedSeparator",
					placeholder: "??",
					validate: (v) => validateControl("multiLineReversedSeparator", v, current()),
				},
			},
			{
				name: "Multi-line card end marker",
				desc: "A line that ends a multi-line card, e.g. +++. Leave empty to end cards at a blank line.",
				control: { type: "text", key: "endMarker", placeholder: "+++", validate: (v) => validateControl("endMarker", v, current()) },
			},
			{
				name: "Scheduling comment placement",
				desc: "Where a card's first scheduling comment is written. Automatic: at the end of the card's line in lists, callouts and indented lines, where the Spaced Repetition plugin reads it, and on the next line elsewhere.",
				control: {
					type: "dropdown",
					key: "commentPlacement",
					options: { auto: "Automatic", "next-line": "On the next line", "same-line": "On the same line" },
				},
			},
		];
	}

	private schedulingItems(): Item[] {
		const fsrs = (): boolean => this.services.settings().algorithm === "fsrs";
		const sm2 = (): boolean => !fsrs();
		return [
			{
				name: "Algorithm",
				desc: "FSRS adapts to your memory; SM-2 is the classic algorithm of the Spaced Repetition plugin.",
				control: { type: "dropdown", key: "algorithm", options: { fsrs: "FSRS", sm2: "SM-2" } },
			},
			{
				name: "Desired retention",
				desc: "The chance of recalling a card when it is due, from 0.7 to 0.99.",
				visible: fsrs,
				control: { type: "number", key: "desiredRetention", min: 0.7, max: 0.99, step: 0.01, validate: (v) => validateControl("desiredRetention", v) },
			},
			{
				name: "Personal parameters",
				desc: "Fit FSRS to your review history: shows how well the current and the new parameters predict your answers before anything is applied.",
				visible: () => fsrs() && this.services.readLog !== undefined,
				action: () => this.openOptimizer(),
			},
			{
				name: "Deck presets",
				desc: "Give a deck and its sub-decks their own desired retention, steps or personal parameters.",
				visible: fsrs,
				action: () =>
					void import("./optimize/deck-presets-modal").then(({ DeckPresetsModal }) => new DeckPresetsModal(this.services.app, this.services).open()),
			},
			{
				name: "Maximum interval",
				desc: "Longest time between reviews, in days.",
				control: { type: "number", key: "maximumInterval", min: 1, max: 36500, step: 1, validate: (v) => validateControl("maximumInterval", v) },
			},
			{
				name: "Learning steps",
				desc: "Steps of a new card, e.g. 1m, 10m (units m, h, d). Separate with commas.",
				visible: fsrs,
				control: { type: "text", key: "learningSteps", placeholder: "1m, 10m", validate: (v) => validateControl("learningSteps", v) },
			},
			{
				name: "Relearning steps",
				desc: "Steps after a forgotten card, e.g. 10m.",
				visible: fsrs,
				control: { type: "text", key: "relearningSteps", placeholder: "10m", validate: (v) => validateControl("relearningSteps", v) },
			},
			{
				name: "Fuzz",
				desc: "Spread due dates a little so cards learnt together do not stay together.",
				visible: fsrs,
				control: { type: "toggle", key: "fuzz" },
			},
			{
				name: "Next day starts at",
				desc: "Hour (0–23) at which a new review day begins.",
				control: { type: "number", key: "nextDayStartsAt", min: 0, max: 23, step: 1, validate: (v) => validateControl("nextDayStartsAt", v) },
			},
			{
				name: "New cards per day",
				desc: "Per deck.",
				control: { type: "number", key: "newPerDay", min: 0, step: 1, validate: (v) => validateControl("newPerDay", v) },
			},
			{
				name: "Reviews per day",
				desc: "Per deck.",
				control: { type: "number", key: "reviewsPerDay", min: 0, step: 1, validate: (v) => validateControl("reviewsPerDay", v) },
			},
			{
				name: "Bury siblings",
				desc: "Show only one side of a reversed card or one cloze of a note per day.",
				control: { type: "toggle", key: "burySiblings" },
			},
			{
				name: "Leech threshold",
				desc: "A card forgotten this many times is a leech.",
				control: { type: "number", key: "leechThreshold", min: 1, step: 1, validate: (v) => validateControl("leechThreshold", v) },
			},
			{
				name: "Leeches",
				desc: "What happens to a card when it becomes a leech.",
				control: { type: "dropdown", key: "leechAction", options: { suspend: "Suspend it", mark: "Only mark it" } },
			},
			{
				name: "Base ease",
				desc: "Starting ease of a card, in percent (at least 130).",
				visible: sm2,
				control: { type: "number", key: "baseEase", min: 130, step: 1, validate: (v) => validateControl("baseEase", v) },
			},
			{
				name: "Easy bonus",
				desc: "Extra factor on the interval when you answer easy.",
				visible: sm2,
				control: { type: "number", key: "easyBonus", min: 1, max: 5, step: 0.05, validate: (v) => validateControl("easyBonus", v) },
			},
			{
				name: "Lapse factor",
				desc: "Factor on the interval when you answer hard.",
				visible: sm2,
				control: { type: "number", key: "lapseFactor", min: 0.1, max: 1, step: 0.05, validate: (v) => validateControl("lapseFactor", v) },
			},
			{
				name: "Load balance",
				desc: "Move due dates by a day or two to even out daily reviews.",
				visible: sm2,
				control: { type: "toggle", key: "loadBalance" },
			},
		];
	}

	private reviewItems(): Item[] {
		return [
			{
				name: "Review in",
				desc: "Open reviews in a modal or in a tab.",
				control: { type: "dropdown", key: "reviewIn", options: { modal: "Modal", tab: "Tab" } },
			},
			{
				name: "Review window size",
				desc: "The review modal's size on a computer. It keeps this size for every card, so the buttons stay in place.",
				control: { type: "dropdown", key: "reviewModalSize", options: { small: "Small", medium: "Medium", large: "Large" } },
			},
			{
				name: "Review keys",
				desc: "Anki's keys (1–4, space, Z or U to undo), or those of the Spaced Repetition plugin.",
				control: { type: "dropdown", key: "keyMap", options: { anki: "Anki", "spaced-repetition": "Spaced Repetition plugin" } },
			},
			{
				name: "Show intervals on buttons",
				desc: "Show the next interval on each answer button.",
				control: { type: "toggle", key: "showIntervalsOnButtons" },
			},
		];
	}

	/** Reviewing whole notes (docs/scheduling.md, "Note review"). */
	private noteReviewItems(): Item[] {
		return [
			{
				name: "Tags of notes to review",
				desc: "A note with one of these tags (or a sub-tag) comes back on a schedule as a whole; each tag is a deck. Leave empty to review no notes by tag.",
				control: { type: "text", key: "noteReviewTags", placeholder: "#review", validate: (v) => validateControl("noteReviewTags", v) },
			},
			{
				name: "Folders of notes to review",
				desc: "Every note in these folders is reviewed as a whole; one folder or glob pattern per line.",
				control: { type: "textarea", key: "noteReviewFolders", rows: 2, validate: (v) => validateControl("noteReviewFolders", v) },
			},
			{
				name: "Open the next note after rating",
				desc: "After rating a note, open the next one to review.",
				control: { type: "toggle", key: "noteAutoNext" },
			},
			{
				name: "Open a random note",
				desc: "Open a random due note instead of the first by due day and link rank.",
				control: { type: "toggle", key: "noteOpenRandom" },
			},
			{
				name: "Days ahead in the queue",
				desc: "How many days ahead the list of notes to review shows.",
				control: { type: "number", key: "noteQueueMaxDays", min: 0, max: 36500, step: 1, validate: (v) => validateControl("noteQueueMaxDays", v) },
			},
			{
				name: "Bury a reviewed note's cards",
				desc: "After a note was reviewed today, its flashcards wait until tomorrow.",
				control: { type: "toggle", key: "noteBuryCards" },
			},
			{
				name: "Weight of linked notes",
				desc: "How much the eases of linked notes count in a new note's first ease (0 to 1).",
				control: { type: "number", key: "maxLinkFactor", min: 0, max: 1, step: 0.1, validate: (v) => validateControl("maxLinkFactor", v) },
			},
		];
	}

	private displayItems(): Item[] {
		return [
			{
				name: "Dockerfile panel",
				desc: "Show the analysis panel below Dockerfile code blocks in reading view.",
				control: { type: "toggle", key: "dockerPanel" },
			},
			{ name: "Dockerfile panel in live preview", desc: "Also show it while editing.", control: { type: "toggle", key: "dockerPanelInLivePreview" } },
			{
				name: "Scheduling comments",
				desc: "How scheduling comments look in your notes.",
				control: { type: "dropdown", key: "commentDisplay", options: { chip: "As a small chip", hidden: "Hidden", raw: "As written" } },
			},
		];
	}

	private historyItems(): Item[] {
		const id = this.services.deviceId();
		return [
			{
				name: "This device",
				desc: `Answers given here are logged to logs/${id}.jsonl in the plugin's folder. The id stays on this device (it is not synced), so two devices never write the same file.`,
			},
		];
	}

	private savedFilterList(): SettingsList {
		const filters = this.services.settings().savedFilters;
		return {
			type: "list",
			heading: "Saved filters",
			cls: "sn-settings-filters",
			emptyState: "No saved filters. A filter such as “#flashcards/docker due, #k8s new” appears beside the decks.",
			items: filters.map((_filter, index) => ({ name: `Filter ${index + 1}`, render: (setting: Setting) => this.renderFilter(setting, index) })),
			onDelete: (index) => void this.saveFilters(filters.filter((_f, i) => i !== index)).then(() => this.rebuild()),
			addItem: {
				name: "Add filter",
				action: () => {
					const tag = this.services.settings().flashcardTags[0] ?? "#flashcards";
					void this.saveFilters([...this.services.settings().savedFilters, { name: "New filter", expression: `${tag} due` }]).then(() =>
						this.rebuild(),
					);
				},
			},
		};
	}

	/** One saved filter: its name and its expression, with the parse error under it. */
	renderFilter(setting: Setting, index: number): void {
		const current = this.services.settings().savedFilters[index];
		if (!current) return;
		setting.setClass("sn-settings-filter");
		const showError = (expression: string): void => {
			const parsed = parseFilter(expression);
			showSettingError(setting, parsed.ok ? null : parsed.error);
		};
		setting.addText((text) => {
			text.setPlaceholder("Name").setValue(current.name);
			text.inputEl.addClass("sn-settings-filter-name");
			text.onChange((name) => void this.changeFilter(index, { name }));
		});
		setting.addText((text) => {
			text.setPlaceholder("Tags and status words").setValue(current.expression);
			text.inputEl.addClass("sn-settings-filter-expression");
			text.onChange((expression) => {
				showError(expression);
				void this.changeFilter(index, { expression });
			});
		});
		showError(current.expression);
	}

	private async changeFilter(index: number, change: Partial<{ name: string; expression: string }>): Promise<void> {
		const filters = this.services.settings().savedFilters.map((filter, i) => (i === index ? { ...filter, ...change } : filter));
		await this.saveFilters(filters);
	}

	private async saveFilters(savedFilters: { name: string; expression: string }[]): Promise<void> {
		await this.services.updateSettings({ savedFilters });
	}
}
