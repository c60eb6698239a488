// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EditorSelection, EditorState } from "@codemirror/state";
import { type Decoration, type DecorationSet, EditorView } from "@codemirror/view";
import { editorInfoField, editorLivePreviewField, type MarkdownFileInfo } from "obsidian";
import { type CardChipClick, cardLivePreviewExtension, refreshCardDecorations } from "../../src/obsidian/card-live-preview";
import { DEFAULT_SETTINGS, type SpacedNotesSettings } from "../../src/settings/settings";
import { setEditorLivePreview, TFile } from "../mocks/obsidian";
import { installObsidianDom } from "../mocks/obsidian-dom";

beforeAll(() => installObsidianDom());

const NOW = new Date(2025, 5, 10, 12); // 2025-06-10 12:00 local

let view: EditorView | null = null;
afterEach(() => {
	view?.destroy();
	view = null;
});

interface Open {
	livePreview?: boolean;
	settings?: Partial<SpacedNotesSettings>;
	onChipClick?: (info: CardChipClick) => void;
	path?: string;
	reparseDelayMs?: number;
}

function open(doc: string, o: Open = {}): { view: EditorView; settings: SpacedNotesSettings } {
	const settings: SpacedNotesSettings = { ...DEFAULT_SETTINGS, ...o.settings };
	const parent = createDiv();
	document.body.appendChild(parent);
	const extension = cardLivePreviewExtension(() => settings, { now: () => NOW, onChipClick: o.onChipClick, reparseDelayMs: o.reparseDelayMs });
	const file = new TFile(o.path ?? "notes/cards.md");
	view = new EditorView({
		state: EditorState.create({
			doc,
			extensions: [
				editorLivePreviewField.init(() => o.livePreview ?? true),
				editorInfoField.init(() => ({ file }) as unknown as MarkdownFileInfo),
				extension,
			],
		}),
		parent,
	});
	return { view, settings };
}

function chips(v: EditorView): HTMLElement[] {
	return Array.from(v.contentDOM.querySelectorAll<HTMLElement>(".sn-chip"));
}

/** The ranges the extension replaces (chips or hidden comments). */
function replaced(v: EditorView): [number, number][] {
	const out: [number, number][] = [];
	for (const source of v.state.facet(EditorView.decorations)) {
		const set: DecorationSet = typeof source === "function" ? source(v) : source;
		set.between(0, v.state.doc.length, (from, to, deco: Decoration) => {
			if ((deco.spec as { widget?: unknown }).widget !== undefined) out.push([from, to]);
		});
	}
	return out;
}

const chipTexts = (v: EditorView): string[] => chips(v).map((c) => c.textContent ?? "");
const shown = (v: EditorView): string => v.contentDOM.textContent ?? "";

const FORMS = [
	"#flashcards",
	"",
	"Same line::answer <!--SR:!2025-06-22,12,250-->",
	"",
	"Next line::answer",
	"<!--SR:!2025-06-07,3,250-->",
	"",
	"Reversed:::other side <!--SR:!2025-06-10,1,250!2025-06-30,20,250-->",
	"",
	"Multi-line question",
	"?",
	"Multi-line answer",
	"<!--SR:!fsrs,2025-06-13T09:00:00.000Z,3,3.2,5.1,2,4,1,0,2025-06-10T08:00:00.000Z-->",
	"",
	"Reversed question",
	"??",
	"Reversed answer <!--SR:!2000-01-01,1,250!2000-01-01,1,250-->",
	"",
	"A ==cloze== here",
	"<!--SR:!2025-06-01,4,230-->",
	"",
	"> [!note] In a callout",
	"> Callout question::callout answer <!--SR:!2025-06-11,1,250-->",
].join("\n");

