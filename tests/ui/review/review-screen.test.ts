// @vitest-environment jsdom
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { WorkspaceLeaf as ObsidianLeaf } from "obsidian";
import { MarkdownRenderer, notices, Scope, WorkspaceLeaf } from "../../mocks/obsidian";
import { installObsidianDom } from "../../mocks/obsidian-dom";
import { ReviewModal } from "../../../src/ui/review/review-modal";
import { openReview } from "../../../src/ui/review/open-review";
import { createReviewView, REVIEW_VIEW_TYPE } from "../../../src/ui/review/review-view";
import { DOCKER, K8S, makeWorld, type World } from "../../review/fixtures";

beforeAll(() => installObsidianDom());
beforeEach(() => {
	notices.length = 0;
	MarkdownRenderer.renders.length = 0;
	document.body.empty();
});

/** Lets pending promises (note reads and writes) settle. */
const flush = async (): Promise<void> => {
	for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

async function openModal(world: World, path = "docker.md") {
	const modal = new ReviewModal(world.services, { title: "Docker", path });
	modal.open();
	await flush();
	const scope = modal.scope as unknown as Scope;
	const el = modal.contentEl;
	const press = async (key: string, modifiers: string[] = []) => {
		const passed = scope.press(key, modifiers);
		await flush();
		return passed;
	};
	const text = (selector: string) => el.querySelector(selector)?.textContent ?? null;
	// Each button's words, without the key hint beside them.
	const buttons = () =>
		Array.from(el.querySelectorAll<HTMLButtonElement>(".sn-review-bar button")).map(
			(b) => b.querySelector(".sn-review-button-label")?.textContent ?? b.textContent,
		);
	return { modal, scope, el, press, text, buttons };
}

describe("review modal driven by keys", () => {
	it("runs a whole session: Space reveals, 1–4 and Enter answer, then the summary", async () => {
		const world = await makeWorld();
		const { modal, el, press, text, buttons } = await openModal(world);
		expect(modal.modalEl.hasClass("sn-review-modal")).toBe(true);
		expect(text(".sn-review-title")).toBe("Docker");
		expect(text(".sn-review-breadcrumb")).toBe("docker › Docker › Layers");
		expect(text(".sn-review-count-new")).toBe("New 3");
		expect(text(".sn-review-question")).toBe("What is a layer");
		expect(text(".sn-review-answer")).toBe("");
		expect(buttons()[0]).toBe("Show answer");

		expect(await press(" ")).toBe(false);
		expect(text(".sn-review-answer")).toBe("A filesystem diff");
		const rate = buttons().slice(0, 4);
		expect(rate.map((b) => b?.replace(/\d.*$/, ""))).toEqual(["Again", "Hard", "Good", "Easy"]);
		expect(el.querySelector(".sn-review-rate-good .sn-review-interval")?.textContent).toBe("10 min");
		await press("4");
		expect(text(".sn-review-question")).toBe("What does FROM do");
		expect(text(".sn-review-count-done")).toBe("Done 1");

		await press("Enter"); // reveal
		await press("Enter"); // Good: first learning step, back in 10 min
		expect(text(".sn-review-breadcrumb")).toBe("docker › Docker › Commands");
		await press(" ");
		await press("1"); // Again: back in 1 min
		expect(text(".sn-review-count-learning")).toBe("Learning 2");
		// Learning steps due within 20 minutes are shown when nothing else is left.
		expect(text(".sn-review-question")).toBe("CMD or ENTRYPOINT");
		await press(" ");
		await press("4");
		expect(text(".sn-review-question")).toBe("What does FROM do");
		await press(" ");
		await press("4");

		expect(el.querySelector(".sn-review-card")?.hasClass("sn-review-hidden")).toBe(true);
		expect(text(".sn-review-summary-title")).toBe("Session complete");
		expect(text(".sn-review-figure-answered .sn-review-figure-value")).toBe("5");
		expect(text(".sn-review-figure-again .sn-review-figure-value")).toBe("1");
		expect(text(".sn-review-figure-good .sn-review-figure-value")).toBe("1");
		expect(text(".sn-review-figure-easy .sn-review-figure-value")).toBe("3");
		expect(text(".sn-review-figure-time .sn-review-figure-label")).toBe("Time");
		expect(world.text("docker.md").match(/<!--SR:!fsrs,/g)).toHaveLength(3);
		// The keys belong to the modal's scope and go away with it.
		modal.close();
		// (Only the modal's own Escape handler stays: it belongs to the modal, not the review.)
		expect((modal.scope as unknown as Scope).handlers.filter((h) => h.key !== "Escape")).toHaveLength(0);
	});

	it("gives each Markdown render its own loaded Component and unloads it when the card changes", async () => {
		const world = await makeWorld();
		const { modal, press } = await openModal(world);
		await press(" ");
		const [question, answer] = MarkdownRenderer.renders;
		expect(question.markdown).toBe("What is a layer");
		expect(question.sourcePath).toBe("docker.md");
		expect(answer.markdown).toBe("A filesystem diff");
		expect(question.component).not.toBe(answer.component);
		expect(question.component.loaded && answer.component.loaded).toBe(true);
		await press("3");
		expect(question.component.loaded).toBe(false);
		expect(answer.component.loaded).toBe(false);
		const next = MarkdownRenderer.renders[2];
		expect(next.markdown).toBe("What does FROM do");
		expect(next.component.loaded).toBe(true);
		modal.close();
		expect(next.component.loaded).toBe(false);
	});

	it("U undoes the last answer: the note's bytes are exactly as before", async () => {
		const world = await makeWorld();
		const { press, text } = await openModal(world, "k8s.md");
		await press(" ");
		await press("2");
		expect(world.text("k8s.md")).not.toBe(K8S);
		await press("u");
		expect(world.text("k8s.md")).toBe(K8S);
		expect(text(".sn-review-question")).toBe("What is a pod");
		expect(text(".sn-review-count-done")).toBe("Done 0");
	});

	it("S skips to the next card without writing", async () => {
		const world = await makeWorld();
		const { press, text } = await openModal(world);
		await press("s");
		expect(text(".sn-review-question")).toBe("What does FROM do");
		expect(world.text("docker.md")).toBe(DOCKER);
	});

	it("E edits the card's source in a text box; saving replaces just its lines", async () => {
		const world = await makeWorld();
		const { el, press, text } = await openModal(world);
		await press("e");
		const box = el.querySelector<HTMLTextAreaElement>(".sn-review-edit textarea");
		expect(box?.value).toBe("What is a layer::A filesystem diff");
		// Typing in the box is not taken as review keys.
		expect(await press("u")).toBe(true);
		box!.value = "What is a layer?::A read-only filesystem diff";
		el.querySelector<HTMLButtonElement>(".sn-review-save")?.click();
		await flush();
		expect(world.text("docker.md")).toBe(DOCKER.replace("What is a layer::A filesystem diff", "What is a layer?::A read-only filesystem diff"));
		expect(text(".sn-review-question")).toBe("What is a layer?");
		await press(" ");
		expect(text(".sn-review-answer")).toBe("A read-only filesystem diff");
	});

	it("a card changed in the note: a notice, the answer kept as unsaved, retry works once the note is back", async () => {
		const world = await makeWorld();
		const { el, press, text } = await openModal(world, "k8s.md");
		world.put("k8s.md", "#flashcards/k8s\r\n\r\nsomething else\r\n");
		await press(" ");
		await press("4");
		expect(notices.join("\n")).toMatch(/no longer in the note/);
		expect(world.text("k8s.md")).toBe("#flashcards/k8s\r\n\r\nsomething else\r\n");
		expect(text(".sn-review-unsaved h4")).toBe("1 answer is not saved");
		expect(text(".sn-review-unsaved-where")).toBe("k8s.md, line 3: Easy");
		world.put("k8s.md", K8S);
		el.querySelector<HTMLButtonElement>(".sn-review-unsaved .sn-review-retry")?.click();
		await flush();
		expect(el.querySelector(".sn-review-unsaved")).toBeNull();
		expect(world.text("k8s.md")).toMatch(/^#flashcards\/k8s\r\n\r\nWhat is a pod::One or more containers\r\n<!--SR:!fsrs,[^\r\n]+-->\r\n$/);
	});

	it("O closes the modal and opens the note at the card's line", async () => {
		const world = await makeWorld();
		const { modal, press } = await openModal(world);
		await press("s");
		await press("o");
		expect((modal as unknown as { isOpen: boolean }).isOpen).toBe(false);
		const leaf = world.app.workspace.leaves.at(-1);
		expect(leaf?.opened[0].file.path).toBe("docker.md");
		expect(leaf?.opened[0].state?.eState).toEqual({ line: 6 });
	});

	it("leaves the intervals off the buttons when the setting says so", async () => {
		const world = await makeWorld({ showIntervalsOnButtons: false });
		const { el, press } = await openModal(world);
		await press(" ");
		expect(el.querySelectorAll(".sn-review-rate")).toHaveLength(4);
		expect(el.querySelector(".sn-review-interval")).toBeNull();
	});

	it("says so when nothing is due", async () => {
		const world = await makeWorld();
		world.put("empty.md", "#flashcards\nno cards here\n");
		const { text } = await openModal(world, "empty.md");
		expect(text(".sn-review-summary-title")).toBe("Nothing to review right now.");
	});
});

describe("openReview and the tab view", () => {
	it("opens a modal when the settings say modal", async () => {
		const world = await makeWorld();
		openReview(world.services, { title: "All cards" });
		await flush();
		expect(document.body.querySelector(".sn-review-modal .sn-review-question")?.textContent).toBe("What is a layer");
	});

	it("the tab view runs the review with keys on its own scope and keeps the request in its state", async () => {
		const world = await makeWorld({ reviewIn: "tab" });
		const leaf = new WorkspaceLeaf(world.app);
		const view = createReviewView(leaf as unknown as ObsidianLeaf, world.services);
		expect(view.getViewType()).toBe(REVIEW_VIEW_TYPE);
		await view.onOpen();
		expect(view.contentEl.querySelector(".sn-review-idle")).not.toBeNull();
		await view.setState({ request: { title: "k8s", deck: "flashcards/k8s" } }, { history: false });
		await flush();
		expect(view.getState()).toEqual({ request: { title: "k8s", deck: "flashcards/k8s" } });
		expect(view.getDisplayText()).toBe("Review: k8s");
		const scope = view.scope as unknown as Scope;
		scope.press(" ");
		scope.press("3");
		await flush();
		expect(world.text("k8s.md")).toContain("containers\r\n<!--SR:!fsrs,");
		await view.onClose();
		expect(scope.handlers).toHaveLength(0);
	});
});

describe("keys and focus", () => {
	it("Enter on a focused answer button does what the button says, not Good", async () => {
		const world = await makeWorld();
		const { modal, el, press } = await openModal(world, "k8s.md");
		document.body.appendChild(modal.containerEl);
		await press(" ");
		const again = el.querySelector<HTMLButtonElement>(".sn-review-rate-again");
		again?.focus();
		expect(document.activeElement).toBe(again);
		// The key is left to the focused button (not consumed); the browser then clicks it.
		expect(await press("Enter")).toBe(true);
		again?.click();
		await flush();
		// Again: the first learning step (1 min), not Good's second one (10 min).
		expect(world.text("k8s.md")).toMatch(/<!--SR:!fsrs,2026-03-10T12:01:00(\.000)?Z,0,[\d.]+,[\d.]+,1,1,0,0,/);
		modal.close();
	});

	it("focus stays in the review when the clicked button's bar is drawn anew", async () => {
		const world = await makeWorld();
		const { modal, el } = await openModal(world);
		document.body.appendChild(modal.containerEl);
		const show = el.querySelector<HTMLButtonElement>(".sn-review-show");
		show?.focus();
		show?.click();
		await flush();
		expect(el.contains(document.activeElement)).toBe(true);
		expect(document.activeElement?.textContent).toContain("Good");
		modal.close();
	});

	it("a live region reads out the question, then the revealed answer", async () => {
		const world = await makeWorld();
		const { el, press } = await openModal(world);
		const live = el.querySelector('[aria-live="polite"]');
		expect(live?.textContent).toBe("Question: What is a layer");
		await press(" ");
		expect(live?.textContent).toBe("Answer: A filesystem diff");
	});
});

describe("closing never drops answers silently", () => {
	it("Esc with an answer not saved asks first; Retry all saves it and closes", async () => {
		const world = await makeWorld();
		const { modal, el, press, text } = await openModal(world, "k8s.md");
		world.put("k8s.md", "#flashcards/k8s\r\n\r\nsomething else\r\n");
		await press(" ");
		await press("4");
		expect(text(".sn-review-summary-title")).toBe("1 answer is not saved yet");
		expect(text(".sn-review-unsaved-question")).toBe("What is a pod");
		await press("Escape");
		expect(isOpen(modal)).toBe(true);
		expect(text(".sn-review-close-question")).toContain("1 answer is not saved.");
		world.put("k8s.md", K8S);
		el.querySelector<HTMLButtonElement>(".sn-review-close-retry")?.click();
		await flush();
		expect(world.text("k8s.md")).toMatch(/<!--SR:!fsrs,/);
		expect(isOpen(modal)).toBe(false);
	});

	it("Close anyway closes with the answer dropped, as asked", async () => {
		const world = await makeWorld();
		const { modal, el, press } = await openModal(world, "k8s.md");
		world.put("k8s.md", "#flashcards/k8s\r\n\r\nsomething else\r\n");
		await press(" ");
		await press("4");
		modal.close();
		expect(isOpen(modal)).toBe(true);
		el.querySelector<HTMLButtonElement>(".sn-review-close-anyway")?.click();
		expect(isOpen(modal)).toBe(false);
	});

	it("Esc while editing leaves the edit box, not the review", async () => {
		const world = await makeWorld();
		const { modal, press, text } = await openModal(world, "k8s.md");
		await press("e");
		expect(text(".sn-review-edit-hint")).not.toBeNull();
		await press("Escape");
		expect(isOpen(modal)).toBe(true);
		expect(el(modal).querySelector(".sn-review-edit")?.classList.contains("sn-review-hidden")).toBe(true);
		await press("Escape");
		expect(isOpen(modal)).toBe(false);
	});
});

const el = (modal: ReviewModal): HTMLElement => modal.contentEl;
/** Whether the modal is open (a field of the Obsidian mock's Modal). */
const isOpen = (modal: ReviewModal): boolean => (modal as unknown as { isOpen: boolean }).isOpen;

describe("words and counts", () => {
	it("the header counts due, new and learning, in the deck list's words and order", async () => {
		const world = await makeWorld();
		const { el } = await openModal(world);
		const counts = Array.from(el.querySelectorAll(".sn-review-progress .sn-review-count")).map((c) => c.textContent);
		expect(counts).toEqual(["Done 0", "Due 0", "New 3", "Learning 0"]);
	});
});
