// @vitest-environment jsdom
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { App as ObsidianApp, WorkspaceLeaf as ObsidianLeaf } from "obsidian";
import { installObsidianDom } from "../../mocks/obsidian-dom";
import { App, WorkspaceLeaf } from "../../mocks/obsidian";
import { CardIndex } from "../../../src/index/card-index";
import { DeckList } from "../../../src/ui/deck-list/deck-list";
import { DeckListModal } from "../../../src/ui/deck-list/deck-list-modal";
import { DECK_LIST_VIEW_TYPE, DeckListView, openDeckListInSidebar } from "../../../src/ui/deck-list/deck-list-view";
import { card, classic, fsrs, noteForIndex } from "../../builders";
import { makeServices, type TestServices } from "./helpers";

beforeAll(() => installObsidianDom());

let container: HTMLElement;
beforeEach(() => {
	document.body.empty();
	container = document.body.createDiv();
});

function mount(services: TestServices, collapsed = new Set<string>()): DeckList {
	const list = new DeckList(container, services, { collapsed });
	list.open();
	return list;
}

/** Each visible deck row as "name due/new/learning/total". */
function rows(root: HTMLElement = container): string[] {
	return Array.from(root.querySelectorAll<HTMLElement>(".sn-deck-tree .sn-deck-open")).map((button) => {
		const name = button.querySelector(".sn-deck-name")?.textContent ?? "";
		const counts = Array.from(button.querySelectorAll(".sn-deck-count")).map((c) => c.textContent);
		return `${name} ${counts.join("/")}`;
	});
}

function button(name: string): HTMLButtonElement {
	const found = Array.from(container.querySelectorAll<HTMLButtonElement>(".sn-deck-open")).find(
		(b) => b.querySelector(".sn-deck-name")?.textContent === name,
	);
	if (!found) throw new Error(`no row ${name}`);
	return found;
}

function typeFilter(text: string): void {
	const input = container.querySelector<HTMLInputElement>("input.sn-deck-filter");
	if (!input) throw new Error("no filter box");
	input.value = text;
	input.dispatchEvent(new Event("input"));
}

function key(target: HTMLElement, name: string): void {
	target.dispatchEvent(new KeyboardEvent("keydown", { key: name, bubbles: true }));
}

describe("deck list", () => {
	it("shows the deck tree with due / new / learning / total, and All cards first", () => {
		mount(makeServices());
		expect(rows()).toEqual(["All cards 3/3/0/7", "Misc 1/0/0/1", "space 2/3/0/6", "docker 2/2/0/4", "build 0/1/0/1", "k8s 0/1/0/2"]);
		expect(button("space").getAttribute("aria-expanded")).toBe("true");
		expect(button("build").getAttribute("aria-level")).toBe("3");
	});

	it("collapses a deck and remembers it for the next list", () => {
		const services = makeServices();
		const collapsed = new Set<string>();
		const list = mount(services, collapsed);
		const toggle = button("docker").parentElement?.querySelector<HTMLButtonElement>(".sn-deck-toggle");
		toggle?.click();
		expect(rows()).not.toContain("build 0/1/0/1");
		expect(button("docker").getAttribute("aria-expanded")).toBe("false");
		list.close();
		mount(services, collapsed);
		expect(rows().map((r) => r.split(" ")[0])).toEqual(["All", "Misc", "space", "docker", "k8s"]);
	});

	it("narrows the decks as you type, keeping ancestors, even inside collapsed decks", () => {
		mount(makeServices(), new Set(["space", "space/docker"]));
		typeFilter("Buil");
		expect(rows().map((r) => r.split(" ")[0])).toEqual(["All", "space", "docker", "build"]);
		expect(button("build").classList.contains("sn-deck-match")).toBe(true);
		expect(button("space").classList.contains("sn-deck-context")).toBe(true);
		typeFilter("nothing-like-this");
		expect(container.querySelector(".sn-deck-nothing")?.textContent).toContain("nothing-like-this");
		typeFilter("");
		expect(rows().map((r) => r.split(" ")[0])).toEqual(["All", "Misc", "space"]);
	});

	it("clicking or Enter on a deck starts its review; All cards reviews everything", () => {
		const services = makeServices();
		mount(services);
		button("docker").click();
		button("All cards").click();
		expect(services.reviews).toEqual([{ title: "space › docker", deck: "space/docker" }, { title: "All cards" }]);
		// Enter on a focused button is a click in browsers; the row is a real <button>.
		expect(button("k8s").tagName).toBe("BUTTON");
	});

	it("moves focus with the arrow keys and collapses with left / right", () => {
		const services = makeServices();
		mount(services);
		button("All cards").focus();
		key(button("All cards"), "ArrowDown");
		expect(document.activeElement).toBe(button("Misc"));
		key(button("Misc"), "ArrowDown");
		key(button("space"), "ArrowLeft");
		expect(rows().map((r) => r.split(" ")[0])).toEqual(["All", "Misc", "space"]);
		expect(document.activeElement).toBe(button("space"));
		key(button("space"), "ArrowRight");
		expect(rows()).toHaveLength(6);
		key(button("space"), "ArrowRight");
		expect(document.activeElement).toBe(button("docker"));
		key(button("docker"), "ArrowDown");
		key(button("build"), "ArrowLeft");
		expect(document.activeElement).toBe(button("docker"));
		key(button("docker"), "End");
		expect(document.activeElement?.classList.contains("sn-deck-open")).toBe(true);
	});

	it("lists saved filters with counts and shows the error of an invalid one", () => {
		const services = makeServices(undefined, {
			savedFilters: [
				{ name: "Docker due", expression: "#space/docker due" },
				{ name: "Broken", expression: "#space oops" },
			],
		});
		mount(services);
		const saved = Array.from(container.querySelectorAll<HTMLButtonElement>(".sn-deck-saved .sn-deck-open"));
		expect(saved.map((b) => b.querySelector(".sn-deck-name")?.textContent)).toEqual(["Docker due", "Broken"]);
		expect(Array.from(saved[0].querySelectorAll(".sn-deck-count")).map((c) => c.textContent)).toEqual(["2", "0", "0", "2"]);
		expect(saved[1].disabled).toBe(true);
		expect(container.querySelector(".sn-deck-saved .sn-deck-error")?.textContent).toContain('Unknown word "oops"');
		saved[0].click();
		expect(services.reviews).toHaveLength(1);
		expect(services.reviews[0].title).toBe("Docker due");
		expect(services.reviews[0].filter?.source).toBe("#space/docker due");
	});

	it("refreshes on an index change and unsubscribes on close", () => {
		const services = makeServices();
		const list = mount(services);
		services.fake.index.setFile(
			"new.md",
			noteForIndex({ tags: ["#space/new"], cards: [card({ decks: ["space/new"], segments: [classic("2026-03-01")], startLine: 0, front: "n" })] }),
		);
		services.fake.changed();
		expect(rows()).toContain("new 1/0/0/1");
		expect(services.fake.listeners.size).toBe(1);
		list.close();
		expect(services.fake.listeners.size).toBe(0);
		expect(container.querySelector(".sn-deck-list")).toBeNull();
	});

	it("says it is indexing while the index builds, then shows the decks", async () => {
		const services = makeServices(new CardIndex({ flashcardTags: ["#space"], dayStartHour: 4 }));
		services.fake.isBuilding = true;
		mount(services);
		expect(container.querySelector(".sn-deck-status")?.textContent).toBe("Indexing cards…");
		expect(container.querySelector(".sn-deck-empty")).toBeNull();
		services.fake.finishBuild();
		await services.fake.ready;
		expect(container.querySelector(".sn-deck-status")?.textContent).toBe("");
		expect(container.querySelector(".sn-deck-empty")?.textContent).toContain("Add the tag #space to a note");
	});
});

