// @vitest-environment jsdom
/**
 * Issue #15, "Complete the reviewer", and #17 item 2: from the review screen, - buries, @ suspends,
 * Ctrl/Cmd+1–7 toggle a flag, I opens the card info; the same in a "More" menu; Z takes back the
 * last card action as well as the last answer (one undo stack, as in Anki).
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Menu, MenuItem, notices, Scope, shownMenus } from "../../mocks/obsidian";
import { installObsidianDom } from "../../mocks/obsidian-dom";
import { ReviewModal } from "../../../src/ui/review/review-modal";
import { PluginCardActions } from "../../../src/obsidian/card-actions-service";
import { BuriedSiblings } from "../../../src/review/buried";
import { mergeLogs } from "../../../src/stats/merge";
import { cardId } from "../../../src/stats/card-id";
import type { ReviewRequest } from "../../../src/review/request";
import type { SpacedNotesSettings } from "../../../src/settings/settings";
import { DOCKER, makeWorld, type World } from "../../review/fixtures";
import { Rating } from "../../../src/model/schedule";

beforeAll(() => installObsidianDom());
beforeEach(() => {
	notices.length = 0;
	shownMenus.length = 0;
	document.body.empty();
});

const flush = async (): Promise<void> => {
	for (let i = 0; i < 8; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

const DOCKER_REQUEST: ReviewRequest = { title: "Docker", path: "docker.md" };

/** The world with the plugin's card actions (over the vault's notes) and, when given, a log. */
async function worldWithActions(settings: Partial<SpacedNotesSettings> = {}): Promise<{ world: World; actions: PluginCardActions }> {
	const world = await makeWorld(settings);
	const actions = new PluginCardActions(
		{
			notes: world.services.notes,
			settings: () => world.services.settings(),
			now: () => world.clock.now,
			written: (path, text, note) => world.indexer.applyOwnWrite(path, text, note),
			saveBuried: () => Promise.resolve(),
		},
		BuriedSiblings.from(undefined),
	);
	world.services.cardActions = actions;
	return { world, actions };
}

async function open(world: World, request: ReviewRequest = DOCKER_REQUEST) {
	const modal = new ReviewModal(world.services, request);
	modal.open();
	await flush();
	const scope = modal.scope as unknown as Scope;
	const el = modal.contentEl;
	const press = async (key: string, modifiers: string[] = []) => {
		const passedOn = scope.press(key, modifiers);
		await flush();
		return passedOn;
	};
	const question = () => modal.controller.state().card?.question ?? null;
	const live = () => el.querySelector("[aria-live]")?.textContent ?? "";
	return { modal, el, press, question, live };
}

const menuTitles = (menu: Menu): string[] => menu.items.filter((i): i is MenuItem => i !== "separator").map((i) => i.title);

