// @vitest-environment jsdom
import fc from "fast-check";
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

function run(
	el: HTMLElement,
	lineStart: number,
	lineEnd: number,
	settings: Partial<SpacedNotesSettings> = {},
	onChipClick?: (i: CardChipClick) => void,
	text = NOTE,
): void {
	const all: SpacedNotesSettings = { ...DEFAULT_SETTINGS, ...settings };
	const processor = createCardReadingViewPostProcessor(() => all, { now: () => NOW, onChipClick });
	void processor(el, context({ text, lineStart, lineEnd }));
}

const texts = (el: HTMLElement): string[] => Array.from(el.querySelectorAll(".sn-chip")).map((c) => c.textContent ?? "");

describe("createCardReadingViewPostProcessor", () => {
	it("puts each card's chip at the end of its own line in a paragraph", () => {
		// Line 4 (an own-line comment) renders nothing: two rendered lines for three source lines.
		const el = paragraph("First::one", "Second::two");
		run(el, 2, 4);
		expect(texts(el)).toEqual(["in 12 d", "overdue 3 d"]);
		const p = el.querySelector("p");
		const [first, second] = Array.from(el.querySelectorAll(".sn-chip-line"));
		expect(first.parentElement).toBe(p);
		expect(first.nextSibling).toBe(p?.querySelector("br"));
		expect(first.previousSibling?.textContent).toBe("First::one");
		expect(second.parentElement).toBe(p);
		expect(second.previousSibling?.textContent).toBe("Second::two");
		expect(second.nextSibling).toBeNull();
		expect(el.querySelector(".sn-chip-row")).toBeNull();
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
		const chip = el.querySelector<HTMLElement>(".sn-chip");
		// A press alone (a tap that slides away, a press near the line end) does nothing: the click acts.
		chip?.dispatchEvent(new MouseEvent("mousedown", { bubbles: true, button: 0 }));
		expect(clicked).toHaveLength(0);
		chip?.dispatchEvent(new MouseEvent("click", { bubbles: true, button: 0 }));
		expect(clicked.map((c) => [c.path, c.card.front])).toEqual([["deck/note.md", "Second"]]);
	});

	it("a table or code section gets its chips in a row of their own", () => {
		const el = createDiv();
		el.createEl("pre").createEl("code", { text: "First::one" });
		run(el, 2, 2);
		expect(el.querySelector(":scope > .sn-chip-row")?.tagName).toBe("DIV");
	});
});

/** Cards in a paragraph, a list and a callout. */
const NOTE2 = [
	"#flashcards", // 0
	"",
	"A1::a1 <!--SR:!2025-06-11,1,250-->", // 2
	"A2::a2 <!--SR:!2025-06-12,2,250-->",
	"A3::a3 <!--SR:!2025-06-13,3,250-->",
	"A4::a4 <!--SR:!2025-06-14,4,250-->",
	"A5::a5 <!--SR:!2025-06-15,5,250-->", // 6
	"",
	"- L1::l1 <!--SR:!2025-06-16,6,250-->", // 8
	"- Parent::p <!--SR:!2025-06-17,7,250-->",
	"  - L2::l2 <!--SR:!2025-06-18,8,250-->",
	"- Plain item",
	"- L3::l3", // 12
	"  <!--SR:!2025-06-19,9,250-->",
	"",
	"- Question", // 15
	"  ?",
	"  Answer",
	"  <!--SR:!2025-06-10,1,250-->", // 18
	"",
	"> [!note]", // 20
	"> C1::c1 <!--SR:!2025-06-20,10,250-->",
	"> C2::c2 <!--SR:!2025-06-21,11,250-->", // 22
].join("\n");

/** A rendered list section from nested arrays: a string is an item, an array after it its sub-list. */
type ListSpec = (string | ListSpec)[];
function list(spec: ListSpec): HTMLElement {
	const section = createDiv();
	const fill = (parent: HTMLElement, items: ListSpec): void => {
		const ul = parent.createEl("ul");
		let last: HTMLElement | null = null;
		for (const item of items) {
			if (typeof item === "string") last = ul.createEl("li", { text: item });
			else if (last) fill(last, item);
		}
	};
	fill(section, spec);
	return section;
}

/** The text of the line a chip host ends: the text node right before it. */
const lineBefore = (host: Element): string => host.previousSibling?.textContent ?? "";

