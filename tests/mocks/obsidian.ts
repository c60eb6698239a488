/**
 * A small stand-in for the `obsidian` module (which ships only types), enough for the glue
 * and UI tests. It grows with what the plugin uses; behaviour mirrors Obsidian's where tests
 * depend on it.
 */
import { StateEffect, StateField } from "@codemirror/state";

export class Component {
	private children: Component[] = [];
	private cleanups: (() => void)[] = [];
	loaded = false;
	load(): void {
		this.loaded = true;
		this.onload();
	}
	onload(): void {}
	unload(): void {
		for (const child of this.children.splice(0)) child.unload();
		for (const fn of this.cleanups.splice(0).reverse()) fn();
		this.loaded = false;
		this.onunload();
	}
	onunload(): void {}
	addChild<T extends Component>(child: T): T {
		this.children.push(child);
		if (this.loaded) child.load();
		return child;
	}
	removeChild<T extends Component>(child: T): T {
		this.children = this.children.filter((c) => c !== child);
		child.unload();
		return child;
	}
	register(cb: () => void): void {
		this.cleanups.push(cb);
	}
	registerEvent(ref: EventRef): void {
		this.cleanups.push(() => ref.detach());
	}
	registerDomEvent(el: EventTarget, type: string, cb: EventListener): void {
		el.addEventListener(type, cb);
		this.cleanups.push(() => el.removeEventListener(type, cb));
	}
	registerInterval(id: number): number {
		this.cleanups.push(() => clearInterval(id));
		return id;
	}
}

export interface EventRef {
	detach(): void;
}

export class Events {
	private handlers = new Map<string, Set<(...args: unknown[]) => unknown>>();
	on(name: string, callback: (...args: unknown[]) => unknown): EventRef {
		const set = this.handlers.get(name) ?? new Set();
		set.add(callback);
		this.handlers.set(name, set);
		return { detach: () => set.delete(callback) };
	}
	offref(ref: EventRef): void {
		ref.detach();
	}
	trigger(name: string, ...args: unknown[]): void {
		for (const cb of [...(this.handlers.get(name) ?? [])]) cb(...args);
	}
	listenerCount(name: string): number {
		return this.handlers.get(name)?.size ?? 0;
	}
}

export class Plugin extends Component {
	app: unknown;
	manifest: unknown;
	private data: unknown = null;
	constructor(app?: unknown, manifest?: unknown) {
		super();
		this.app = app;
		this.manifest = manifest;
	}
	async loadData(): Promise<unknown> {
		return this.data;
	}
	async saveData(data: unknown): Promise<void> {
		this.data = structuredClone(data);
	}
	statusBarItems: MockElement[] = [];
	/** Like Obsidian, the item is removed when the plugin unloads. */
	addStatusBarItem(): MockElement {
		const el = new MockElement();
		this.statusBarItems.push(el);
		this.register(() => el.remove());
		return el;
	}
	/** Commands, ribbon icons, views and setting tabs the plugin registered (for tests). */
	commands: Command[] = [];
	ribbonIcons: { icon: string; title: string; callback: (evt: MouseEvent) => unknown }[] = [];
	viewFactories = new Map<string, (leaf: WorkspaceLeaf) => unknown>();
	settingTabs: unknown[] = [];
	addCommand(command: Command): Command {
		this.commands.push(command);
		return command;
	}
	addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => unknown): MockElement {
		this.ribbonIcons.push({ icon, title, callback });
		const el = new MockElement();
		this.register(() => el.remove());
		return el;
	}
	registerView(type: string, factory: (leaf: WorkspaceLeaf) => unknown): void {
		this.viewFactories.set(type, factory);
	}
	addSettingTab(tab: unknown): void {
		this.settingTabs.push(tab);
	}
	/** Post-processors and editor extensions registered (for tests); dropped on unload like Obsidian does. */
	postProcessors: unknown[] = [];
	editorExtensions: unknown[] = [];
	registerMarkdownPostProcessor(processor: unknown): unknown {
		this.postProcessors.push(processor);
		this.register(() => (this.postProcessors = this.postProcessors.filter((p) => p !== processor)));
		return processor;
	}
	registerEditorExtension(extension: unknown): void {
		this.editorExtensions.push(extension);
		this.register(() => (this.editorExtensions = this.editorExtensions.filter((e) => e !== extension)));
	}
}

