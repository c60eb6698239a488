// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from "vitest";
import type { MarkdownPostProcessorContext, MarkdownSectionInformation } from "obsidian";
import type { CardChipClick } from "../../src/obsidian/card-live-preview";
import { createCardReadingViewPostProcessor } from "../../src/obsidian/card-reading-view";
import { DEFAULT_SETTINGS, type SpacedNotesSettings } from "../../src/settings/settings";
import { installObsidianDom } from "../mocks/obsidian-dom";

beforeAll(() => installObsidianDom());

const NOW = new Date(2025, 5, 10, 12);

const NOTE = [
	"#flashcards", // 0
	"",
	"First::one <!--SR:!2025-06-22,12,250-->", // 2
	"Second::two", // 3
	"<!--SR:!2025-06-07,3,250-->", // 4
	"",
	"Question", // 6
	"?",
	"Answer",
	"<!--SR:!2025-06-10,1,250-->", // 9
	"",
	"Prose without cards.", // 11
].join("\n");

function context(section: MarkdownSectionInformation | null): MarkdownPostProcessorContext {
	return { docId: "d", sourcePath: "deck/note.md", frontmatter: null, addChild: () => undefined, getSectionInfo: () => section };
}

/** A rendered section: Obsidian's div around a paragraph (comments are not rendered). */
function paragraph(...lines: string[]): HTMLElement {
	const section = createDiv();
	const p = section.createEl("p");
	lines.forEach((line, i) => {
		if (i > 0) p.createEl("br");
		p.appendText(line);
	});
	return section;
}

function run(el: HTMLElement, lineStart: number, lineEnd: number, settings: Partial<SpacedNotesSettings> = {}, onChipClick?: (i: CardChipClick) => void): void {
	const all: SpacedNotesSettings = { ...DEFAULT_SETTINGS, ...settings };
	const processor = createCardReadingViewPostProcessor(() => all, { now: () => NOW, onChipClick });
	void processor(el, context({ text: NOTE, lineStart, lineEnd }));
}

const texts = (el: HTMLElement): string[] => Array.from(el.querySelectorAll(".sn-chip")).map((c) => c.textContent ?? "");

describe("createCardReadingViewPostProcessor", () => {
	it("adds one chip per card comment in the section, at the end of its paragraph", () => {
		const el = paragraph("First::one", "Second::two");
		run(el, 2, 4);
		expect(texts(el)).toEqual(["in 12 d", "overdue 3 d"]);
		const row = el.querySelector(".sn-chip-row");
		expect(row?.parentElement?.tagName).toBe("P");
		// With several chips the hover says which card each is.
		expect(el.querySelector(".sn-chip")?.getAttribute("aria-label")).toBe("First\nDue 2025-06-22. Interval 12 d, ease 250.");
	});

	it("a multi-line card's section gets its chip; a section without comments gets none", () => {
		const card = paragraph("Question", "?", "Answer");
		run(card, 6, 9);
		expect(texts(card)).toEqual(["due today"]);
		expect(card.querySelector(".sn-chip")?.getAttribute("aria-label")).toBe("Due 2025-06-10. Interval 1 d, ease 250.");
		const prose = paragraph("Prose without cards.");
		run(prose, 11, 11);
		expect(prose.querySelector(".sn-chip")).toBeNull();
	});

	it("does nothing without section info, or when the setting hides comments", () => {
		const el = paragraph("First::one");
		void createCardReadingViewPostProcessor(() => DEFAULT_SETTINGS, { now: () => NOW })(el, context(null));
		expect(el.querySelector(".sn-chip")).toBeNull();
		run(el, 2, 2, { commentDisplay: "hidden" });
		expect(el.querySelector(".sn-chip")).toBeNull();
	});

	it("raw mode shows the comment as written", () => {
		const el = paragraph("First::one");
		run(el, 2, 2, { commentDisplay: "raw" });
		expect(el.querySelector(".sn-chip-raw")?.textContent).toBe("<!--SR:!2025-06-22,12,250-->");
	});

	it("a note that is not a card note gets no chips", () => {
		const el = paragraph("First::one");
		run(el, 2, 2, { flashcardTags: ["#other"] });
		expect(el.querySelector(".sn-chip")).toBeNull();
	});

	it("running twice on the same element keeps one set of chips", () => {
		const el = paragraph("First::one");
		const processor = createCardReadingViewPostProcessor(() => DEFAULT_SETTINGS, { now: () => NOW });
		const ctx = context({ text: NOTE, lineStart: 2, lineEnd: 2 });
		void processor(el, ctx);
		void processor(el, ctx);
		expect(texts(el)).toEqual(["in 12 d"]);
	});

	it("a chip click hands over the note path and the card", () => {
		const clicked: CardChipClick[] = [];
		const el = paragraph("Second::two");
		run(el, 3, 4, {}, (info) => clicked.push(info));
		el.querySelector<HTMLElement>(".sn-chip")?.dispatchEvent(new MouseEvent("mousedown", { bubbles: true, button: 0 }));
		expect(clicked.map((c) => [c.path, c.card.front])).toEqual([["deck/note.md", "Second"]]);
	});

	it("a table or code section gets its chips in a row of their own", () => {
		const el = createDiv();
		el.createEl("pre").createEl("code", { text: "First::one" });
		run(el, 2, 2);
		expect(el.querySelector(":scope > .sn-chip-row")?.tagName).toBe("DIV");
	});
});