describe("chips on their own rendered lines", () => {
	it("a paragraph of five single-line cards gets one chip per line, before each <br>", () => {
		const el = paragraph("A1::a1", "A2::a2", "A3::a3", "A4::a4", "A5::a5");
		run(el, 2, 6, {}, undefined, NOTE2);
		const hosts = Array.from(el.querySelectorAll(".sn-chip-line"));
		expect(hosts.map(lineBefore)).toEqual(["A1::a1", "A2::a2", "A3::a3", "A4::a4", "A5::a5"]);
		expect(hosts.map((h) => h.textContent)).toEqual(["in 1 d", "in 2 d", "in 3 d", "in 4 d", "in 5 d"]);
		const brs = Array.from(el.querySelectorAll("br"));
		expect(hosts.slice(0, 4).map((h) => h.nextSibling)).toEqual(brs);
		expect(hosts[4].nextSibling).toBeNull();
		expect(el.querySelector(".sn-chip-row")).toBeNull();
	});

	it("an own-line comment rendered as an empty line between <br>s is counted too", () => {
		// Three source lines, three rendered lines: the comment line is an empty one at the end.
		const el = paragraph("First::one", "Second::two", "");
		run(el, 2, 4);
		const brs = Array.from(el.querySelectorAll("br"));
		const hosts = Array.from(el.querySelectorAll(".sn-chip-line"));
		expect(hosts.map((h) => [lineBefore(h), h.textContent])).toEqual([
			["First::one", "in 12 d"],
			["Second::two", "overdue 3 d"],
		]);
		expect(hosts.map((h) => h.nextSibling)).toEqual(brs);
	});

	it("an own-line comment that ended the paragraph (a <p> per card) still maps", () => {
		const el = createDiv();
		el.createEl("p", { text: "First::one" });
		el.createEl("p", { text: "Second::two" });
		run(el, 2, 4);
		const ps = Array.from(el.querySelectorAll("p"));
		expect(ps.map((p) => p.querySelector(".sn-chip-line")?.textContent)).toEqual(["in 12 d", "overdue 3 d"]);
	});

	it("falls back to one row at the end when the <br>s do not match the lines (strict line breaks)", () => {
		const el = paragraph("A1::a1 A2::a2 A3::a3 A4::a4 A5::a5");
		run(el, 2, 6, {}, undefined, NOTE2);
		expect(el.querySelector(".sn-chip-line")).toBeNull();
		const row = el.querySelector(".sn-chip-row");
		expect(row?.parentElement?.tagName).toBe("P");
		expect(Array.from(row?.children ?? []).map((c) => c.textContent)).toEqual(["in 1 d", "in 2 d", "in 3 d", "in 4 d", "in 5 d"]);
	});

	it("a list puts each chip at the end of its own item, before a nested list", () => {
		const el = list(["L1::l1", "Parent::p", ["L2::l2"], "Plain item", "L3::l3"]);
		run(el, 8, 13, {}, undefined, NOTE2);
		const items = Array.from(el.querySelectorAll("li"));
		const chipOf = (li: Element): string | null => {
			const own = Array.from(li.children).find((c) => c.classList.contains("sn-chip-line"));
			return own?.textContent ?? null;
		};
		expect(items.map(chipOf)).toEqual(["in 6 d", "in 7 d", "in 8 d", null, "in 9 d"]);
		const parentHost = items[1].querySelector(":scope > .sn-chip-line");
		expect(parentHost?.nextElementSibling?.tagName).toBe("UL");
		expect(lineBefore(parentHost as Element)).toBe("Parent::p");
		expect(el.querySelector(".sn-chip-row")).toBeNull();
	});

	it("a multi-line card in a list item gets its chip at the end of that item", () => {
		const el = createDiv();
		const li = el.createEl("ul").createEl("li");
		li.appendText("- Question");
		li.createEl("br");
		li.appendText("?");
		li.createEl("br");
		li.appendText("Answer");
		run(el, 15, 18, {}, undefined, NOTE2);
		expect(li.lastElementChild?.className).toBe("sn-chip-line");
		expect(li.lastElementChild?.textContent).toBe("due today");
	});

	it("a loose list item gets its chip inside the item's paragraph", () => {
		const el = createDiv();
		const li = el.createEl("ul").createEl("li");
		const p = li.createEl("p", { text: "L1::l1" });
		run(el, 8, 8, {}, undefined, NOTE2);
		expect(p.querySelector(".sn-chip-line")?.textContent).toBe("in 6 d");
	});

	it("falls back to a row when the items do not match the item lines", () => {
		const el = list(["L1::l1", "Parent::p L2::l2", "Plain item", "L3::l3"]);
		run(el, 8, 13, {}, undefined, NOTE2);
		expect(el.querySelector(".sn-chip-line")).toBeNull();
		const row = el.querySelector(":scope > .sn-chip-row");
		expect(row?.tagName).toBe("DIV");
		expect(row?.children.length).toBe(4);
	});

	it("a callout keeps its chips in a row at the end", () => {
		const el = createDiv();
		const quote = el.createEl("blockquote");
		quote.createDiv({ cls: "callout-title", text: "Note" });
		quote.createDiv({ cls: "callout-content" }).createEl("p", { text: "C1::c1" });
		run(el, 20, 22, {}, undefined, NOTE2);
		expect(el.querySelector(".sn-chip-line")).toBeNull();
		expect(el.querySelector(":scope > .sn-chip-row")?.children.length).toBe(2);
	});

	it("raw mode shows each comment on its own line", () => {
		const el = paragraph("A1::a1", "A2::a2", "A3::a3", "A4::a4", "A5::a5");
		run(el, 2, 6, { commentDisplay: "raw" }, undefined, NOTE2);
		const hosts = Array.from(el.querySelectorAll(".sn-chip-line"));
		expect(hosts.map(lineBefore)).toEqual(["A1::a1", "A2::a2", "A3::a3", "A4::a4", "A5::a5"]);
		expect(hosts[2].querySelector(".sn-chip-raw")?.textContent).toBe("<!--SR:!2025-06-13,3,250-->");
		expect(el.querySelectorAll(".sn-chip-raw").length).toBe(5);
	});

	it("re-rendering never duplicates per-line chips, and a mode change replaces them", () => {
		const el = paragraph("A1::a1", "A2::a2", "A3::a3", "A4::a4", "A5::a5");
		run(el, 2, 6, {}, undefined, NOTE2);
		run(el, 2, 6, {}, undefined, NOTE2);
		expect(texts(el)).toEqual(["in 1 d", "in 2 d", "in 3 d", "in 4 d", "in 5 d"]);
		expect(el.querySelectorAll(".sn-chip-line").length).toBe(5);
		run(el, 2, 6, { commentDisplay: "raw" }, undefined, NOTE2);
		expect(el.querySelectorAll(".sn-chip").length).toBe(5);
		expect(el.querySelectorAll(".sn-chip-raw").length).toBe(5);
		run(el, 2, 6, { commentDisplay: "hidden" }, undefined, NOTE2);
		expect(el.querySelector(".sn-chip")).toBeNull();
		expect(el.querySelector("p")?.childNodes.length).toBe(9);
	});

	it("an own-line comment rendered as a section of its own adds nothing there", () => {
		// The card's text line is in the paragraph's section; the comment-only section stays empty.
		const el = createDiv();
		run(el, 4, 4);
		expect(el.querySelector(".sn-chip")).toBeNull();
		const p = paragraph("First::one", "Second::two");
		run(p, 2, 3);
		expect(texts(p)).toEqual(["in 12 d", "overdue 3 d"]);
		expect(p.querySelectorAll(".sn-chip-line").length).toBe(2);
	});
});