export interface Command {
	id: string;
	name: string;
	icon?: string;
	hotkeys?: unknown[];
	callback?: () => unknown;
	checkCallback?: (checking: boolean) => boolean | void;
	editorCallback?: (...args: unknown[]) => unknown;
}

// --- Vault, metadata cache, workspace (added for the vault index glue) ---

export abstract class TAbstractFile {
	path: string;
	name: string;
	parent: TFolder | null = null;
	constructor(path: string) {
		this.path = path;
		this.name = path.split("/").pop() ?? path;
	}
}

export class TFile extends TAbstractFile {
	basename: string;
	extension: string;
	stat = { ctime: 0, mtime: 0, size: 0 };
	constructor(path: string) {
		super(path);
		const dot = this.name.lastIndexOf(".");
		this.basename = dot > 0 ? this.name.slice(0, dot) : this.name;
		this.extension = dot > 0 ? this.name.slice(dot + 1) : "";
	}
}

export class TFolder extends TAbstractFile {
	children: TAbstractFile[] = [];
}

/** A cached metadata entry; the mock only fills `tags` and `frontmatter.tags`. */
export interface CachedMetadata {
	tags?: { tag: string; position?: unknown }[];
	frontmatter?: Record<string, unknown>;
}

/** An in-memory vault: `files` maps paths to contents; tests fire events with `trigger`. */
/** Raw file access below the vault (config folder files); tests fill `files`. */
export class DataAdapter {
	files = new Map<string, string>();
	async exists(path: string): Promise<boolean> {
		return this.files.has(path);
	}
	async read(path: string): Promise<string> {
		const text = this.files.get(path);
		if (text === undefined) throw new Error(`ENOENT: ${path}`);
		return text;
	}
	async write(path: string, data: string): Promise<void> {
		this.files.set(path, data);
	}
}

export class Vault extends Events {
	/** `bytes`: the file's bytes when they are not the UTF-8 encoding of `text` (see `putBinary`). */
	files = new Map<string, { file: TFile; text: string; bytes?: Uint8Array }>();
	configDir = ".obsidian";
	adapter = new DataAdapter();
	reads = 0;
	/** Adds or replaces a file's text without firing events (test setup). */
	put(path: string, text: string): TFile {
		const existing = this.files.get(path);
		const file = existing?.file ?? new TFile(path);
		this.files.set(path, { file, text });
		return file;
	}
	/** Adds a file from its bytes; `text` is what Obsidian shows: a lossy UTF-8 decoding (test setup). */
	putBinary(path: string, bytes: Uint8Array): TFile {
		const file = this.put(path, new TextDecoder().decode(bytes));
		const entry = this.files.get(path);
		if (entry) entry.bytes = bytes.slice();
		return file;
	}
	/** The file's bytes on "disk". */
	binaryOf(path: string): Uint8Array | undefined {
		const entry = this.files.get(path);
		return entry ? (entry.bytes ?? new TextEncoder().encode(entry.text)) : undefined;
	}
	async readBinary(file: TFile): Promise<ArrayBuffer> {
		const bytes = this.binaryOf(file.path);
		if (!bytes) throw new Error(`ENOENT: ${file.path}`);
		return bytes.slice().buffer;
	}
	getMarkdownFiles(): TFile[] {
		return [...this.files.values()].map((entry) => entry.file).filter((file) => file.extension === "md");
	}
	getAbstractFileByPath(path: string): TAbstractFile | null {
		return this.files.get(path)?.file ?? null;
	}
	getFileByPath(path: string): TFile | null {
		return this.files.get(path)?.file ?? null;
	}
	async cachedRead(file: TFile): Promise<string> {
		this.reads++;
		const entry = this.files.get(file.path);
		if (!entry) throw new Error(`ENOENT: ${file.path}`);
		return entry.text;
	}
	async read(file: TFile): Promise<string> {
		return this.cachedRead(file);
	}
	/** Folders made with `createFolder` (test inspection). */
	folders = new Set<string>();
	async createFolder(path: string): Promise<void> {
		if (this.folders.has(path)) throw new Error(`Folder already exists: ${path}`);
		this.folders.add(path);
	}
	async create(path: string, text: string): Promise<TFile> {
		if (this.files.has(path)) throw new Error(`File already exists: ${path}`);
		return this.put(path, text);
	}
	async process(file: TFile, fn: (data: string) => string): Promise<string> {
		const entry = this.files.get(file.path);
		if (!entry) throw new Error(`ENOENT: ${file.path}`);
		const text = fn(entry.text);
		if (text !== entry.text) {
			entry.text = text;
			delete entry.bytes;
		}
		return entry.text;
	}
}

