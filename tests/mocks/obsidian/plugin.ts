// Imitates Obsidian's Plugin: saved data, commands, ribbon icons, views, setting tabs, and the status bar item it adds.
import { Component } from "./events";
import type { WorkspaceLeaf } from "./workspace";

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
