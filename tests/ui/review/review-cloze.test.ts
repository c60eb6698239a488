// @vitest-environment jsdom
/**
 * Defect 4 of issue #15: a cloze's answer is its sentence once, with the revealed words
 * highlighted in place; a hint is styled as a hint.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MarkdownRenderer, Scope } from "../../mocks/obsidian";
import { installObsidianDom } from "../../mocks/obsidian-dom";
import { ReviewModal } from "../../../src/ui/review/review-modal";
import { makeWorld } from "../../review/fixtures";

beforeAll(() => installObsidianDom());
beforeEach(() => {
	MarkdownRenderer.renders.length = 0;
	document.body.empty();
});

const flush = async (): Promise<void> => {
	for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

describe("a cloze in the review", () => {
	it("shows the sentence once on the answer side, the revealed words marked in place and the hint as a hint", async () => {
		const world = await makeWorld();
		world.put("geo.md", "#flashcards\n\n==1;;Paris;;a city== is the capital of ==2;;France==.\n");
		await world.indexer.rebuild();
		const modal = new ReviewModal(world.services, { title: "Geo", path: "geo.md" });
		modal.open();
		await flush();
		const el = modal.contentEl;
		const question = el.querySelector(".sn-review-question");
		expect(question?.textContent).toBe("[a city] is the capital of France.");
		expect(question?.querySelector(".sn-cloze-hint")?.textContent).toBe("[a city]");
		expect(question?.textContent).not.toMatch(/[\uE000-\uE005]/);

		(modal.scope as unknown as Scope).press(" ");
		await flush();
		// The question is hidden and the answer holds the sentence once.
		expect(question?.hasClass("sn-review-hidden")).toBe(true);
		const answer = el.querySelector(".sn-review-answer");
		expect(answer?.textContent).toBe("Paris is the capital of France.");
		expect(answer?.querySelector("hr")).toBeNull();
		const marked = Array.from(answer?.querySelectorAll("mark.sn-cloze-answer") ?? []).map((m) => m.textContent);
		expect(marked).toEqual(["Paris"]);
		modal.close();
	});

	it("a card of another kind keeps question, divider and answer", async () => {
		const world = await makeWorld();
		const modal = new ReviewModal(world.services, { title: "k8s", path: "k8s.md" });
		modal.open();
		await flush();
		(modal.scope as unknown as Scope).press(" ");
		await flush();
		const el = modal.contentEl;
		expect(el.querySelector(".sn-review-question")?.hasClass("sn-review-hidden")).toBe(false);
		expect(el.querySelector(".sn-review-answer hr")).not.toBeNull();
		expect(el.querySelector(".sn-review-answer")?.textContent).toBe("One or more containers");
		modal.close();
	});
});
