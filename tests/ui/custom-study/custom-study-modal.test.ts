// @vitest-environment jsdom
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { installObsidianDom } from "../../mocks/obsidian-dom";
import { App, TFile } from "../../mocks/obsidian";
import { CustomStudyModal } from "../../../src/ui/custom-study/custom-study-modal";
import { extraNewToday, raiseNewLimitToday, startReviewAhead } from "../../../src/ui/custom-study/start-custom-study";
import { DeckList } from "../../../src/ui/deck-list/deck-list";
import { makeServices, NOW, type TestServices } from "../deck-list/helpers";

beforeAll(() => installObsidianDom());
beforeEach(() => document.body.empty());

function open(services: TestServices, start: ConstructorParameters<typeof CustomStudyModal>[2] = {}): CustomStudyModal {
	const modal = new CustomStudyModal(services.app, services, start);
	modal.open();
	return modal;
}

function select(modal: CustomStudyModal, name: string): HTMLSelectElement {
	const row = Array.from(modal.contentEl.querySelectorAll(".setting-item")).find((r) => r.querySelector(".setting-item-name")?.textContent === name);
	const el = row?.querySelector("select");
	if (!el) throw new Error(`no dropdown ${name}`);
	return el;
}

function choose(modal: CustomStudyModal, name: string, value: string): void {
	const el = select(modal, name);
	el.value = value;
	el.dispatchEvent(new Event("change"));
}

function type(modal: CustomStudyModal, name: string, value: string): void {
	const row = Array.from(modal.contentEl.querySelectorAll(".setting-item")).find((r) => r.querySelector(".setting-item-name")?.textContent === name);
	const input = row?.querySelector("input");
	if (!input) throw new Error(`no field ${name}`);
	input.value = value;
	input.dispatchEvent(new Event("input"));
}

function start(modal: CustomStudyModal): void {
	const button = Array.from(modal.contentEl.querySelectorAll("button")).find((b) => b.textContent === "Start");
	if (!button) throw new Error("no Start button");
	button.click();
}

const error = (modal: CustomStudyModal) => modal.contentEl.querySelector(".sn-custom-study-error")?.textContent ?? "";

describe("custom study modal", () => {
	it("offers the four sessions and every deck, saved filter, a typed filter and the open note", () => {
		const services = makeServices(undefined, { savedFilters: [{ name: "Docker due", expression: "#space/docker due" }] });
		(services.app as unknown as App).workspace.activeFile = new TFile("notes/Pods.md");
		const modal = open(services);
		expect(modal.titleEl.textContent).toBe("Custom study");
		expect(Array.from(select(modal, "Session").options).map((o) => o.text)).toEqual([
			"Review ahead",
			"Cram",
			"Review forgotten cards",
			"Extra new cards today",
		]);
		expect(Array.from(select(modal, "Cards from").options).map((o) => o.text)).toEqual([
			"All cards",
			"Deck: Misc",
			"Deck: space",
			"Deck: space/docker",
			"Deck: space/docker/build",
			"Deck: space/k8s",
			"Saved filter: Docker due",
			"A filter expression…",
			"This note: Pods",
		]);
	});

	it("starts review ahead of all cards by one day by default, and closes", () => {
		const services = makeServices();
		const modal = open(services);
		start(modal);
		expect(services.reviews).toEqual([{ title: "Review ahead 1 day · All cards", custom: { kind: "ahead", days: 1 } }]);
		expect(modal.containerEl.isConnected).toBe(false);
	});

	it("crams a deck without a number to give, and reviews forgotten cards of a saved filter or the open note", () => {
		const services = makeServices(undefined, { savedFilters: [{ name: "Docker due", expression: "#space/docker due" }] });
		const cram = open(services, { scope: { kind: "deck", deck: "space/docker" } });
		choose(cram, "Session", "cram");
		expect(cram.contentEl.querySelector("input.sn-custom-study-number")).toBeNull();
		start(cram);
		expect(services.reviews[0]).toEqual({ title: "Cram · space › docker", deck: "space/docker", custom: { kind: "cram" } });

		const forgotten = open(services);
		choose(forgotten, "Session", "forgotten");
		choose(forgotten, "Cards from", "saved:0");
		type(forgotten, "Days back", "7");
		start(forgotten);
		expect(services.reviews[1]).toMatchObject({ title: "Forgotten in the last 7 days · Docker due", custom: { kind: "forgotten", days: 7 } });
		expect(services.reviews[1].filter?.source).toBe("#space/docker due");

		(services.app as unknown as App).workspace.activeFile = new TFile("k8s.md");
		const note = open(services);
		choose(note, "Session", "cram");
		choose(note, "Cards from", "note");
		start(note);
		expect(services.reviews[2]).toEqual({ title: "Cram · k8s", path: "k8s.md", custom: { kind: "cram" } });
	});

	it("says what is wrong and starts nothing: a bad number, a bad or empty filter, extra new cards for a filter", () => {
		const services = makeServices();
		const modal = open(services);
		type(modal, "Days ahead", "0");
		start(modal);
		expect(error(modal)).toBe("Days ahead: a whole number from 1 to 365.");
		type(modal, "Days ahead", "2.5");
		start(modal);
		expect(error(modal)).toContain("whole number");
		choose(modal, "Cards from", "expression");
		type(modal, "Days ahead", "3");
		start(modal);
		expect(error(modal)).toBe("Type a filter expression.");
		type(modal, "Filter", "#space oops");
		start(modal);
		expect(error(modal)).toContain('Unknown word "oops"');
		choose(modal, "Session", "extra-new");
		type(modal, "Filter", "#space due");
		start(modal);
		expect(error(modal)).toBe("Extra new cards raise the limit of a deck: choose a deck or all cards.");
		expect(services.reviews).toEqual([]);
		expect(modal.containerEl.isConnected).toBe(true);
		choose(modal, "Session", "ahead");
		type(modal, "Days ahead", "3");
		start(modal);
		expect(services.reviews[0]).toMatchObject({ title: "Review ahead 3 days · #space due", custom: { kind: "ahead", days: 3 } });
	});

	it("extra new cards raise today's limit in local storage, then start a normal review of the deck", () => {
		const services = makeServices();
		const modal = open(services, { scope: { kind: "deck", deck: "space/docker" }, kind: "extra-new" });
		type(modal, "More new cards", "5");
		start(modal);
		expect(services.reviews).toEqual([{ title: "space › docker", deck: "space/docker" }]);
		const app = services.app;
		expect(extraNewToday(app, NOW, 4)).toEqual({ "space/docker": 5 });
		raiseNewLimitToday(app, "space/docker", 2, NOW, 4);
		expect(extraNewToday(app, NOW, 4)).toEqual({ "space/docker": 7 });
		expect(extraNewToday(app, new Date(NOW.getTime() + 24 * 3600_000), 4)).toEqual({});
	});
});