describe("cardLivePreviewExtension: chips", () => {
	it("shows a chip for every comment form and hides the raw comments", () => {
		const { view: v } = open(FORMS);
		expect(chipTexts(v)).toEqual(["in 12 d", "overdue 3 d", "due today", "in 3 d", "new", "overdue 9 d", "in 1 d"]);
		expect(shown(v)).not.toContain("<!--SR:");
		expect(shown(v)).toContain("Same line::answer ");
		// The file is never changed.
		expect(v.state.doc.toString()).toBe(FORMS);
	});

	it("puts the stored numbers on hover and the state in a class", () => {
		const { view: v } = open(FORMS);
		const [first, second] = chips(v);
		expect(first.getAttribute("aria-label")).toBe("Due 2025-06-22. Interval 12 d, ease 250.");
		expect(first.classList.contains("sn-chip-later")).toBe(true);
		expect(second.classList.contains("sn-chip-overdue")).toBe(true);
		expect(chips(v)[3].getAttribute("aria-label")).toContain("stability 3.2 d");
	});

	it("chips every comment of the real user note", () => {
		const note = readFileSync(join(__dirname, "..", "..", "examples", "vault", "docker", "docker-multistage.md"), "utf8");
		const { view: v } = open(note.split("\n").slice(0, 12).join("\n"), { settings: { flashcardTags: ["#space"] } });
		expect(chipTexts(v)).toEqual(["overdue 35 d"]);
		expect(v.contentDOM.querySelectorAll(".sn-card-separator")).toHaveLength(1);
	});

	it("shows the raw comment as soon as the selection touches it, and the chip again when it leaves", () => {
		const { view: v } = open(FORMS);
		const at = FORMS.indexOf("<!--SR:!2025-06-07");
		v.dispatch({ selection: EditorSelection.cursor(at + 5) });
		expect(shown(v)).toContain("<!--SR:!2025-06-07,3,250-->");
		expect(chipTexts(v)).not.toContain("overdue 3 d");
		expect(chipTexts(v)).toHaveLength(6);
		v.dispatch({ selection: EditorSelection.cursor(at) }); // at its first character: still editable
		expect(shown(v)).toContain("<!--SR:!2025-06-07,3,250-->");
		v.dispatch({ selection: EditorSelection.cursor(0) });
		expect(shown(v)).not.toContain("<!--SR:");
		expect(chipTexts(v)).toHaveLength(7);
	});

	it("a selection across several comments shows them all raw", () => {
		const { view: v } = open(FORMS);
		v.dispatch({ selection: EditorSelection.range(0, FORMS.indexOf("Multi-line answer")) });
		expect(chipTexts(v)).toEqual(["in 3 d", "new", "overdue 9 d", "in 1 d"]);
	});
});