/** Metadata per path; tests set entries with `set` and fire `changed` with `trigger`. */
export class MetadataCache extends Events {
	caches = new Map<string, CachedMetadata>();
	/** Links between notes as Obsidian resolves them: source path → target path → count (note review). */
	resolvedLinks: Record<string, Record<string, number>> = {};
	set(path: string, cache: CachedMetadata): void {
		this.caches.set(path, cache);
	}
	getFileCache(file: TFile): CachedMetadata | null {
		return this.caches.get(file.path) ?? null;
	}
}

/** Tags of a cache entry, frontmatter first, each with `#`, as Obsidian's `getAllTags`. */
export function getAllTags(cache: CachedMetadata): string[] | null {
	const result: string[] = [];
	const front = cache.frontmatter?.tags ?? cache.frontmatter?.tag;
	const list = Array.isArray(front) ? front : typeof front === "string" ? front.split(/[\s,]+/) : [];
	for (const tag of list) if (typeof tag === "string" && tag.length > 0) result.push(tag.startsWith("#") ? tag : `#${tag}`);
	for (const entry of cache.tags ?? []) result.push(entry.tag);
	return result;
}

export class Workspace extends Events {
	layoutReady = false;
	private readyCallbacks: (() => unknown)[] = [];
	onLayoutReady(callback: () => unknown): void {
		if (this.layoutReady) callback();
		else this.readyCallbacks.push(callback);
	}
	/** Test helper: the layout becomes ready. */
	ready(): void {
		this.layoutReady = true;
		for (const cb of this.readyCallbacks.splice(0)) cb();
	}
	/** How often editors were asked to reconfigure (settings that change what they draw). */
	optionUpdates = 0;
	updateOptions(): void {
		this.optionUpdates++;
	}
	activeFile: TFile | null = null;
	getActiveFile(): TFile | null {
		return this.activeFile;
	}
	/** Leaves opened through getRightLeaf / getLeaf (tests inspect their view state). */
	leaves: WorkspaceLeaf[] = [];
	revealed: WorkspaceLeaf[] = [];
	getLeavesOfType(type: string): WorkspaceLeaf[] {
		return this.leaves.filter((leaf) => leaf.viewState?.type === type);
	}
	getRightLeaf(_split: boolean): WorkspaceLeaf {
		const leaf = new WorkspaceLeaf();
		this.leaves.push(leaf);
		return leaf;
	}
	async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
		this.revealed.push(leaf);
	}
	/** A new leaf each call (added for the review's "open in note"); tests read `leaves`. */
	getLeaf(_newLeaf?: boolean | string): WorkspaceLeaf {
		const leaf = new WorkspaceLeaf();
		this.leaves.push(leaf);
		return leaf;
	}
}

export class App {
	/** The app's root key scope (modals and views chain theirs to it). */
	scope = new Scope();
	vault = new Vault();
	metadataCache = new MetadataCache();
	workspace = new Workspace();
	/** Per-vault local storage (not synced), as `App.loadLocalStorage` / `saveLocalStorage`. */
	localStorage = new Map<string, unknown>();
	loadLocalStorage(key: string): unknown {
		return this.localStorage.get(key) ?? null;
	}
	saveLocalStorage(key: string, data: unknown): void {
		if (data === null) this.localStorage.delete(key);
		else this.localStorage.set(key, data);
	}
}

/** Obsidian's path clean-up: `/` separators, no doubled, leading or trailing `/`. */
export function normalizePath(path: string): string {
	const cleaned = path.replace(/[\\/]+/g, "/").replace(/^\/+|\/+$/g, "");
	return cleaned === "" ? "/" : cleaned.normalize("NFC");
}