describe("paragraph mapping, for any mix of inline and own-line comments", () => {
	type Rendering = "comment-line-empty" | "comment-line-dropped" | "strict-line-breaks";
	const comment = (i: number): string => `<!--SR:!2025-06-20,${i + 1},250-->`;

	it("each chip follows its own card's line, or all go in one row when the lines do not add up", () => {
		fc.assert(
			fc.property(
				fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
				fc.constantFrom<Rendering>("comment-line-empty", "comment-line-dropped", "strict-line-breaks"),
				(ownLines, rendering) => {
					const source = ["#flashcards", ""];
					const rendered: string[] = [];
					ownLines.forEach((own, i) => {
						source.push(own ? `Q${i}::A${i}` : `Q${i}::A${i} ${comment(i)}`);
						rendered.push(`Q${i}::A${i}`);
						if (!own) return;
						source.push(comment(i));
						if (rendering === "comment-line-empty") rendered.push("");
					});
					const el = rendering === "strict-line-breaks" ? paragraph(rendered.join(" ")) : paragraph(...rendered);
					run(el, 2, source.length - 1, { commentDisplay: "raw" }, undefined, source.join("\n"));

					const raws = Array.from(el.querySelectorAll(".sn-chip-raw")).map((c) => c.textContent);
					expect(raws).toEqual(ownLines.map((_, i) => comment(i)));
					const hosts = Array.from(el.querySelectorAll(".sn-chip-line"));
					if (rendering === "strict-line-breaks" && ownLines.length > 1) {
						expect(hosts).toEqual([]);
						expect(el.querySelector("p > .sn-chip-row")?.children.length).toBe(ownLines.length);
						return;
					}
					expect(el.querySelector(".sn-chip-row")).toBeNull();
					expect(hosts.map((h) => [lineBefore(h).trim().split(" ").pop(), h.textContent])).toEqual(
						ownLines.map((_, i) => [`Q${i}::A${i}`, comment(i)]),
					);
					for (const h of hosts) expect(h.nextSibling === null || h.nextSibling.nodeName === "BR").toBe(true);
				},
			),
		);
	});
});