describe("card actions from the review's keys", () => {
	it("- buries the card: it leaves the session, the note is untouched, the live region says so", async () => {
		const { world, actions } = await worldWithActions();
		const { modal, press, question, live } = await open(world);
		expect(question()).toBe("What is a layer");
		const subject = modal.controller.currentSubject();
		expect(await press("-")).toBe(false);
		expect(question()).toBe("What does FROM do");
		expect(subject && actions.isBuried(subject)).toBe(true);
		expect(world.text("docker.md")).toBe(DOCKER);
		expect(live()).toContain("The card was buried until tomorrow and left this session.");
		expect(live()).toContain("Question: What does FROM do");
	});

	it("@ suspends the card into its note and the card leaves; Z unsuspends it and brings it back", async () => {
		const { world } = await worldWithActions();
		const { press, question, live, el } = await open(world);
		expect(await press("@")).toBe(false);
		expect(world.text("docker.md")).toMatch(/What is a layer::A filesystem diff\n<!--SR:!2000-01-01,1,250,s-->/);
		expect(question()).toBe("What does FROM do");
		expect(live()).toContain("The card was suspended and left this session.");
		// The undo button is offered for the card action too.
		expect(el.querySelector(".sn-review-undo")).not.toBeNull();
		await press("z");
		expect(world.text("docker.md")).toBe(DOCKER);
		expect(question()).toBe("What is a layer");
		expect(el.querySelector(".sn-review-undo")).toBeNull();
	});

	it("@ with Shift held (as typed on most layouts) suspends too", async () => {
		const { world } = await worldWithActions();
		const { press, question } = await open(world);
		await press("@", ["Shift"]);
		expect(question()).toBe("What does FROM do");
	});

	it("U after - unburies the card and shows it again", async () => {
		const { world, actions } = await worldWithActions();
		const { modal, press, question } = await open(world);
		const subject = modal.controller.currentSubject();
		await press("-");
		await press("u");
		expect(question()).toBe("What is a layer");
		expect(subject && actions.isBuried(subject)).toBe(false);
	});

	it("one undo stack: Z takes back the suspend first, then the answer before it", async () => {
		const { world } = await worldWithActions();
		const { press, question } = await open(world);
		await press(" ");
		await press("3"); // Good on "What is a layer"
		const answered = world.text("docker.md");
		expect(answered).not.toBe(DOCKER);
		expect(question()).toBe("What does FROM do");
		await press("@");
		expect(question()).toBe("CMD or ENTRYPOINT");
		await press("z");
		expect(question()).toBe("What does FROM do");
		expect(world.text("docker.md")).toBe(answered);
		await press("z");
		expect(question()).toBe("What is a layer");
		expect(world.text("docker.md")).toBe(DOCKER);
	});

	it("an answer after the card action is undone first, then the card action", async () => {
		const { world } = await worldWithActions();
		const { press, question } = await open(world);
		await press("@"); // "What is a layer" suspended
		await press(" ");
		await press("3"); // Good on "What does FROM do"
		await press("z");
		expect(question()).toBe("What does FROM do");
		expect(world.text("docker.md")).toMatch(/,s-->/);
		await press("z");
		expect(question()).toBe("What is a layer");
		expect(world.text("docker.md")).toBe(DOCKER);
	});

	it("Ctrl/Cmd+1…7 toggle a flag: the card stays, its flag shows in the header, and it can still be answered", async () => {
		const { world } = await worldWithActions();
		const { el, press, question } = await open(world);
		expect(await press("1", ["Mod"])).toBe(false);
		expect(question()).toBe("What is a layer");
		expect(world.text("docker.md")).toMatch(/What is a layer::A filesystem diff\n<!--SR:!2000-01-01,1,250,f1-->/);
		const marker = el.querySelector(".sn-review-flag");
		expect(marker?.getAttribute("data-flag")).toBe("1");
		expect(marker?.getAttribute("aria-label")).toBe("Flag: red");
		await press("7", ["Mod"]);
		expect(el.querySelector(".sn-review-flag")?.getAttribute("aria-label")).toBe("Flag: purple");
		await press("7", ["Mod"]);
		expect(el.querySelector(".sn-review-flag")).toBeNull();
		await press("4", ["Mod"]);
		// The answer is written over the flagged comment (not refused as a changed schedule), keeping the flag.
		await press(" ");
		await press("3");
		expect(question()).toBe("What does FROM do");
		expect(world.text("docker.md")).toMatch(/What is a layer::A filesystem diff\n<!--SR:!fsrs,[^>]*,f4-->/);
	});

	it("Z after a flag takes it off again", async () => {
		const { world } = await worldWithActions();
		const { el, press } = await open(world);
		await press("2", ["Mod"]);
		expect(el.querySelector(".sn-review-flag")?.getAttribute("data-flag")).toBe("2");
		await press("z");
		expect(world.text("docker.md")).toBe(DOCKER);
		expect(el.querySelector(".sn-review-flag")).toBeNull();
	});

	it("I opens the card info with the card's history from the merged log", async () => {
		const { world } = await worldWithActions();
		const id = cardId("docker.md", "What is a layer::A filesystem diff", 0);
		const log = mergeLogs([]);
		log.reviews.push({
			kind: "review",
			time: new Date(2026, 2, 1, 9, 30).getTime(),
			card: id,
			deck: "flashcards",
			rating: Rating.Hard,
			state: 0,
			elapsedDays: 0,
			scheduledDays: 1,
			durationMs: 4000,
		});
		world.services.readLog = () => Promise.resolve(log);
		const { press } = await open(world);
		expect(await press("i")).toBe(false);
		const info = document.body.querySelector(".sn-card-info-modal");
		expect(info?.querySelector(".sn-card-info-question")?.textContent).toBe("What is a layer");
		expect(info?.querySelector(".sn-card-info-open")?.textContent).toBe("docker.md, line 6");
		expect(info?.textContent).toContain("New");
		expect(info?.textContent).toContain("flashcards");
		const rows = Array.from(info?.querySelectorAll(".sn-card-info-history tbody tr") ?? []).map((r) => r.textContent);
		expect(rows).toEqual([expect.stringContaining("Hard")]);
	});

	it("the keys do nothing while the card is edited", async () => {
		const { world } = await worldWithActions();
		const { modal, press } = await open(world);
		await press("e");
		expect(modal.controller.state().phase).toBe("editing");
		expect(await press("@")).toBe(true);
		expect(await press("1", ["Mod"])).toBe(true);
		expect(await press("i")).toBe(true);
		expect(world.text("docker.md")).toBe(DOCKER);
		expect(document.body.querySelector(".sn-card-info-modal")).toBeNull();
	});

	it("work the same in the Spaced Repetition plugin's key map", async () => {
		const { world } = await worldWithActions({ keyMap: "spaced-repetition" });
		const { press, question } = await open(world);
		await press("1", ["Mod"]);
		expect(world.text("docker.md")).toMatch(/,f1-->/);
		await press("@");
		expect(question()).toBe("What does FROM do");
		await press("-");
		expect(question()).toBe("CMD or ENTRYPOINT");
	});

	it("without the plugin's card actions the keys are passed on and no menu is offered", async () => {
		const world = await makeWorld();
		const modal = new ReviewModal(world.services, DOCKER_REQUEST);
		// No card info either: a host without it.
		modal.open();
		await flush();
		const scope = modal.scope as unknown as Scope;
		expect(scope.press("@")).toBe(true);
		expect(scope.press("1", ["Mod"])).toBe(true);
		expect(modal.controller.state().card?.question).toBe("What is a layer");
		expect(world.text("docker.md")).toBe(DOCKER);
	});
});