// --- Views (added for the statistics view) ---

export class WorkspaceLeaf {
	view: unknown = null;
	viewState: { type: string; active?: boolean; state?: unknown } | null = null;
	constructor(public app: App = new App()) {}
	async setViewState(state: { type: string; active?: boolean; state?: unknown }): Promise<void> {
		this.viewState = state;
	}
	/** Files opened in this leaf with their open state (e.g. `{ eState: { line } }`). */
	opened: { file: TFile; state?: { eState?: Record<string, unknown>; active?: boolean } }[] = [];
	async openFile(file: TFile, state?: { eState?: Record<string, unknown>; active?: boolean }): Promise<void> {
		this.opened.push({ file, state });
	}
	detached = false;
	detach(): void {
		this.detached = true;
	}
}

/** A view's container: a header and `contentEl` (jsdom tests, after `installObsidianDom()`). */
export abstract class ItemView extends Component {
	app: App;
	containerEl: HTMLElement;
	contentEl: HTMLElement;
	constructor(public leaf: WorkspaceLeaf) {
		super();
		this.app = leaf.app;
		this.containerEl = createDiv();
		this.containerEl.createDiv("view-header");
		this.contentEl = this.containerEl.createDiv("view-content");
	}
	abstract getViewType(): string;
	abstract getDisplayText(): string;
	getIcon(): string {
		return "document";
	}
	scope: Scope | null = null;
	getState(): Record<string, unknown> {
		return {};
	}
	async setState(_state: unknown, _result: unknown): Promise<void> {}
	async onOpen(): Promise<void> {}
	async onClose(): Promise<void> {}
}

export const Platform = { isDesktop: true, isMobile: false, isDesktopApp: true, isMobileApp: false };

/** A stand-in for the status bar's HTMLElement with Obsidian's helpers the plugin uses. */
export class MockElement {
	text = "";
	classes = new Set<string>();
	attributes = new Map<string, string>();
	removed = false;
	setText(text: string): void {
		this.text = text;
	}
	addClass(...names: string[]): void {
		for (const name of names) this.classes.add(name);
	}
	setAttr(name: string, value: string): void {
		this.attributes.set(name, value);
	}
	remove(): void {
		this.removed = true;
	}
	/** Click listeners (the note review count opens the next note); tests call `click`. */
	private listeners: (() => unknown)[] = [];
	addEventListener(type: string, listener: () => unknown): void {
		if (type === "click") this.listeners.push(listener);
	}
	removeEventListener(type: string, listener: () => unknown): void {
		this.listeners = this.listeners.filter((l) => l !== listener);
	}
	click(): void {
		for (const listener of [...this.listeners]) listener();
	}
}

/** Tests switch Live Preview on or off with this effect (or `editorLivePreviewField.init`). */
export const setEditorLivePreview = StateEffect.define<boolean>();

/** Obsidian's "is this editor in Live Preview" field; false (source mode) unless a test sets it. */
export const editorLivePreviewField = StateField.define<boolean>({
	create: () => false,
	update: (value, tr) => {
		for (const effect of tr.effects) if (effect.is(setEditorLivePreview)) return effect.value;
		return value;
	},
});

// --- Modals, notices, icons, setting tabs (added for the deck list, commands and settings) ---

/** Records the icon name on the element (jsdom tests). */
export function setIcon(el: HTMLElement, icon: string): void {
	el.setAttribute("data-icon", icon);
}

/** Notices shown so far (tests read and clear it). */
export const notices: string[] = [];
export class Notice {
	constructor(message: string | DocumentFragment) {
		notices.push(typeof message === "string" ? message : (message.textContent ?? ""));
	}
	hide(): void {}
}

