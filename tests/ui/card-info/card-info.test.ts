// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from "vitest";
import { formatLogLine, type LogEntry } from "../../../src/stats/log-format";
import { mergeLogs } from "../../../src/stats/merge";
import { CARD_BROWSER_VIEW_TYPE, CardBrowserView } from "../../../src/ui/card-browser/card-browser-view";
import { renderCardInfo, type CardInfo } from "../../../src/ui/card-info/card-info";
import { siblingTexts } from "../../../src/browse/note-texts";
import { parseNote } from "../../../src/cards/parse";
import { installObsidianDom } from "../../mocks/obsidian-dom";
import { WorkspaceLeaf } from "../../mocks/obsidian";
import { manyNotes, SETTINGS, World } from "../card-browser/world";

beforeAll(() => installObsidianDom());

const INFO: CardInfo = {
	question: "What is a layer?",
	answer: "A filesystem diff",
	path: "docker/layers.md",
	line: 11,
	deck: "space/docker",
	state: "Review",
	due: "2026-03-20",
	interval: "12 d",
	easeOrDifficulty: "6.8",
	lapses: 1,
	reviews: 2,
	flag: "Red",
	id: "0123456789ab-0123456789ab",
	history: {
		rows: [
			{
				kind: "review",
				time: new Date(2026, 0, 1, 9, 5).getTime(),
				rating: 3,
				state: 0,
				interval: 3,
				elapsedDays: 0,
				durationMs: 4000,
				stability: 3.1,
				difficulty: 5.2,
			},
			{
				kind: "review",
				time: new Date(2026, 0, 10, 9, 0).getTime(),
				rating: 1,
				state: 2,
				interval: 0,
				elapsedDays: 9,
				durationMs: 8000,
				stability: 1.2,
				difficulty: 6.8,
				retrievability: 0.71,
			},
			{ kind: "set-due", time: new Date(2026, 0, 12, 9, 0).getTime(), due: "2026-02-01" },
		],
		reviews: 2,
		lapses: 1,
		firstReview: new Date(2026, 0, 1, 9, 5).getTime(),
		lastReview: new Date(2026, 0, 10, 9, 0).getTime(),
		totalMs: 12000,
	},
};

describe("card info", () => {
	it("shows the card, its facts, a link that opens it and its history newest first", () => {
		const el = document.body.createDiv();
		let opened = 0;
		renderCardInfo(el, INFO, () => opened++);
		expect(el.querySelector(".sn-card-info-question")?.textContent).toBe("What is a layer?");
		const facts = [...el.querySelectorAll(".sn-card-info-facts dt")].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
		expect(facts).toEqual([
			"Note: docker/layers.md, line 12",
			"Deck: space/docker",
			"State: Review",
			"Due: 2026-03-20",
			"Interval: 12 d",
			"Difficulty: 6.8",
			"Lapses: 1",
			"Reviews: 2",
			"Flag: Red",
			"Time spent: 12 s",
		]);
		el.querySelector<HTMLElement>(".sn-card-info-open")?.click();
		expect(opened).toBe(1);
		const rows = [...el.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));
		expect(rows).toEqual([
			["2026-01-12 09:00", "Due date set: 2026-02-01", "", "", "", "", ""],
			["2026-01-10 09:00", "Again", "0 d", "1.20", "6.80", "71%", "8 s"],
			["2026-01-01 09:05", "Good", "3 d", "3.10", "5.20", "", "4 s"],
		]);
	});

	it("says so when the card has no history, or there is no log", () => {
		const el = document.body.createDiv();
		renderCardInfo(el, { ...INFO, history: { rows: [], reviews: 0, lapses: 0, firstReview: null, lastReview: null, totalMs: 0 } }, () => {});
		expect(el.querySelector(".sn-card-info-empty")?.textContent).toBe("No reviews of this card in the review log yet.");
		const none = document.body.createDiv();
		renderCardInfo(none, { ...INFO, history: null }, () => {});
		expect(none.querySelector(".sn-card-info-empty")?.textContent).toBe("The review history is not available.");
	});

	it("opens from the browser view (double click) with the card's history from the log, and its link opens the card", async () => {
		const world = new World(manyNotes(2, 3));
		const leaf = new WorkspaceLeaf(world.app);
		const view = new CardBrowserView(leaf as never, world.services());
		expect(view.getViewType()).toBe(CARD_BROWSER_VIEW_TYPE);
		// The log holds one answer of the first card (its id as the browser computes it from the note).
		const id = siblingTexts("note-000.md", parseNote(world.notes.get("note-000.md") ?? "", { path: "note-000.md", settings: SETTINGS }).cards)[0][0].id;
		const entry: LogEntry = {
			kind: "review",
			time: new Date(2026, 2, 1, 10, 0).getTime(),
			card: id,
			deck: "flashcards/even",
			rating: 3,
			state: 0,
			elapsedDays: 0,
			scheduledDays: 1,
			durationMs: 3000,
		};
		world.log = mergeLogs([{ name: "a.jsonl", text: formatLogLine(entry) }]);
		await view.onOpen();
		await new Promise((resolve) => window.setTimeout(resolve, 20));
		view.contentEl.querySelector<HTMLElement>('.sn-vlist-row[data-position="0"]')?.dispatchEvent(new MouseEvent("dblclick", { bubbles: true }));
		const modal = document.body.querySelector(".sn-card-info-modal");
		expect(modal?.querySelector(".modal-title")?.textContent).toBe("Card info");
		expect(modal?.querySelector(".sn-card-info-question")?.textContent).toBe("Question 0.0");
		expect(modal?.querySelector(".sn-card-info-answer")?.textContent).toBe("Answer 0.0");
		expect([...(modal?.querySelectorAll("tbody tr td") ?? [])].slice(0, 3).map((td) => td.textContent)).toEqual(["2026-03-01 10:00", "Good", "1 d"]);
		modal?.querySelector<HTMLElement>(".sn-card-info-open")?.click();
		await Promise.resolve();
		expect(world.opened.map((card) => [card.path, card.line, card.id])).toEqual([["note-000.md", 2, id]]);
		expect(document.body.querySelector(".sn-card-info-modal")).toBeNull();
		await view.onClose();
	});
});