describe("cardLivePreviewExtension: edits", () => {
	it("an edit that is not typing (write-back, undo) re-parses at once", () => {
		const { view: v } = open(FORMS);
		const at = FORMS.indexOf("2025-06-22");
		v.dispatch({ changes: { from: at, to: at + 10, insert: "2025-06-15" } });
		expect(chipTexts(v)[0]).toBe("in 5 d");
		v.dispatch({ changes: { from: v.state.doc.length, insert: "\n\nNew card::new answer <!--SR:!2025-06-09,1,250-->" } });
		expect(chipTexts(v).at(-1)).toBe("overdue 1 d");
		v.dispatch({ changes: { from: 0, to: "#flashcards".length, insert: "#other" } }); // no longer a card note
		expect(chips(v)).toHaveLength(0);
	});

	it("typing keeps chips in place at once and re-parses after a pause", async () => {
		const { view: v } = open(FORMS, { reparseDelayMs: 20 });
		const before = chips(v).length;
		// Type a new card in front of everything: the chips move with the text, no parse yet.
		v.dispatch({ changes: { from: "#flashcards\n".length, insert: "Typed::card <!--SR:!2025-06-10,1,250-->\n\n" }, userEvent: "input.type" });
		expect(chips(v)).toHaveLength(before);
		expect(shown(v)).toContain("Typed::card <!--SR:!2025-06-10,1,250-->");
		expect(shown(v)).toContain("Same line::answer ");
		await vi.waitFor(() => expect(chips(v)).toHaveLength(before + 1));
		expect(chipTexts(v)[0]).toBe("due today");
	});

	it("a note with a byte order mark gets its chips at the right place", () => {
		const doc = "\uFEFFBom::card <!--SR:!2025-06-22,12,250-->\n#flashcards";
		const { view: v } = open(doc);
		expect(chipTexts(v)).toEqual(["in 12 d"]);
		expect(shown(v)).toContain("Bom::card ");
		expect(shown(v)).not.toContain("<!--");
	});

	it("while typing anywhere, every chip still covers exactly a scheduling comment (property)", () => {
		fc.assert(
			fc.property(
				fc.array(fc.record({ at: fc.nat(), del: fc.integer({ min: 0, max: 4 }), text: fc.constantFrom("x", "<", "-->", "!", "\n", "::", "?", "") }), {
					minLength: 1,
					maxLength: 12,
				}),
				(edits) => {
					const { view: v } = open(FORMS, { reparseDelayMs: 60_000 });
					try {
						for (const e of edits) {
							const from = e.at % (v.state.doc.length + 1);
							const to = Math.min(v.state.doc.length, from + e.del);
							v.dispatch({
								changes: { from, to, insert: e.text },
								selection: EditorSelection.cursor(from + e.text.length),
								userEvent: e.text ? "input.type" : "delete.forward",
							});
							for (const [start, end] of replaced(v)) expect(v.state.doc.sliceString(start, end)).toMatch(/^<!--SR:[^>]*-->$/);
						}
					} finally {
						v.destroy();
						view = null;
					}
				},
			),
			{ numRuns: 40 },
		);
	});

	it("deleting a comment by typing removes its chip at once", () => {
		const { view: v } = open(FORMS, { reparseDelayMs: 10_000 });
		const at = FORMS.indexOf("<!--SR:!2025-06-22");
		v.dispatch({ changes: { from: at, to: at + "<!--SR:!2025-06-22,12,250-->".length }, userEvent: "delete.backward" });
		expect(chipTexts(v)).not.toContain("in 12 d");
		expect(chips(v)).toHaveLength(6);
	});

	it("labels follow the clock into the next day without an edit", () => {
		let now = new Date(2025, 5, 10, 12);
		const settings = { ...DEFAULT_SETTINGS };
		const parent = createDiv();
		document.body.appendChild(parent);
		view = new EditorView({
			state: EditorState.create({
				doc: FORMS,
				extensions: [editorLivePreviewField.init(() => true), cardLivePreviewExtension(() => settings, { now: () => now })],
			}),
			parent,
		});
		expect(chipTexts(view)[0]).toBe("in 12 d");
		now = new Date(2025, 5, 11, 12);
		view.dispatch({ selection: EditorSelection.cursor(1) });
		expect(chipTexts(view)[0]).toBe("in 11 d");
	});

	it("the refresh effect re-parses with the current settings", () => {
		const { view: v, settings } = open(FORMS);
		settings.flashcardTags = ["#nothing"];
		v.dispatch({ effects: refreshCardDecorations.of(null) });
		expect(chips(v)).toHaveLength(0);
	});
});