/** A modal: `open()` builds nothing on screen but runs `onOpen`; `close()` runs `onClose`. */
export class Modal {
	containerEl: HTMLElement;
	modalEl: HTMLElement;
	titleEl: HTMLElement;
	contentEl: HTMLElement;
	isOpen = false;
	scope: Scope;
	constructor(public app: App) {
		this.scope = new Scope(app.scope);
		// As Obsidian does: Escape on the modal's scope closes it (through close(), which may be overridden).
		this.scope.register([], "Escape", () => {
			this.close();
			return false;
		});
		this.containerEl = createDiv("modal-container");
		this.modalEl = this.containerEl.createDiv("modal");
		this.titleEl = this.modalEl.createDiv("modal-title");
		this.contentEl = this.modalEl.createDiv("modal-content");
	}
	open(): void {
		this.isOpen = true;
		document.body.appendChild(this.containerEl);
		this.onOpen();
	}
	close(): void {
		if (!this.isOpen) return;
		this.isOpen = false;
		this.containerEl.remove();
		this.onClose();
	}
	setTitle(title: string): this {
		this.titleEl.textContent = title;
		return this;
	}
	onOpen(): void {}
	onClose(): void {}
}

export interface FuzzyMatch<T> {
	item: T;
	match: { score: number; matches: [number, number][] };
}

/** A fuzzy picker; tests call `getItems`, `getItemText` and `onChooseItem` directly. */
export abstract class FuzzySuggestModal<T> extends Modal {
	placeholder = "";
	setPlaceholder(text: string): void {
		this.placeholder = text;
	}
	abstract getItems(): T[];
	abstract getItemText(item: T): string;
	abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): void;
}

/**
 * A plugin's settings tab as in Obsidian before 1.13: `display()` renders it. Tests that run
 * the plugin against an older Obsidian use this in place of PluginSettingTab (`vi.mock`).
 */
export abstract class ClassicPluginSettingTab {
	containerEl: HTMLElement;
	constructor(
		public app: App,
		public plugin: Plugin,
	) {
		this.containerEl = typeof document === "undefined" ? ({} as HTMLElement) : createDiv();
	}
	display(): void {}
	hide(): void {}
}

/** A plugin's settings tab with the declarative API of 1.13 (getSettingDefinitions) that tests call. */
export abstract class PluginSettingTab extends ClassicPluginSettingTab {
	updates = 0;
	domRefreshes = 0;
	getSettingDefinitions(): unknown[] {
		return [];
	}
	getControlValue(_key: string): unknown {
		return undefined;
	}
	setControlValue(_key: string, _value: unknown): void | Promise<void> {}
	update(): void {
		this.updates++;
	}
	refreshDomState(): void {
		this.domRefreshes++;
	}
}

/**
 * Classic setting rows (jsdom tests): Obsidian's elements and classes, components that call
 * `onChange` on the DOM events Obsidian listens to (`input` for text, `change` for dropdowns,
 * `click` for toggles and buttons). No `setErrorMessage`: that is 1.13's.
 */
export class Setting {
	settingEl: HTMLElement;
	infoEl: HTMLElement;
	nameEl: HTMLElement;
	descEl: HTMLElement;
	controlEl: HTMLElement;
	constructor(containerEl: HTMLElement) {
		this.settingEl = containerEl.createDiv("setting-item");
		this.infoEl = this.settingEl.createDiv("setting-item-info");
		this.nameEl = this.infoEl.createDiv("setting-item-name");
		this.descEl = this.infoEl.createDiv("setting-item-description");
		this.controlEl = this.settingEl.createDiv("setting-item-control");
	}
	setName(name: string): this {
		this.nameEl.setText(name);
		return this;
	}
	setDesc(desc: string): this {
		this.descEl.setText(desc);
		return this;
	}
	setClass(cls: string): this {
		this.settingEl.addClass(cls);
		return this;
	}
	setHeading(): this {
		this.settingEl.addClass("setting-item-heading");
		return this;
	}
	addToggle(cb: (component: ToggleComponent) => unknown): this {
		cb(new ToggleComponent(this.controlEl));
		return this;
	}
	addText(cb: (component: TextComponent) => unknown): this {
		cb(new TextComponent(this.controlEl));
		return this;
	}
	addTextArea(cb: (component: TextAreaComponent) => unknown): this {
		cb(new TextAreaComponent(this.controlEl));
		return this;
	}
	addDropdown(cb: (component: DropdownComponent) => unknown): this {
		cb(new DropdownComponent(this.controlEl));
		return this;
	}
	addButton(cb: (component: ButtonComponent) => unknown): this {
		cb(new ButtonComponent(this.controlEl));
		return this;
	}
	addExtraButton(cb: (component: ExtraButtonComponent) => unknown): this {
		cb(new ExtraButtonComponent(this.controlEl));
		return this;
	}
}

