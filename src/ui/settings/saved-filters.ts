/**
 * The "Saved filters" list of the settings: one row per filter (its name and its expression,
 * with the parse error under it), a button to add one and a delete on each.
 */
import type { Setting } from "obsidian";
import { parseFilter } from "../../decks/filter";
import type { PluginServices } from "../services";
import { showSettingError, type SettingsList } from "../settings-compat";

type SavedFilter = { name: string; expression: string };

/** The list; `rebuild` builds the tab again after a filter was added or deleted. */
export function savedFilterList(services: PluginServices, rebuild: () => void): SettingsList {
	const filters = services.settings().savedFilters;
	return {
		type: "list",
		heading: "Saved filters",
		cls: "sn-settings-filters",
		emptyState: "No saved filters. A filter such as “#flashcards/docker due, #k8s new” appears beside the decks.",
		items: filters.map((_filter, index) => ({ name: `Filter ${index + 1}`, render: (setting: Setting) => renderSavedFilter(setting, index, services) })),
		onDelete: (index) =>
			void saveFilters(
				services,
				filters.filter((_f, i) => i !== index),
			).then(() => rebuild()),
		addItem: {
			name: "Add filter",
			action: () => {
				const tag = services.settings().flashcardTags[0] ?? "#flashcards";
				void saveFilters(services, [...services.settings().savedFilters, { name: "New filter", expression: `${tag} due` }]).then(() => rebuild());
			},
		},
	};
}

/** One saved filter: its name and its expression, with the parse error under it. */
export function renderSavedFilter(setting: Setting, index: number, services: PluginServices): void {
	const current = services.settings().savedFilters[index];
	if (!current) return;
	setting.setClass("sn-settings-filter");
	const showError = (expression: string): void => {
		const parsed = parseFilter(expression);
		showSettingError(setting, parsed.ok ? null : parsed.error);
	};
	setting.addText((text) => {
		text.setPlaceholder("Name").setValue(current.name);
		text.inputEl.addClass("sn-settings-filter-name");
		text.onChange((name) => void changeFilter(services, index, { name }));
	});
	setting.addText((text) => {
		text.setPlaceholder("Tags and status words").setValue(current.expression);
		text.inputEl.addClass("sn-settings-filter-expression");
		text.onChange((expression) => {
			showError(expression);
			void changeFilter(services, index, { expression });
		});
	});
	showError(current.expression);
}

async function changeFilter(services: PluginServices, index: number, change: Partial<SavedFilter>): Promise<void> {
	const filters = services.settings().savedFilters.map((filter, i) => (i === index ? { ...filter, ...change } : filter));
	await saveFilters(services, filters);
}

async function saveFilters(services: PluginServices, savedFilters: SavedFilter[]): Promise<void> {
	await services.updateSettings({ savedFilters });
}
