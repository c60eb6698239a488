// @vitest-environment jsdom
import type { App as ObsidianApp } from "obsidian";
import { beforeAll, describe, expect, it } from "vitest";
import { openCardInTab } from "../../../src/ui/card-browser/open-card";
import { installObsidianDom } from "../../mocks/obsidian-dom";
import { App } from "../../mocks/obsidian";

beforeAll(() => installObsidianDom());

describe("opening a card from the browser", () => {
	it("opens its note in a new tab at the card's line, and says so when the note is gone", async () => {
		const app = new App();
		const file = app.vault.put("docker/layers.md", "#space\nq::a\n");
		const card = { path: "docker/layers.md", line: 1, cardIndex: 0, sibling: 0, id: "" };
		await openCardInTab(app as unknown as ObsidianApp, card);
		expect(app.workspace.leaves.map((leaf) => leaf.opened)).toEqual([[{ file, state: { active: true, eState: { line: 1 } } }]]);
		await expect(openCardInTab(app as unknown as ObsidianApp, { ...card, path: "gone.md" })).rejects.toThrow("the note gone.md no longer exists.");
	});
});
