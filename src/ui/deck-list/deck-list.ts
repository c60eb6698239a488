/**
 * The deck list: the tag deck tree with due / new / learning / total per deck, the saved
 * filters beside it, a filter box, and an "All cards" entry. Rendered into any container, so
 * the modal and the sidebar view share it. Every row is a button (Enter or click starts the
 * review); arrow keys move between rows, left and right collapse and expand. A row is drawn
 * by deck-row.ts.
 */
import { parseFilter } from "../../decks/filter";
import { buildDeckTree, type DeckNode } from "../../index/deck-tree";
import { savedFilterCounts } from "../../index/query";
import { countLeeches } from "../../index/leeches";
import type { PluginServices } from "../services";
import type { ReviewRequest } from "../../review/request";
import { deckTitle, filterDeckTree, type DeckFilterResult } from "./deck-filter";
import { CustomStudyModal } from "../custom-study/custom-study-modal";
import type { StudyScope } from "../custom-study/start-custom-study";
import { openCardBrowser } from "../card-browser/card-browser-view";
import { renderDeckHead, renderDeckRow, type DeckRowActions } from "./deck-row";

/** Collapsed decks (by key), kept in memory while Obsidian runs, shared by every deck list. */
const sharedCollapsed = new Set<string>();

export interface DeckListOptions {
	/** Starts a review; defaults to `services.startReview` (the modal closes itself first). */
	onStart?: (request: ReviewRequest) => void;
	/** Collapsed deck keys; defaults to one set shared by all deck lists of the session. */
	collapsed?: Set<string>;
	/** Opens custom study for a row's cards; defaults to the custom study modal. */
	onCustomStudy?: (scope: StudyScope) => void;
	/** Opens the card browser with a search; defaults to the browser tab. */
	onBrowse?: (search: string) => void;
}

const ALL_KEY = "\u0000all";

export class DeckList {
	private readonly collapsed: Set<string>;
	private readonly onStart: (request: ReviewRequest) => void;
	private readonly onCustomStudy: (scope: StudyScope) => void;
	private readonly onBrowse: (search: string) => void;
	private readonly rowActions: DeckRowActions = {
		onStart: (request) => this.onStart(request),
		onCustomStudy: (scope) => this.onCustomStudy(scope),
	};
	private unsubscribe: (() => void) | null = null;
	private closed = false;
	private query = "";
	private rootEl: HTMLElement | null = null;
	private statusEl: HTMLElement | null = null;
	private treeEl: HTMLElement | null = null;
	private savedEl: HTMLElement | null = null;

	constructor(
		private readonly containerEl: HTMLElement,
		private readonly services: PluginServices,
		options: DeckListOptions = {},
	) {
		this.collapsed = options.collapsed ?? sharedCollapsed;
		this.onStart = options.onStart ?? ((request) => services.startReview(request));
		this.onCustomStudy = options.onCustomStudy ?? ((scope) => new CustomStudyModal(services.app, services, { scope }).open());
		this.onBrowse = options.onBrowse ?? ((search) => void openCardBrowser(services.app, search));
	}

	/** Builds the list and follows the index until {@link close}. */
	open(): void {
		this.closed = false;
		const root = this.containerEl.createDiv("sn-deck-list");
		this.rootEl = root;
		const toolbar = root.createDiv("sn-deck-toolbar");
		const input = toolbar.createEl("input", {
			cls: "sn-deck-filter",
			type: "search",
			placeholder: "Filter decks",
			attr: { "aria-label": "Filter decks", spellcheck: "false" },
		});
		input.addEventListener("input", () => {
			this.query = input.value;
			this.renderDecks();
		});
		input.addEventListener("keydown", (event) => {
			if (event.key === "ArrowDown" || event.key === "Enter") {
				event.preventDefault();
				this.rowButtons()[0]?.focus();
			}
		});
		this.statusEl = root.createDiv({ cls: "sn-deck-status", attr: { role: "status" } });
		const body = root.createDiv("sn-deck-body");
		const decks = body.createDiv("sn-deck-section sn-deck-decks");
		this.treeEl = decks.createDiv({ cls: "sn-deck-tree", attr: { role: "group", "aria-label": "Decks" } });
		this.savedEl = body.createDiv("sn-deck-section sn-deck-saved");
		root.addEventListener("keydown", (event) => this.onKeyDown(event));
		this.unsubscribe = this.services.indexer.onChange(() => this.refresh());
		// The first build's end is also announced by onChange; `ready` covers a list opened
		// after a build that had nothing to announce.
		void this.services.indexer.ready.then(() => this.refresh());
		this.refresh();
	}