describe("the review's More menu", () => {
	it("lists bury, suspend, the flags and card info with their keys, and is named for screen readers", async () => {
		const { world } = await worldWithActions();
		const { el } = await open(world);
		const more = el.querySelector<HTMLButtonElement>(".sn-review-more");
		expect(more?.getAttribute("aria-label")).toBe("More actions for this card");
		expect(more?.getAttribute("aria-haspopup")).toBe("menu");
		more?.click();
		const menu = shownMenus[shownMenus.length - 1];
		expect(menuTitles(menu)).toEqual([
			"Bury until tomorrow (-)",
			"Suspend (@)",
			"Flag red (Ctrl+1)",
			"Flag orange (Ctrl+2)",
			"Flag green (Ctrl+3)",
			"Flag blue (Ctrl+4)",
			"Flag pink (Ctrl+5)",
			"Flag turquoise (Ctrl+6)",
			"Flag purple (Ctrl+7)",
			"Card info (I)",
		]);
	});

	it("does what its items say: suspend, then a flag offered for removal on the next card", async () => {
		const { world } = await worldWithActions();
		const { el, question } = await open(world);
		const pick = async (title: string) => {
			el.querySelector<HTMLButtonElement>(".sn-review-more")?.click();
			const menu = shownMenus[shownMenus.length - 1];
			const item = menu.items.find((i): i is MenuItem => i !== "separator" && i.title.startsWith(title));
			item?.click();
			await flush();
		};
		await pick("Suspend");
		expect(question()).toBe("What does FROM do");
		expect(world.text("docker.md")).toMatch(/,s-->/);
		await pick("Flag green");
		expect(el.querySelector(".sn-review-flag")?.getAttribute("data-flag")).toBe("3");
		el.querySelector<HTMLButtonElement>(".sn-review-more")?.click();
		const titles = menuTitles(shownMenus[shownMenus.length - 1]);
		expect(titles).toContain("Remove flag green (Ctrl+3)");
		await pick("Bury");
		expect(question()).toBe("CMD or ENTRYPOINT");
		await pick("Card info");
		expect(document.body.querySelector(".sn-card-info-modal .sn-card-info-question")?.textContent).toBe("CMD or ENTRYPOINT");
	});

	it("is not shown once the session is finished", async () => {
		const { world } = await worldWithActions();
		const { el, press } = await open(world);
		await press("@");
		await press("@");
		await press("@");
		expect(el.querySelector(".sn-review-more")).toBeNull();
		expect(el.querySelector(".sn-review-flag")).toBeNull();
	});
});