describe("deck list modal and view", () => {
	it("the modal closes itself before starting the review", () => {
		const services = makeServices();
		const modal = new DeckListModal(new App() as unknown as ObsidianApp, services);
		modal.open();
		expect(services.fake.listeners.size).toBe(1);
		const space = Array.from(modal.contentEl.querySelectorAll<HTMLButtonElement>(".sn-deck-open"))[2];
		space.click();
		expect(services.reviews).toEqual([{ title: "space", deck: "space" }]);
		expect((modal as unknown as { isOpen: boolean }).isOpen).toBe(false);
		expect(services.fake.listeners.size).toBe(0);
	});

	it("the sidebar view renders the list and unsubscribes when closed", async () => {
		const services = makeServices();
		const view = new DeckListView(new WorkspaceLeaf() as unknown as ObsidianLeaf, services);
		expect(view.getViewType()).toBe(DECK_LIST_VIEW_TYPE);
		await view.onOpen();
		expect(view.contentEl.querySelectorAll(".sn-deck-tree .sn-deck-open")).toHaveLength(6);
		await view.onClose();
		expect(services.fake.listeners.size).toBe(0);
	});

	it("opens the view in the right sidebar once and reveals it", async () => {
		const app = new App();
		await openDeckListInSidebar(app as unknown as ObsidianApp);
		await openDeckListInSidebar(app as unknown as ObsidianApp);
		expect(app.workspace.leaves).toHaveLength(1);
		expect(app.workspace.leaves[0].viewState?.type).toBe(DECK_LIST_VIEW_TYPE);
		expect(app.workspace.revealed).toHaveLength(2);
	});
});

describe("the deck list's leeches", () => {
	it("counts them under All cards, and a click lists them in the card browser", () => {
		const index = new CardIndex({ flashcardTags: ["#space"], dayStartHour: 4 });
		index.setFile(
			"n.md",
			noteForIndex({
				tags: ["#space/a"],
				cards: [
					card({ decks: ["space/a"], segments: [fsrs("2026-03-20T10:00:00.000Z", { lapses: 9 })], startLine: 0, front: "hard" }),
					card({ decks: ["space/a"], segments: [fsrs("2026-03-20T10:00:00.000Z", { lapses: 2 })], startLine: 1, front: "fine" }),
				],
			}),
		);
		const searches: string[] = [];
		const list = new DeckList(container, makeServices(index), { collapsed: new Set(), onBrowse: (search) => searches.push(search) });
		list.open();
		const leeches = container.querySelector<HTMLButtonElement>("button.sn-deck-leeches");
		expect(leeches?.textContent).toBe("1 leech");
		leeches?.click();
		expect(searches).toEqual(["is:leech"]);
	});
});
