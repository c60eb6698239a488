/**
 * The settings tab on every supported Obsidian version. Obsidian 1.13 renders a tab from a list
 * of setting definitions; older versions call `display()`, which here renders the same list
 * with the classic `Setting` rows. Which one the running app offers is found out at run time,
 * from the API itself.
 *
 * The definition types below are our own subset of Obsidian 1.13's (`SettingDefinitionItem`
 * and friends), declared locally so that src/ also type-checks against older typings. With the
 * current typings, `getSettingDefinitions()` returning them proves they still fit Obsidian's.
 */
import { PluginSettingTab as ObsidianPluginSettingTab, Setting, type App, type Plugin } from "obsidian";

interface ControlBase<V> {
	/** Passed to the tab's getControlValue / setControlValue. */
	key: string;
	/** The message to show under a value that must not be saved, or undefined when it may. */
	validate?: (value: V) => string | undefined;
}
interface TextControl extends ControlBase<string> {
	type: "text";
	placeholder?: string;
}
interface TextAreaControl extends ControlBase<string> {
	type: "textarea";
	placeholder?: string;
	rows?: number;
}
interface NumberControl extends ControlBase<number> {
	type: "number";
	min?: number;
	max?: number;
	step?: number;
}
interface ToggleControl extends ControlBase<boolean> {
	type: "toggle";
}
interface DropdownControl extends ControlBase<string> {
	type: "dropdown";
	options: Record<string, string>;
}
type SettingControl = TextControl | TextAreaControl | NumberControl | ToggleControl | DropdownControl;

type Visible = boolean | (() => boolean);
interface RowBase {
	name: string;
	desc?: string;
	visible?: Visible;
}
/** A row with a control bound to a key. */
interface ControlRow extends RowBase {
	control: SettingControl;
	action?: never;
	render?: never;
}
/** A row that runs something when chosen. */
interface ActionRow extends RowBase {
	action: (el: HTMLElement) => void;
	control?: never;
	render?: never;
}
/** A row filled in by code. */
interface RenderRow extends RowBase {
	render: (setting: Setting) => void;
	control?: never;
	action?: never;
}
/** A row with a name and a description only. */
interface InfoRow extends RowBase {
	control?: never;
	action?: never;
	render?: never;
}
export type SettingRow = ControlRow | ActionRow | RenderRow | InfoRow;

/** Settings under a heading. */
interface SettingsGroup {
	type: "group";
	heading: string;
	cls?: string;
	visible?: Visible;
	items: SettingRow[];
}
/** Entries the user adds and deletes. */
export interface SettingsList {
	type: "list";
	heading: string;
	cls?: string;
	visible?: Visible;
	emptyState?: string;
	items: RenderRow[];
	onDelete?: (index: number) => void;
	addItem?: { name: string; action: (el: HTMLElement) => void };
}
export type SettingsItem = SettingsGroup | SettingsList;

/** What Obsidian 1.13 calls on a tab that declares its settings. */
interface DeclarativeHooks {
	getSettingDefinitions?(): SettingsItem[];
	getControlValue?(key: string): unknown;
	setControlValue?(key: string, value: unknown): void | Promise<void>;
}

/**
 * Obsidian's `PluginSettingTab`, typed with the hooks of 1.13 as optional members, so a
 * subclass can implement them whichever typings it is checked against.
 */
export const PluginSettingTab = ObsidianPluginSettingTab as unknown as abstract new (app: App, plugin: Plugin) => ObsidianPluginSettingTab & DeclarativeHooks;

/** What a tab calls on Obsidian 1.13 to show changes. */
export interface DeclarativeTabApi {
	/** Builds the tab again from getSettingDefinitions(). */
	update(): void;
	/** Applies `visible` again without building the tab again. */
	refreshDomState(): void;
}

/**
 * The tab's declarative API when the running Obsidian has one, else undefined: looked up on
 * Obsidian's own `PluginSettingTab` prototype, since a subclass implements some of it itself.
 */
export function declarativeApi(tab: object): DeclarativeTabApi | undefined {
	const proto = ObsidianPluginSettingTab.prototype as unknown as Partial<Record<keyof DeclarativeTabApi | "getSettingDefinitions", unknown>>;
	const present = typeof proto.getSettingDefinitions === "function" && typeof proto.update === "function" && typeof proto.refreshDomState === "function";
	return present ? (tab as DeclarativeTabApi) : undefined;
}

/** Sets the tab's icon in the settings sidebar (Obsidian 1.11+; older versions ignore it). */
export function setTabIcon(tab: object, icon: string): void {
	(tab as { icon?: string }).icon = icon;
}

/**
 * Shows `message` under the setting, or clears it with null: with `Setting#setErrorMessage`
 * where the running Obsidian has it (1.13+), else in an element of our own.
 */
