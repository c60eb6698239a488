// @vitest-environment jsdom
/** Defect 4 of issue #15: reading view shows `==1;;text;;hint==` as the cloze it is, not the raw groups. */
import { beforeAll, describe, expect, it } from "vitest";
import type { MarkdownPostProcessorContext } from "obsidian";
import { createCardReadingViewPostProcessor } from "../../src/obsidian/card-reading-view";
import { renderClozeGroups } from "../../src/obsidian/cloze-reading-view";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import { installObsidianDom } from "../mocks/obsidian-dom";

beforeAll(() => installObsidianDom());

/** A paragraph as Obsidian renders `==…==`: each highlight a `mark` holding the raw text. */
function rendered(...parts: (string | { mark: string })[]): HTMLElement {
	const section = createDiv();
	const p = section.createEl("p");
	for (const part of parts) {
		if (typeof part === "string") p.appendText(part);
		else p.createEl("mark", { text: part.mark });
	}
	return section;
}

describe("clozes in reading view", () => {
	it("shows the words highlighted, the group as a small number and the hint as a hint", () => {
		const el = rendered({ mark: "1;;Paris;;a city" }, " is the capital of ", { mark: "2;;France" }, " and ", { mark: "plain" }, ".");
		const context: MarkdownPostProcessorContext = {
			docId: "d",
			sourcePath: "geo.md",
			frontmatter: null,
			addChild: () => undefined,
			getSectionInfo: () => null,
		};
		void createCardReadingViewPostProcessor(() => DEFAULT_SETTINGS)(el, context);
		const marks = Array.from(el.querySelectorAll("mark"));
		expect(marks.map((m) => m.firstChild?.textContent)).toEqual(["Paris", "France", "plain"]);
		expect(marks.map((m) => m.querySelector(".sn-cloze-group")?.textContent ?? null)).toEqual(["1", "2", null]);
		expect(el.querySelector(".sn-cloze-hint")?.textContent).toBe("a city");
		expect(marks[0].nextElementSibling?.hasClass("sn-cloze-hint")).toBe(true);
		expect(el.textContent).not.toContain(";;");
		// A second run (re-render) changes nothing more.
		expect(renderClozeGroups(el, DEFAULT_SETTINGS)).toBe(0);
	});

	it("a hint without a group", () => {
		const el = rendered({ mark: "Rome;;Italy" });
		expect(renderClozeGroups(el, DEFAULT_SETTINGS)).toBe(1);
		expect(el.querySelector("mark")?.textContent).toBe("Rome");
		expect(el.querySelector(".sn-cloze-hint")?.textContent).toBe("Italy");
	});

	it("leaves highlights alone when the settings read no highlight clozes", () => {
		const el = rendered({ mark: "1;;Paris" });
		expect(renderClozeGroups(el, { clozeKinds: [], clozePatterns: ["{{[123::]answer[::hint]}}"] })).toBe(0);
		expect(el.querySelector("mark")?.textContent).toBe("1;;Paris");
	});
});