describe("cardLivePreviewExtension: modes and marks", () => {
	it("Source mode shows the raw text and nothing else, and follows the switch", () => {
		const { view: v } = open(FORMS, { livePreview: false });
		expect(chips(v)).toHaveLength(0);
		expect(v.contentDOM.querySelectorAll(".sn-card-separator, .sn-card-separator-inline")).toHaveLength(0);
		expect(shown(v)).toContain("<!--SR:!2025-06-22,12,250-->");
		v.dispatch({ effects: setEditorLivePreview.of(true) });
		expect(chips(v)).toHaveLength(7);
		v.dispatch({ effects: setEditorLivePreview.of(false) });
		expect(chips(v)).toHaveLength(0);
		expect(shown(v)).toContain("<!--SR:!2025-06-22,12,250-->");
	});

	it("hidden mode shows nothing in place of a comment; raw mode shows it as written", () => {
		const { view: v, settings } = open(FORMS, { settings: { commentDisplay: "hidden" } });
		expect(chips(v)).toHaveLength(0);
		expect(shown(v)).not.toContain("<!--SR:");
		settings.commentDisplay = "raw";
		v.dispatch({ selection: EditorSelection.cursor(1) });
		expect(chips(v)).toHaveLength(0);
		expect(shown(v)).toContain("<!--SR:!2025-06-22,12,250-->");
	});

	it("marks the ? and ?? lines and the :: / ::: separators", () => {
		const { view: v } = open(FORMS);
		const lines = Array.from(v.contentDOM.querySelectorAll<HTMLElement>(".cm-line.sn-card-separator"));
		expect(lines.map((l) => l.textContent)).toEqual(["?", "??"]);
		expect(lines[1].classList.contains("sn-card-separator-reversed")).toBe(true);
		const inline = Array.from(v.contentDOM.querySelectorAll<HTMLElement>(".sn-card-separator-inline"));
		expect(inline.map((m) => m.textContent)).toEqual(["::", "::", ":::", "::"]);
		expect(inline[2].classList.contains("sn-card-separator-reversed")).toBe(true);
	});

	it("marks the separators of the settings", () => {
		const doc = "#flashcards\n\n- Q - A\n\nFront\n&&\nBack\n\nX <-> Y";
		const { view: v } = open(doc, { settings: { singleLineSeparator: " - ", singleLineReversedSeparator: " <-> ", multiLineReversedSeparator: "&&" } });
		const lines = Array.from(v.contentDOM.querySelectorAll<HTMLElement>(".cm-line.sn-card-separator"));
		expect(lines.map((l) => [l.textContent, l.classList.contains("sn-card-separator-reversed")])).toEqual([["&&", true]]);
		const inline = Array.from(v.contentDOM.querySelectorAll<HTMLElement>(".sn-card-separator-inline"));
		expect(inline.map((m) => [m.textContent, m.classList.contains("sn-card-separator-reversed")])).toEqual([
			[" - ", false],
			[" <-> ", true],
		]);
	});

	it("a :: inside inline code is not marked, the real separator after it is", () => {
		const doc = "#flashcards\n\nWhat does `a::b` mean::scope <!--SR:!2025-06-10,1,250-->";
		const { view: v } = open(doc);
		const marks = Array.from(v.contentDOM.querySelectorAll(".sn-card-separator-inline"));
		expect(marks).toHaveLength(1);
		const pos = v.posAtDOM(marks[0]);
		expect(v.state.doc.sliceString(pos - 5, pos + 2)).toBe(" mean::");
	});
});

describe("cardLivePreviewExtension: chip clicks", () => {
	it("a chip click hands the card and the note path over, without moving the cursor or changing the note", () => {
		const clicked: CardChipClick[] = [];
		const { view: v } = open(FORMS, { onChipClick: (info) => clicked.push(info), path: "deck/cards.md" });
		const chip = chips(v)[1];
		const pressed = new MouseEvent("mousedown", { bubbles: true, cancelable: true, button: 0 });
		chip.dispatchEvent(pressed);
		// The press is kept from the editor but does not act; the click does.
		expect(pressed.defaultPrevented).toBe(true);
		expect(clicked).toHaveLength(0);
		chip.dispatchEvent(new MouseEvent("click", { bubbles: true, button: 0 }));
		expect(clicked).toHaveLength(1);
		expect(clicked[0].path).toBe("deck/cards.md");
		expect(clicked[0].card.front).toBe("Next line");
		expect(v.state.selection.main.head).toBe(0);
		expect(chips(v)).toHaveLength(7);
		expect(v.state.doc.toString()).toBe(FORMS);
		expect(chip.getAttribute("role")).toBe("button");
	});

	it("without a click handler the chip is no button", () => {
		const { view: v } = open(FORMS);
		expect(chips(v)[0].getAttribute("role")).toBeNull();
	});
});