export class ToggleComponent {
	toggleEl: HTMLElement;
	private value = false;
	private handler: (value: boolean) => unknown = () => {};
	constructor(containerEl: HTMLElement) {
		this.toggleEl = containerEl.createDiv("checkbox-container");
		this.toggleEl.addEventListener("click", () => {
			this.setValue(!this.value);
			this.handler(this.value);
		});
	}
	getValue(): boolean {
		return this.value;
	}
	setValue(on: boolean): this {
		this.value = on;
		this.toggleEl.toggleClass("is-enabled", on);
		return this;
	}
	onChange(cb: (value: boolean) => unknown): this {
		this.handler = cb;
		return this;
	}
}

abstract class InputComponent<E extends HTMLInputElement | HTMLTextAreaElement> {
	constructor(public inputEl: E) {}
	getValue(): string {
		return this.inputEl.value;
	}
	setValue(value: string): this {
		this.inputEl.value = value;
		return this;
	}
	setPlaceholder(text: string): this {
		this.inputEl.placeholder = text;
		return this;
	}
	onChange(cb: (value: string) => unknown): this {
		this.inputEl.addEventListener("input", () => cb(this.inputEl.value));
		return this;
	}
}

export class TextComponent extends InputComponent<HTMLInputElement> {
	constructor(containerEl: HTMLElement) {
		super(containerEl.createEl("input", { type: "text" }));
	}
}

export class TextAreaComponent extends InputComponent<HTMLTextAreaElement> {
	constructor(containerEl: HTMLElement) {
		super(containerEl.createEl("textarea"));
	}
}

export class DropdownComponent {
	selectEl: HTMLSelectElement;
	constructor(containerEl: HTMLElement) {
		this.selectEl = containerEl.createEl("select", "dropdown");
	}
	addOption(value: string, display: string): this {
		this.selectEl.createEl("option", { value, text: display });
		return this;
	}
	addOptions(options: Record<string, string>): this {
		for (const [value, display] of Object.entries(options)) this.addOption(value, display);
		return this;
	}
	getValue(): string {
		return this.selectEl.value;
	}
	setValue(value: string): this {
		this.selectEl.value = value;
		return this;
	}
	onChange(cb: (value: string) => unknown): this {
		this.selectEl.addEventListener("change", () => cb(this.selectEl.value));
		return this;
	}
}

export class ButtonComponent {
	buttonEl: HTMLButtonElement;
	constructor(containerEl: HTMLElement) {
		this.buttonEl = containerEl.createEl("button");
	}
	setButtonText(text: string): this {
		this.buttonEl.setText(text);
		return this;
	}
	setCta(): this {
		this.buttonEl.addClass("mod-cta");
		return this;
	}
	onClick(cb: (evt: MouseEvent) => unknown): this {
		this.buttonEl.addEventListener("click", cb);
		return this;
	}
}

export class ExtraButtonComponent {
	extraSettingsEl: HTMLElement;
	constructor(containerEl: HTMLElement) {
		this.extraSettingsEl = containerEl.createDiv({ cls: "clickable-icon extra-setting-button", attr: { role: "button" } });
	}
	setIcon(icon: string): this {
		setIcon(this.extraSettingsEl, icon);
		return this;
	}
	setTooltip(tooltip: string): this {
		this.extraSettingsEl.setAttr("aria-label", tooltip);
		return this;
	}
	onClick(cb: () => unknown): this {
		this.extraSettingsEl.addEventListener("click", () => cb());
		return this;
	}
}

/** Obsidian's "which file is this editor showing" field; no file unless a test sets one with `.init`. */
export const editorInfoField = StateField.define<{ file: TFile | null }>({
	create: () => ({ file: null }),
	update: (value) => value,
});

// --- Key scopes and Markdown rendering (added for the review screen) ---

type KeyHandler = (evt: KeyboardEvent, ctx: { key: string; modifiers: string }) => unknown;
export interface KeymapEventHandler {
	modifiers: string[] | null;
	key: string | null;
	func: KeyHandler;
}

