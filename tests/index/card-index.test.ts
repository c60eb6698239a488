import { describe, expect, it } from "vitest";
import { CardIndex } from "../../src/index/card-index";
import { card, classic, fsrs, NEW, noteForIndex } from "../builders";

const options = { flashcardTags: ["#space", "#flashcards"], dayStartHour: 4 };

describe("CardIndex", () => {
	it("adds, replaces and removes one file's cards", () => {
		const index = new CardIndex(options);
		index.setFile(
			"a.md",
			noteForIndex({ tags: ["#space"], cards: [card({ decks: ["space"], segments: [NEW] }), card({ decks: ["space"], segments: [NEW, NEW] })] }),
		);
		index.setFile("b.md", noteForIndex({ tags: ["#space"], cards: [card({ decks: ["space/x"], segments: [NEW] })] }));
		expect([index.fileCount, index.cardCount, index.siblingCount]).toEqual([2, 3, 4]);
		index.setFile("a.md", noteForIndex({ tags: ["#space"], cards: [card({ decks: ["space"], segments: [NEW] })] }));
		expect([index.fileCount, index.cardCount, index.siblingCount]).toEqual([2, 2, 2]);
		expect(index.removeFile("b.md")).toBe(true);
		expect(index.removeFile("b.md")).toBe(false);
		expect([index.fileCount, index.cardCount, index.siblingCount]).toEqual([1, 1, 1]);
	});

	it("drops a note that no longer has cards", () => {
		const index = new CardIndex(options);
		index.setFile("a.md", noteForIndex({ tags: ["#space"], cards: [card({ decks: ["space"], segments: [NEW] })] }));
		index.setFile("a.md", noteForIndex({ tags: ["#space"], cards: [] }));
		expect(index.has("a.md")).toBe(false);
		expect(index.cardCount).toBe(0);
	});

	it("keeps files sorted by path whatever the order they came in", () => {
		const index = new CardIndex(options);
		for (const path of ["c.md", "a/b.md", "B.md", "a.md"]) index.setFile(path, noteForIndex({ cards: [card({ decks: ["space"], segments: [NEW] })] }));
		expect(index.files().map((f) => f.path)).toEqual(["B.md", "a.md", "a/b.md", "c.md"]);
		index.setFile("a.md", noteForIndex({ cards: [card({ decks: ["space"], segments: [NEW] }), card({ decks: ["space"], segments: [NEW] })] }));
		expect(index.files().map((f) => [f.path, f.cardCount])).toEqual([
			["B.md", 1],
			["a.md", 2],
			["a/b.md", 1],
			["c.md", 1],
		]);
	});

	it("renames a file, replacing whatever was at the new path", () => {
		const index = new CardIndex(options);
		index.setFile("a.md", noteForIndex({ cards: [card({ decks: ["space"], segments: [NEW] })] }));
		index.setFile("b.md", noteForIndex({ cards: [card({ decks: ["space"], segments: [NEW] }), card({ decks: ["space"], segments: [NEW] })] }));
		expect(index.renameFile("a.md", "b.md")).toBe(true);
		expect(index.files().map((f) => [f.path, f.cardCount])).toEqual([["b.md", 1]]);
		expect(index.cardCount).toBe(1);
		expect(index.renameFile("nope.md", "x.md")).toBe(false);
	});

	it("keeps only the note tags that are not flashcard tags, normalised and once", () => {
		const index = new CardIndex(options);
		index.setFile(
			"a.md",
			noteForIndex({ tags: ["#space/docker", "#Done-Space", "#done-space", "#SPACE", "#todo"], cards: [card({ decks: ["space"], segments: [NEW] })] }),
		);
		expect(index.getFile("a.md")?.tags).toEqual(["#done-space", "#todo"]);
	});

	it("resolves statuses through siblingStatus, and follows a change of the day start hour", () => {
		const index = new CardIndex(options);
		index.setFile(
			"a.md",
			noteForIndex({
				cards: [
					card({
						decks: ["space"],
						segments: [
							classic("2026-03-10"),
							fsrs(new Date(2026, 2, 10, 5, 0).toISOString(), { state: 2 }),
							fsrs("2026-03-11T09:00:00Z", { state: 1 }),
							NEW,
						],
					}),
				],
			}),
		);
		const file = () => index.getFile("a.md")!;
		// 2026-03-10 03:00 local: with days starting at 4 it is still the 9th.
		const early = new Date(2026, 2, 10, 3, 0);
		const statuses = () => Array.from(file().classes, (id) => index.statusesAt(early).status[id]);
		// codes: 0 due, 1 new, 2 learning, 3 later
		expect(statuses()).toEqual([3, 3, 2, 1]);
		index.setDayStartHour(0);
		expect(statuses()).toEqual([0, 0, 2, 1]);
	});
});