describe("reaching custom study", () => {
	it("each deck list row has a custom study icon that opens the modal for its cards", () => {
		const services = makeServices();
		const container = document.body.createDiv();
		const scopes: unknown[] = [];
		new DeckList(container, services, { collapsed: new Set(), onCustomStudy: (scope) => scopes.push(scope) }).open();
		const icons = Array.from(container.querySelectorAll<HTMLButtonElement>("button.sn-deck-custom-study"));
		expect(icons.map((b) => b.getAttribute("aria-label"))).toContain("Custom study: docker");
		icons.find((b) => b.getAttribute("aria-label") === "Custom study: docker")?.click();
		icons.find((b) => b.getAttribute("aria-label") === "Custom study: All cards")?.click();
		expect(scopes).toEqual([{ kind: "deck", deck: "space/docker" }, { kind: "all" }]);

		// Without a handler the icon opens the modal itself, on that deck.
		const own = document.body.createDiv();
		new DeckList(own, services, { collapsed: new Set() }).open();
		own.querySelector<HTMLButtonElement>('button.sn-deck-custom-study[aria-label="Custom study: k8s"]')?.click();
		const modalSelect = document.querySelectorAll<HTMLSelectElement>(".sn-custom-study select")[1];
		expect(modalSelect?.value).toBe("deck:space/k8s");
	});

	it("a saved filter row offers custom study of its filter, except when the filter is broken", () => {
		const services = makeServices(undefined, {
			savedFilters: [
				{ name: "Docker due", expression: "#space/docker due" },
				{ name: "Broken", expression: "#space oops" },
			],
		});
		const container = document.body.createDiv();
		const scopes: { kind: string; name?: string }[] = [];
		new DeckList(container, services, { collapsed: new Set(), onCustomStudy: (scope) => scopes.push(scope) }).open();
		const icon = (name: string) =>
			container.querySelector<HTMLButtonElement>(`.sn-deck-saved button.sn-deck-custom-study[aria-label="Custom study: ${name}"]`);
		icon("Docker due")?.click();
		expect(scopes).toMatchObject([{ kind: "filter", name: "Docker due" }]);
		expect(icon("Broken")?.disabled).toBe(true);
	});

	it("startReviewAhead starts a review-ahead session of a deck, or of every card", () => {
		const services = makeServices();
		startReviewAhead(services, "space/docker");
		startReviewAhead(services, undefined, 7);
		expect(services.reviews).toEqual([
			{ title: "Review ahead 1 day · space › docker", deck: "space/docker", custom: { kind: "ahead", days: 1 } },
			{ title: "Review ahead 7 days · All cards", custom: { kind: "ahead", days: 7 } },
		]);
	});
});