/** A key scope: handlers by key and modifiers; tests press keys with `press`. */
export class Scope {
	handlers: KeymapEventHandler[] = [];
	constructor(public parent?: Scope) {}
	register(modifiers: string[] | null, key: string | null, func: KeyHandler): KeymapEventHandler {
		const handler = { modifiers, key, func };
		this.handlers.push(handler);
		return handler;
	}
	unregister(handler: KeymapEventHandler): void {
		this.handlers = this.handlers.filter((h) => h !== handler);
	}
	/**
	 * Test helper: the first handler for `key` (case-insensitive) and exactly `modifiers` runs, as
	 * Obsidian does; returns false when it consumed the key (returned false), true otherwise.
	 */
	press(key: string, modifiers: string[] = []): boolean {
		const mods = [...modifiers].sort().join(",");
		const handler = this.handlers.find(
			(h) => (h.key === null || h.key.toLowerCase() === key.toLowerCase()) && (h.modifiers === null || [...h.modifiers].sort().join(",") === mods),
		);
		if (!handler) return true;
		const evt = typeof KeyboardEvent === "undefined" ? ({ key } as KeyboardEvent) : new KeyboardEvent("keydown", { key });
		return handler.func(evt, { key, modifiers: mods }) !== false;
	}
}

/** Writes the Markdown as plain text into the element; `renders` records each call. */
export class MarkdownRenderer {
	static renders: { markdown: string; el: HTMLElement; sourcePath: string; component: Component }[] = [];
	static async render(_app: App, markdown: string, el: HTMLElement, sourcePath: string, component: Component): Promise<void> {
		MarkdownRenderer.renders.push({ markdown, el, sourcePath, component });
		el.createDiv({ cls: "mock-markdown", text: markdown });
	}
}

/** A menu item as the plugin builds it; tests read the titles and call `click`. */
export class MenuItem {
	title = "";
	checked = false;
	click: () => void = () => {};
	setTitle(title: string): this {
		this.title = title;
		return this;
	}
	setIcon(_icon: string): this {
		return this;
	}
	setChecked(checked: boolean): this {
		this.checked = checked;
		return this;
	}
	onClick(callback: () => void): this {
		this.click = callback;
		return this;
	}
}

/** The menus shown, most recent last. */
export const shownMenus: Menu[] = [];

export class Menu {
	readonly items: (MenuItem | "separator")[] = [];
	addItem(build: (item: MenuItem) => void): this {
		const item = new MenuItem();
		build(item);
		this.items.push(item);
		return this;
	}
	addSeparator(): this {
		this.items.push("separator");
		return this;
	}
	showAtMouseEvent(_event: MouseEvent): this {
		shownMenus.push(this);
		return this;
	}
}

// --- A note open in an editor (added for writes through the Editor API) ---

/** A plain-text editor: the text, and each transaction kept as one undo step. */
export class MockEditor {
	undoSteps: { before: string; origin?: string }[] = [];
	constructor(public text: string) {}
	getValue(): string {
		return this.text;
	}
	offsetToPos(offset: number): { line: number; ch: number } {
		const before = this.text.slice(0, offset).split("\n");
		return { line: before.length - 1, ch: before[before.length - 1].length };
	}
	posToOffset(pos: { line: number; ch: number }): number {
		const lines = this.text.split("\n");
		let offset = 0;
		for (let i = 0; i < pos.line; i++) offset += lines[i].length + 1;
		return offset + pos.ch;
	}
	transaction(tx: { changes?: { from: { line: number; ch: number }; to?: { line: number; ch: number }; text: string }[] }, origin?: string): void {
		this.undoSteps.push({ before: this.text, origin });
		// Applied from the last change back, so earlier positions stay valid.
		const changes = [...(tx.changes ?? [])].sort((a, b) => this.posToOffset(b.from) - this.posToOffset(a.from));
		for (const change of changes) {
			const from = this.posToOffset(change.from);
			const to = this.posToOffset(change.to ?? change.from);
			this.text = this.text.slice(0, from) + change.text + this.text.slice(to);
		}
	}
}

export class MarkdownView {
	mode: "source" | "preview" = "source";
	constructor(
		public file: TFile | null,
		public editor: MockEditor,
	) {}
	getMode(): "source" | "preview" {
		return this.mode;
	}
}