	/** Stops following the index and removes the list. Safe to call twice. */
	close(): void {
		this.closed = true;
		this.unsubscribe?.();
		this.unsubscribe = null;
		this.rootEl?.remove();
		this.rootEl = null;
	}

	/** Redraws everything from the current index, keeping the filter text and the focused row. */
	refresh(): void {
		if (this.closed || !this.rootEl) return;
		const focusedKey = this.focusedKey();
		this.statusEl?.setText(this.services.indexer.isBuilding ? "Indexing cards…" : "");
		this.statusEl?.toggleClass("sn-deck-status-active", this.services.indexer.isBuilding);
		this.renderDecks();
		this.renderSaved();
		if (focusedKey !== null) this.buttonOf(focusedKey)?.focus();
	}

	private renderDecks(): void {
		const treeEl = this.treeEl;
		if (!treeEl) return;
		treeEl.empty();
		const tree = buildDeckTree(this.services.indexer.index, this.services.now());
		if (tree.total === 0) {
			if (!this.services.indexer.isBuilding) this.renderEmpty(treeEl);
			return;
		}
		renderDeckHead(treeEl);
		renderDeckRow(treeEl, { name: "All cards", key: ALL_KEY, counts: tree, request: { title: "All cards" }, cls: "sn-deck-all" }, this.rowActions);
		this.renderLeeches(treeEl);
		const filter = filterDeckTree(tree, this.query);
		const list = treeEl.createDiv("sn-deck-children sn-deck-top");
		for (const child of tree.children) this.renderNode(list, child, filter, 1);
		if (filter && filter.visible.size === 0) {
			treeEl.createDiv({ cls: "sn-deck-nothing", text: `No deck matches “${this.query.trim()}”.` });
		}
	}

	/** How many siblings are leeches (docs/scheduling.md, "Leeches"), when any: a button that lists them in the card browser. */
	private renderLeeches(parent: HTMLElement): void {
		const threshold = this.services.settings().leechThreshold;
		const { leeches, suspended } = countLeeches(this.services.indexer.index, threshold);
		if (leeches === 0) return;
		const text = `${leeches} ${leeches === 1 ? "leech" : "leeches"}${suspended > 0 ? `, ${suspended} suspended` : ""}`;
		const button = parent.createEl("button", {
			cls: "sn-deck-leeches",
			text,
			attr: { title: `Cards that lapsed ${threshold} times or more: show them in the card browser` },
		});
		button.addEventListener("click", () => this.onBrowse("is:leech"));
	}

	private renderNode(parent: HTMLElement, node: DeckNode, filter: DeckFilterResult | null, level: number): void {
		if (filter && !filter.visible.has(node.key)) return;
		const item = parent.createDiv("sn-deck-item");
		const hasChildren = node.children.length > 0;
		// While filtering, every visible deck is open so the matches show.
		const expanded = hasChildren && (filter !== null || !this.collapsed.has(node.key));
		const row = { name: node.name, key: node.key, counts: node, request: { title: deckTitle(node.path), deck: node.path }, cls: "" };
		const button = renderDeckRow(item, row, this.rowActions, {
			level,
			expanded: hasChildren ? expanded : undefined,
			onToggle: hasChildren && !filter ? () => this.toggle(node.key) : undefined,
		});
		if (filter) button.addClass(filter.matched.has(node.key) ? "sn-deck-match" : "sn-deck-context");
		if (!expanded) return;
		const children = item.createDiv("sn-deck-children");
		for (const child of node.children) this.renderNode(children, child, filter, level + 1);
	}

