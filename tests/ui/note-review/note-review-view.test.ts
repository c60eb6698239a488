// @vitest-environment jsdom
/** The sidebar list of notes to review: decks, groups, counts, the active note, clicks, redraws. */
import { WorkspaceLeaf } from "obsidian";
import { beforeAll, describe, expect, it } from "vitest";
import { buildNoteQueue, type NoteQueue, type ReviewableNote } from "../../../src/notes/note-queue";
import { DEFAULT_SETTINGS } from "../../../src/settings/settings";
import { NoteReviewView } from "../../../src/ui/note-review/note-review-view";
import type { NoteReviewPort } from "../../../src/ui/note-review/note-review-port";
import { installObsidianDom } from "../../mocks/obsidian-dom";

beforeAll(() => installObsidianDom());

const NOW = new Date(2026, 2, 10, 12);
const settings = { ...DEFAULT_SETTINGS, algorithm: "sm2" as const, noteReviewTags: ["#review", "#read"] };
const note = (path: string, due: string | null, tags = ["#review"]): ReviewableNote => ({
	path,
	tags,
	schedule: { classic: due === null ? null : { type: "classic", due, interval: 3, ease: 250 }, fsrs: null },
});

function makeView(notes: ReviewableNote[], active: string | null = null) {
	let queue: NoteQueue = buildNoteQueue(notes, NOW, settings);
	const listeners = new Set<() => void>();
	const opened: [string, string][] = [];
	const port: NoteReviewPort = {
		queue: () => queue,
		onChange: (l) => (listeners.add(l), () => listeners.delete(l)),
		open: (path, deck) => opened.push([path, deck]),
		activePath: () => active,
	};
	const view = new NoteReviewView(new WorkspaceLeaf(), port);
	const change = (next: ReviewableNote[]) => {
		queue = buildNoteQueue(next, NOW, settings);
		for (const l of listeners) l();
	};
	return { view, opened, change, listeners };
}

const texts = (root: HTMLElement, selector: string) => [...root.querySelectorAll(selector)].map((el) => el.textContent);

describe("NoteReviewView", () => {
	it("shows each deck with its counts and the groups new, overdue, today, tomorrow, later", async () => {
		const { view } = makeView(
			[
				note("n.md", null),
				note("folder/o.md", "2026-03-01"),
				note("t.md", "2026-03-10"),
				note("m.md", "2026-03-11"),
				note("l.md", "2026-04-02"),
				note("r.md", null, ["#read"]),
			],
			"t.md",
		);
		await view.onOpen();
		const root = view.contentEl;
		expect(texts(root, ".spaced-notes-note-deck-name")).toEqual(["#review2 due · 1 new", "#read0 due · 1 new"]);
		expect(texts(root, ".spaced-notes-note-deck:first-child .spaced-notes-note-bucket-name")).toEqual([
			"New (1)",
			"Overdue (1)",
			"Today (1)",
			"Tomorrow (1)",
			"Later (1)",
		]);
		expect(texts(root, ".spaced-notes-note-bucket-overdue li")).toEqual(["o2026-03-01"]);
		expect(texts(root, ".spaced-notes-note-bucket-later li")).toEqual(["l2026-04-02"]);
		expect(texts(root, "li.is-active")).toEqual(["t"]);
	});

	it("opens a note on click, with its deck", async () => {
		const { view, opened } = makeView([note("r.md", null, ["#read"])]);
		await view.onOpen();
		(view.contentEl.querySelector("a[data-path='r.md']") as HTMLElement).click();
		expect(opened).toEqual([["r.md", "#read"]]);
	});

	it("redraws on change, keeps a folded deck folded, and says when there is nothing", async () => {
		const { view, change, listeners } = makeView([note("a.md", "2026-03-10")]);
		await view.onOpen();
		const details = view.contentEl.querySelector("details") as HTMLDetailsElement;
		details.open = false;
		details.dispatchEvent(new Event("toggle"));
		change([note("a.md", "2026-03-10"), note("b.md", null)]);
		expect((view.contentEl.querySelector("details") as HTMLDetailsElement).open).toBe(false);
		expect(texts(view.contentEl, ".spaced-notes-note-deck-name")).toEqual(["#review1 due · 1 new"]);
		change([]);
		expect(view.contentEl.textContent).toMatch(/^No notes to review\./);
		view.unload();
		expect(listeners.size).toBe(0);
	});
});
