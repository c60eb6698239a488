import { describe, expect, it } from "vitest";
import { buildNoteQueue, dueNoteCount, inFolder, nextNote, noteDecks, type ReviewableNote } from "../../src/notes/note-queue";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import type { NoteReviewEntry } from "../../src/stats/log-format";

const settings = { ...DEFAULT_SETTINGS, algorithm: "sm2" as const, noteReviewTags: ["#review", "#read"], noteReviewFolders: ["inbox"] };
const now = new Date(2026, 2, 10, 12);
const note = (path: string, due: string | null, tags = ["#review"]): ReviewableNote => ({
	path,
	tags,
	schedule: { classic: due === null ? null : { type: "classic", due, interval: 3, ease: 250 }, fsrs: null },
});

describe("note decks", () => {
	it("puts sub-tags in their listed tag's deck, matches tags without case, adds review folders", () => {
		expect(noteDecks("a.md", ["#Review/math"], settings)).toEqual(["#review"]);
		expect(noteDecks("inbox/a.md", ["#read", "#reviewed"], settings)).toEqual(["#read", "inbox"]);
		expect(noteDecks("a.md", ["#reviewed"], settings)).toEqual([]);
		expect(noteDecks("tpl/a.md", ["#review"], { ...settings, ignoredFolders: ["tpl/**"] })).toEqual([]);
	});

	it("matches folders by prefix or glob", () => {
		expect(inFolder("a/b/c.md", "a/b")).toBe(true);
		expect(inFolder("x/c.excalidraw.md", "**/*.excalidraw.md")).toBe(true);
		expect(inFolder("x/c.md", "**/*.excalidraw.md")).toBe(false);
	});
});

describe("the note queue", () => {
	const notes = [
		note("new.md", null),
		note("over.md", "2026-03-01"),
		note("today.md", "2026-03-10"),
		note("tomorrow.md", "2026-03-11"),
		note("later.md", "2026-04-01"),
		note("far.md", "2028-01-01"),
	];

	it("sorts notes into new, overdue, today, tomorrow and later, up to the days shown", () => {
		const deck = buildNoteQueue(notes, now, settings).decks[0];
		expect(Object.fromEntries(Object.entries(deck.buckets).map(([k, v]) => [k, v.map((n) => n.path)]))).toEqual({
			new: ["new.md"],
			overdue: ["over.md"],
			today: ["today.md"],
			tomorrow: ["tomorrow.md"],
			later: ["later.md"],
		});
	});

	it("counts due notes and opens a due one before a new one", () => {
		const queue = buildNoteQueue(notes, now, settings);
		expect(dueNoteCount(queue)).toBe(2);
		expect(nextNote(queue)).toEqual({ path: "over.md", deck: "#review" });
		expect(nextNote(queue, "#review", () => 0.99)).toEqual({ path: "today.md", deck: "#review" });
		expect(nextNote(buildNoteQueue([note("new.md", null)], now, settings))).toEqual({ path: "new.md", deck: "#review" });
	});

	it("applies the daily limits from today's note reviews in the log", () => {
		const done = (state: 0 | 2): NoteReviewEntry => ({
			kind: "note",
			time: now.getTime() - 1000,
			note: "x.md",
			deck: "review",
			rating: 3,
			state,
			elapsedDays: 0,
			scheduledDays: 3,
		});
		const queue = buildNoteQueue(notes, now, { ...settings, reviewsPerDay: 2, newPerDay: 1 }, new Map(), [done(2), done(0)]);
		expect(queue.decks[0].reviewsLeft).toBe(1);
		expect(queue.decks[0].newLeft).toBe(0);
		expect(dueNoteCount(queue)).toBe(1);
	});

	it("counts notes due per day for load balancing", () => {
		const queue = buildNoteQueue([note("a.md", "2026-03-20"), note("b.md", "2026-03-20", ["#review", "#read"])], now, settings);
		expect(queue.dueOn("2026-03-20")).toBe(3);
		expect(queue.dueOn("2026-03-21")).toBe(0);
	});
});
