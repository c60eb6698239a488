// @vitest-environment jsdom
/**
 * Issue #15, "Complete the reviewer": key hints, the two key maps, Esc and a way back to the deck
 * list, an empty state that says why and when the next card is due, and a finished screen with
 * tomorrow's load and links to the statistics and the deck list.
 */
import type { WorkspaceLeaf as ObsidianLeaf } from "obsidian";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { notices, Scope, WorkspaceLeaf } from "../../mocks/obsidian";
import { installObsidianDom } from "../../mocks/obsidian-dom";
import { ReviewModal } from "../../../src/ui/review/review-modal";
import { createReviewView } from "../../../src/ui/review/review-view";
import { renderReviewScreen } from "../../../src/ui/review/review-screen";
import type { ReviewRequest } from "../../../src/review/request";
import type { SpacedNotesSettings } from "../../../src/settings/settings";
import { makeWorld, type World } from "../../review/fixtures";

beforeAll(() => installObsidianDom());
beforeEach(() => {
	notices.length = 0;
	document.body.empty();
});

const flush = async (): Promise<void> => {
	for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

async function open(world: World, request: ReviewRequest) {
	let deckLists = 0;
	world.services.openDeckList = () => void deckLists++;
	const modal = new ReviewModal(world.services, request);
	modal.open();
	await flush();
	const scope = modal.scope as unknown as Scope;
	const el = modal.contentEl;
	const press = async (key: string) => {
		scope.press(key);
		await flush();
	};
	const text = (selector: string) => el.querySelector(selector)?.textContent ?? null;
	return { modal, el, press, text, deckLists: () => deckLists };
}

async function worldWith(settings: Partial<SpacedNotesSettings> = {}): Promise<World> {
	const world = await makeWorld(settings);
	// A deck whose only card is due in five days.
	world.put("later.md", "#flashcards/later\n\nWhen::Later <!--SR:!2026-03-15,5,250-->\n");
	await world.indexer.rebuild();
	return world;
}

describe("the review's keys", () => {
	it("shows each button's key (Anki's map) and names it for screen readers", async () => {
		const world = await worldWith();
		const { el, press } = await open(world, { title: "k8s", path: "k8s.md" });
		const show = el.querySelector(".sn-review-show");
		expect(show?.querySelector("kbd.sn-review-key")?.textContent).toBe("Space");
		expect(show?.getAttribute("aria-keyshortcuts")).toBe("Space Enter");
		await press(" ");
		const keys = Array.from(el.querySelectorAll(".sn-review-rate kbd")).map((k) => k.textContent);
		expect(keys).toEqual(["1", "2", "3", "4"]);
		expect(el.querySelector(".sn-review-skip kbd")?.textContent).toBe("S");
		expect(el.querySelector(".sn-review-edit-button kbd")?.textContent).toBe("E");
	});

	it("Z undoes as U does (Anki's keys)", async () => {
		const world = await worldWith();
		const before = world.text("k8s.md");
		const { press } = await open(world, { title: "k8s", path: "k8s.md" });
		await press(" ");
		await press("3");
		expect(world.text("k8s.md")).not.toBe(before);
		await press("z");
		expect(world.text("k8s.md")).toBe(before);
	});

	it("the Spaced Repetition plugin's map: 0 is Again, 1–3 Hard to Easy, 4 nothing, J opens the note", async () => {
		const world = await worldWith({ keyMap: "spaced-repetition" });
		const { el, press, text } = await open(world, { title: "Docker", path: "docker.md" });
		await press(" ");
		expect(Array.from(el.querySelectorAll(".sn-review-rate kbd")).map((k) => k.textContent)).toEqual(["0", "1", "2", "3"]);
		await press("4");
		expect(text(".sn-review-count-done")).toBe("Done 0");
		await press("0");
		expect(text(".sn-review-count-learning")).toBe("Learning 1");
		expect(text(".sn-review-count-done")).toBe("Done 1");
		await press("j");
		expect(world.app.workspace.leaves.at(-1)?.opened[0]?.file.path).toBe("docker.md");
	});

	it("in a tab, Esc and the header's button lead back to the deck list", async () => {
		const world = await worldWith({ reviewIn: "tab" });
		let deckLists = 0;
		world.services.openDeckList = () => void deckLists++;
		const view = createReviewView(new WorkspaceLeaf(world.app) as unknown as ObsidianLeaf, world.services);
		await view.onOpen();
		await view.setState({ request: { title: "k8s", deck: "flashcards/k8s" } }, { history: false });
		await flush();
		(view.scope as unknown as Scope).press("Escape");
		expect(deckLists).toBe(1);
		view.contentEl.querySelector<HTMLButtonElement>(".sn-review-back")?.click();
		expect(deckLists).toBe(2);
		await view.onClose();
	});
});

describe("an empty review says why", () => {
	it("nothing due: says so, and when the next card is due", async () => {
		const world = await worldWith();
		const { text } = await open(world, { title: "later", deck: "flashcards/later" });
		expect(text(".sn-review-summary-title")).toBe("Nothing to review right now.");
		expect(text(".sn-review-empty-why")).toBe("Every card here is done for today.");
		expect(text(".sn-review-next-due")).toMatch(/^The next card is due in [45] d\.$/);
	});

	it("the daily limit reached: says that the limits hold due cards back", async () => {
		const world = await worldWith({ newPerDay: 0 });
		const { el, text } = await open(world, { title: "k8s", deck: "flashcards/k8s" });
		expect(el.querySelector(".sn-review-empty-limit")).not.toBeNull();
		expect(text(".sn-review-empty-why")).toMatch(/^Cards are due, but today's limits are reached/);
	});

	it("no cards at all: says how to make one", async () => {
		const world = await worldWith();
		const { el } = await open(world, { title: "none", deck: "no-such-deck" });
		expect(el.querySelector(".sn-review-empty-no-cards")?.textContent).toMatch(/^There are no cards here yet/);
	});

	it("a deck with nothing due offers 'review ahead' (custom study), which starts it; one note does not", async () => {
		const world = await worldWith();
		const started: ReviewRequest[] = [];
		world.services.startReview = (request) => void started.push(request);
		const { el } = await open(world, { title: "later", deck: "flashcards/later" });
		el.querySelector<HTMLButtonElement>(".sn-review-ahead")?.click();
		expect(started).toEqual([expect.objectContaining({ deck: "flashcards/later", custom: { kind: "ahead", days: 1 } })]);
		expect(document.body.querySelector(".sn-review-modal")).toBeNull();
		const note = await open(world, { title: "later", path: "later.md" });
		expect(note.el.querySelector(".sn-review-empty-why")).not.toBeNull();
		expect(note.el.querySelector(".sn-review-ahead")).toBeNull();
	});

	it("the hook is the host's: a screen without it offers no 'review ahead'", async () => {
		const world = await worldWith();
		const { modal } = await open(world, { title: "later", deck: "flashcards/later" });
		const container = createDiv();
		const screen = renderReviewScreen(container, modal.controller, {});
		expect(container.querySelector(".sn-review-next-due")).not.toBeNull();
		expect(container.querySelector(".sn-review-ahead")).toBeNull();
		screen.unload();
	});
});

describe("the finished screen", () => {
	it("gives tomorrow's load and leads to the statistics and the deck list", async () => {
		const world = await worldWith();
		const { el, press, text, deckLists } = await open(world, { title: "k8s", deck: "flashcards/k8s" });
		await press(" ");
		await press("4");
		expect(text(".sn-review-summary-title")).toBe("Session complete");
		expect(text(".sn-review-tomorrow")).toMatch(/^Tomorrow: no cards due; the next in \d+ d\.$/);
		expect(Array.from(el.querySelectorAll(".sn-review-end-links button")).map((b) => b.textContent)).toEqual(["Statistics", "Deck list"]);
		el.querySelector<HTMLButtonElement>(".sn-review-to-decks")?.click();
		expect(document.body.querySelector(".sn-review-modal")).toBeNull();
		expect(deckLists()).toBe(1);
	});
});
