// Imitates Obsidian's App, Workspace, WorkspaceLeaf and ItemView.
import { Component, Events } from "./events";
import { Scope } from "./scope";
import { MetadataCache, Vault, type TFile } from "./vault";

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