	private renderSaved(): void {
		const savedEl = this.savedEl;
		if (!savedEl) return;
		savedEl.empty();
		savedEl.createDiv({ cls: "sn-deck-section-title", text: "Saved filters" });
		const filters = this.services.settings().savedFilters;
		if (filters.length === 0) {
			savedEl.createDiv({ cls: "sn-deck-hint", text: "No saved filters yet. Add one in the plugin settings, e.g. “#flashcards/docker due”." });
			return;
		}
		const rows = savedFilterCounts(this.services.indexer.index, filters, this.services.now());
		rows.forEach((row, i) => {
			const parsed = parseFilter(row.expression);
			const request: ReviewRequest = parsed.ok ? { title: row.name, filter: parsed.filter } : { title: row.name };
			const button = renderDeckRow(savedEl, { name: row.name, key: `\u0000saved${i}`, counts: row, request, cls: "sn-deck-saved-row" }, this.rowActions);
			button.setAttr("title", row.expression);
			if (row.error !== null || !parsed.ok) {
				button.disabled = true;
				button.parentElement?.addClass("sn-deck-invalid");
				button.parentElement?.querySelector<HTMLButtonElement>("button.sn-deck-custom-study")?.setAttr("disabled", "");
				savedEl.createDiv({ cls: "sn-deck-error", text: row.error ?? "This filter is not valid." });
			}
		});
	}

	private renderEmpty(parent: HTMLElement): void {
		const tag = this.services.settings().flashcardTags[0] ?? "#flashcards";
		const empty = parent.createDiv("sn-deck-empty");
		empty.createDiv({ cls: "sn-deck-empty-title", text: "No cards yet" });
		empty.createEl("p", {
			text: `Add the tag ${tag} to a note, or a nested tag such as ${tag}/docker to put its cards in a deck of that name.`,
		});
		empty.createEl("p", { text: "Then write cards in the note: a line such as “2 + 2::4”, or a question, a line with only “?”, and the answer below it." });
	}

	private toggle(key: string): void {
		if (this.collapsed.has(key)) this.collapsed.delete(key);
		else this.collapsed.add(key);
		this.renderDecks();
		this.buttonOf(key)?.focus();
	}

	private onKeyDown(event: KeyboardEvent): void {
		const target = event.target;
		if (!(target instanceof HTMLElement) || !target.hasClass("sn-deck-open")) return;
		const buttons = this.rowButtons();
		const at = buttons.indexOf(target as HTMLButtonElement);
		const key = target.getAttr("data-key") ?? "";
		const focus = (button: HTMLButtonElement | undefined): void => {
			if (!button) return;
			event.preventDefault();
			button.focus();
		};
		switch (event.key) {
			case "ArrowDown":
				return focus(buttons[at + 1]);
			case "ArrowUp":
				return focus(buttons[at - 1]);
			case "Home":
				return focus(buttons[0]);
			case "End":
				return focus(buttons[buttons.length - 1]);
			case "ArrowRight":
				if (target.getAttr("aria-expanded") === "false" && !this.query.trim()) {
					event.preventDefault();
					this.toggle(key);
				} else if (target.getAttr("aria-expanded") === "true") {
					focus(buttons[at + 1]);
				}
				return;
			case "ArrowLeft":
				if (target.getAttr("aria-expanded") === "true" && !this.query.trim()) {
					event.preventDefault();
					this.toggle(key);
				} else {
					const parentItem = target.closest(".sn-deck-item")?.parentElement?.closest(".sn-deck-item");
					focus(parentItem?.querySelector<HTMLButtonElement>(":scope > .sn-deck-row > .sn-deck-open") ?? undefined);
				}
				return;
		}
	}

	/** The enabled row buttons in screen order. */
	private rowButtons(): HTMLButtonElement[] {
		if (!this.rootEl) return [];
		return Array.from(this.rootEl.querySelectorAll<HTMLButtonElement>("button.sn-deck-open")).filter((b) => !b.disabled);
	}

	private buttonOf(key: string): HTMLButtonElement | undefined {
		return this.rowButtons().find((button) => button.getAttr("data-key") === key);
	}

	private focusedKey(): string | null {
		const active = this.rootEl?.doc.activeElement;
		if (!(active instanceof HTMLElement) || !this.rootEl?.contains(active)) return null;
		return active.getAttr("data-key");
	}
}