export function showSettingError(setting: Setting, message: string | null): void {
	const modern = setting as unknown as { setErrorMessage?: (message: string | null) => unknown };
	if (typeof modern.setErrorMessage === "function") {
		modern.setErrorMessage(message);
		return;
	}
	let errorEl = setting.infoEl.querySelector<HTMLElement>(".sn-setting-error");
	if (message === null || message === "") {
		errorEl?.remove();
		setting.settingEl.removeClass("is-invalid");
		return;
	}
	errorEl ??= setting.infoEl.createDiv({ cls: "sn-setting-error", attr: { "aria-live": "polite" } });
	errorEl.setText(message);
	setting.settingEl.addClass("is-invalid");
}

/** Where the classic rows read and write values: the tab's own getControlValue / setControlValue. */
export interface ControlStore {
	getControlValue(key: string): unknown;
	setControlValue(key: string, value: unknown): void | Promise<void>;
}

/** A stored value as the text of its input box. */
const textOf = (value: unknown): string => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");

const isVisible = (visible: Visible | undefined): boolean => (typeof visible === "function" ? visible() : visible !== false);

/**
 * Renders the definitions with classic `Setting` rows (Obsidian before 1.13): a heading per
 * group, hidden items left out (render again after what `visible` depends on changes), and
 * each control validated like the declarative API does: a value that fails is shown with its
 * message and not saved.
 */
export function renderClassicSettings(containerEl: HTMLElement, items: readonly SettingsItem[], store: ControlStore): void {
	containerEl.empty();
	for (const item of items) {
		if (!isVisible(item.visible)) continue;
		const groupEl = containerEl.createDiv({ cls: ["sn-settings-group", ...(item.cls ? [item.cls] : [])] });
		new Setting(groupEl).setName(item.heading).setHeading();
		if (item.type === "list") renderList(groupEl, item, store);
		else for (const row of item.items) if (isVisible(row.visible)) renderRow(groupEl, row, store);
	}
}

function renderList(groupEl: HTMLElement, list: SettingsList, store: ControlStore): void {
	if (list.items.length === 0 && list.emptyState) groupEl.createDiv({ cls: ["setting-item-description", "sn-settings-empty"], text: list.emptyState });
	list.items.forEach((row, index) => {
		const setting = renderRow(groupEl, row, store);
		const onDelete = list.onDelete;
		if (onDelete)
			setting.addExtraButton((button) =>
				button
					.setIcon("trash-2")
					.setTooltip("Delete")
					.onClick(() => onDelete(index)),
			);
	});
	const addItem = list.addItem;
	if (addItem) new Setting(groupEl).addButton((button) => button.setButtonText(addItem.name).onClick(() => addItem.action(button.buttonEl)));
}

function renderRow(parent: HTMLElement, row: SettingRow, store: ControlStore): Setting {
	const setting = new Setting(parent).setName(row.name);
	if (row.desc !== undefined) setting.setDesc(row.desc);
	if (row.control) addControl(setting, row.control, store);
	else if (row.action) {
		const action = row.action;
		setting.addExtraButton((button) =>
			button
				.setIcon("chevron-right")
				.setTooltip(row.name)
				.onClick(() => action(button.extraSettingsEl)),
		);
	} else if (row.render) row.render(setting);
	return setting;
}

function addControl(setting: Setting, control: SettingControl, store: ControlStore): void {
	const current = store.getControlValue(control.key);
	/** Shows the value's error, if any; saves it when there is none. */
	const change = (value: unknown, error: string | undefined): void => {
		showSettingError(setting, error ?? null);
		if (error === undefined) void store.setControlValue(control.key, value);
	};
	switch (control.type) {
		case "toggle":
			setting.addToggle((toggle) => toggle.setValue(current === true).onChange((value) => change(value, undefined)));
			return;
		case "dropdown":
			setting.addDropdown((dropdown) =>
				dropdown
					.addOptions(control.options)
					.setValue(textOf(current))
					.onChange((value) => change(value, control.validate?.(value))),
			);
			return;
		case "text":
			setting.addText((text) => {
				text.setValue(textOf(current)).onChange((value) => change(value, control.validate?.(value)));
				if (control.placeholder !== undefined) text.setPlaceholder(control.placeholder);
			});
			break;
		case "textarea":
			setting.addTextArea((text) => {
				text.setValue(textOf(current)).onChange((value) => change(value, control.validate?.(value)));
				if (control.placeholder !== undefined) text.setPlaceholder(control.placeholder);
				if (control.rows !== undefined) text.inputEl.rows = control.rows;
			});
			break;
		case "number":
			setting.addText((text) => {
				text.inputEl.type = "number";
				if (control.min !== undefined) text.inputEl.min = String(control.min);
				if (control.max !== undefined) text.inputEl.max = String(control.max);
				if (control.step !== undefined) text.inputEl.step = String(control.step);
				text.setValue(textOf(current)).onChange((value) => {
					const number = value.trim() === "" ? Number.NaN : Number(value);
					change(number, control.validate?.(number));
				});
			});
			break;
	}
	// Like the declarative API, a stored value that fails is flagged when the row appears.
	const validate = control.validate as ((value: unknown) => string | undefined) | undefined;
	const shown = control.type === "number" ? Number(current) : textOf(current);
	showSettingError(setting, validate?.(shown) ?? null);
}
