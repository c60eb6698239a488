// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from "vitest";
import { CardBrowser } from "../../../src/ui/card-browser/card-browser";
import { installObsidianDom } from "../../mocks/obsidian-dom";
import { manyNotes, World } from "./world";

beforeAll(() => installObsidianDom());

async function openBrowser(world: World, options: ConstructorParameters<typeof CardBrowser>[2] = {}) {
	const container = document.body.createDiv();
	const browser = new CardBrowser(container, world.services(), { rebuildDelayMs: 0, ...options });
	browser.open();
	await browser.textRead;
	return { browser, container };
}

const drawnQuestions = (container: HTMLElement) => [...container.querySelectorAll(".sn-vlist-row .sn-browser-col-question")].map((el) => el.textContent);
const rowEls = (container: HTMLElement) => [...container.querySelectorAll<HTMLElement>(".sn-vlist-row")];
const status = (container: HTMLElement) => container.querySelector(".sn-browser-status")?.textContent ?? "";

describe("card browser", () => {
	it("draws only the rows in view (plus overscan) of 1,000 cards, and others when scrolled", async () => {
		const world = new World(manyNotes(100, 10));
		const { browser, container } = await openBrowser(world);
		expect(browser.table?.length).toBe(1000);
		const drawn = rowEls(container);
		// 600 px fallback height / 32 px rows + 8 rows of overscan below.
		expect(drawn.length).toBeGreaterThan(10);
		expect(drawn.length).toBeLessThan(40);
		expect(drawnQuestions(container)[0]).toBe("Question 0.0");
		expect(container.querySelector(".sn-vlist-spacer")?.getAttribute("style")).toContain("--sn-vlist-height: 32000px");
		const scroller = container.querySelector<HTMLElement>(".sn-vlist");
		if (!scroller) throw new Error("no list");
		scroller.scrollTop = 32 * 500;
		scroller.dispatchEvent(new Event("scroll"));
		await new Promise((resolve) => window.requestAnimationFrame(resolve));
		const positions = rowEls(container).map((el) => Number(el.dataset.position));
		expect(Math.min(...positions)).toBe(492);
		expect(Math.max(...positions)).toBeLessThan(530);
		expect(rowEls(container).length).toBeLessThan(40);
		expect(status(container)).toBe("1,000 of 1,000 cards");
		browser.close();
	});

	it("searches as typed, shows a clear message for a bad expression and keeps the last result", async () => {
		const world = new World(manyNotes(20, 5));
		const { browser, container } = await openBrowser(world);
		const input = container.querySelector<HTMLInputElement>(".sn-browser-search");
		if (!input) throw new Error("no search box");
		const type = (text: string) => {
			input.value = text;
			input.dispatchEvent(new Event("input"));
		};
		type('"question 3."');
		expect(drawnQuestions(container)).toEqual(["Question 3.0", "Question 3.1", "Question 3.2", "Question 3.3", "Question 3.4"]);
		// Words without quotes must each be found, anywhere.
		type("question 3.");
		expect(status(container)).toBe("10 of 100 cards");
		type("#flashcards/odd prop:ivl>10");
		expect(status(container)).toBe("10 of 100 cards");
		expect(drawnQuestions(container).every((q) => q?.endsWith(".3"))).toBe(true);
		type("#flashcards/odd prop:ivl>");
		expect(container.querySelector(".sn-browser-error")?.textContent).toContain("needs a comparison and a number");
		expect(status(container)).toBe("10 of 100 cards");
		type("is:new");
		expect(container.querySelector(".sn-browser-error")?.textContent).toBe("");
		expect(status(container)).toBe("60 of 100 cards");
		browser.close();
	});

	it("sorts by a column header, and again the other way", async () => {
		const world = new World(manyNotes(3, 4));
		const { browser, container } = await openBrowser(world);
		const header = [...container.querySelectorAll<HTMLElement>(".sn-browser-header button")].find((el) => el.textContent?.startsWith("Interval"));
		if (!header) throw new Error("no interval header");
		header.click();
		expect(header.isConnected).toBe(false); // the header was drawn again
		const intervalHeader = () =>
			[...container.querySelectorAll<HTMLElement>(".sn-browser-header button")].find((el) => el.textContent?.startsWith("Interval"));
		expect(intervalHeader()?.getAttribute("aria-sort")).toBe("ascending");
		const intervals = () => [...container.querySelectorAll(".sn-vlist-row .sn-browser-col-interval")].map((el) => el.textContent);
		expect(intervals().slice(0, 6)).toEqual(["1 d", "1 d", "1 d", "22 d", "22 d", "22 d"]);
		intervalHeader()?.click();
		expect(intervalHeader()?.getAttribute("aria-sort")).toBe("descending");
		expect(intervals().slice(0, 3)).toEqual(["22 d", "22 d", "22 d"]);
		// New cards have no interval: last either way.
		expect(intervals().slice(-1)).toEqual([""]);
		browser.close();
	});

	it("selects with click, Ctrl-click, Shift-click and select all, and acts on every selected card", async () => {
		const world = new World(manyNotes(5, 4));
		const { browser, container } = await openBrowser(world);
		const click = (position: number, init: MouseEventInit = {}) =>
			container
				.querySelector<HTMLElement>(`.sn-vlist-row[data-position="${position}"]`)
				?.dispatchEvent(new MouseEvent("click", { bubbles: true, ...init }));
		const selected = () =>
			rowEls(container)
				.filter((el) => el.hasClass("is-selected"))
				.map((el) => Number(el.dataset.position));
		click(2);
		expect(selected()).toEqual([2]);
		click(5, { ctrlKey: true });
		expect(selected()).toEqual([2, 5]);
		click(8, { shiftKey: true });
		expect(selected()).toEqual([5, 6, 7, 8]);
		click(6, { metaKey: true });
		expect(selected()).toEqual([5, 7, 8]);
		expect(status(container)).toBe("20 of 20 cards · 3 selected");
		const button = (label: string) => container.querySelector<HTMLButtonElement>(`.sn-browser-action[aria-label="${label}"]`);
		button("Suspend")?.click();
		await Promise.resolve();
		expect(world.suspended).toHaveLength(1);
		expect(world.suspended[0].on).toBe(true);
		expect(world.suspended[0].cards.map((c) => [c.path, c.line, c.sibling])).toEqual([
			["note-001.md", 3, 0],
			["note-001.md", 5, 0],
			["note-002.md", 2, 0],
		]);
		expect(world.suspended[0].cards.every((c) => c.id.length === 25)).toBe(true);
		button("Open")?.click();
		await Promise.resolve();
		expect(world.opened.map((c) => c.path)).toEqual(["note-001.md"]);
		// Buttons of actions nobody provides are not drawn.
		expect(button("Reset")).toBeNull();
		[...container.querySelectorAll<HTMLButtonElement>("button")].find((b) => b.textContent === "Select all")?.click();
		expect(status(container)).toBe("20 of 20 cards · 20 selected");
		browser.close();
	});

	it("keeps the selection when the index changes, reads only the changed note again, and finds is:buried", async () => {
		const notes = manyNotes(3, 2);
		const world = new World(notes);
		let reads = 0;
		const services = world.services();
		const read = services.notes.read.bind(services.notes);
		services.notes.read = (path) => {
			reads++;
			return read(path);
		};
		const container = document.body.createDiv();
		const browser = new CardBrowser(container, services, { rebuildDelayMs: 0 });
		browser.open();
		await browser.textRead;
		expect(reads).toBe(3);
		container.querySelector<HTMLElement>(`.sn-vlist-row[data-position="3"]`)?.click();
		world.buried.add(browser.table?.id[0] ?? "");
		world.setNote("note-001.md", `${notes.get("note-001.md")}\nA new card::added`);
		await new Promise((resolve) => window.setTimeout(resolve, 5));
		await browser.textRead;
		expect(reads).toBe(4);
		expect(browser.table?.length).toBe(7);
		expect(status(container)).toBe("7 of 7 cards · 1 selected");
		expect(
			rowEls(container)
				.find((el) => el.hasClass("is-selected"))
				?.querySelector(".sn-browser-col-question")?.textContent,
		).toBe("Question 1.1");
		browser.setSearch("is:buried");
		expect(drawnQuestions(container)).toEqual(["Question 0.0"]);
		// As the deck list's leech count opens it: the search shows in the box too.
		browser.showSearch('"question 1.1"');
		expect(container.querySelector<HTMLInputElement>(".sn-browser-search")?.value).toBe('"question 1.1"');
		expect(drawnQuestions(container)).toEqual(["Question 1.1"]);
		browser.close();
	});
});
