import { describe, expect, it } from "vitest";
import { CardIndex } from "../../src/index/card-index";
import { buildDeckTree, deckTreeToJson, findDeck, type DeckNode } from "../../src/index/deck-tree";
import { card, classic, fsrs, NEW, noteForIndex } from "../builders";

const NOW = new Date(2026, 2, 10, 12, 0);
const options = { flashcardTags: ["#space", "#other"], dayStartHour: 4 };

function counts(node: DeckNode | undefined): [number, number, number, number] {
	if (!node) throw new Error("no such deck");
	return [node.due, node.new, node.learning, node.total];
}

describe("buildDeckTree", () => {
	it("counts siblings by status, parents including their sub-decks", () => {
		const index = new CardIndex(options);
		index.setFile(
			"a.md",
			noteForIndex({
				cards: [
					card({ decks: ["space/docker"], segments: [classic("2026-03-09"), NEW] }),
					card({ decks: ["space/docker/build"], segments: [fsrs("2026-03-10T11:00:00Z", { state: 1 })] }),
					card({ decks: ["space/k8s"], segments: [classic("2026-04-01")] }),
				],
			}),
		);
		const tree = buildDeckTree(index, NOW);
		expect(counts(tree)).toEqual([1, 1, 1, 4]);
		expect(counts(findDeck(tree, "space"))).toEqual([1, 1, 1, 4]);
		expect(counts(findDeck(tree, "space/docker"))).toEqual([1, 1, 1, 3]);
		expect(counts(findDeck(tree, "#SPACE/Docker/build"))).toEqual([0, 0, 1, 1]);
		expect(counts(findDeck(tree, "space/k8s"))).toEqual([0, 0, 0, 1]);
		expect(findDeck(tree, "space/nope")).toBeUndefined();
	});

	it("counts a card in several decks once in their common parents", () => {
		const index = new CardIndex(options);
		index.setFile("a.md", noteForIndex({ cards: [card({ decks: ["space/a", "space/b/c"], segments: [NEW] })] }));
		const tree = buildDeckTree(index, NOW);
		expect(counts(findDeck(tree, "space"))).toEqual([0, 1, 0, 1]);
		expect(counts(findDeck(tree, "space/a"))).toEqual([0, 1, 0, 1]);
		expect(counts(findDeck(tree, "space/b"))).toEqual([0, 1, 0, 1]);
		expect(tree.total).toBe(1);
	});

	it("groups decks case-insensitively, named as first seen in path order", () => {
		const index = new CardIndex(options);
		index.setFile("b.md", noteForIndex({ cards: [card({ decks: ["space/docker"], segments: [NEW] })] }));
		index.setFile("a.md", noteForIndex({ cards: [card({ decks: ["Space/Docker"], segments: [NEW] })] }));
		const tree = buildDeckTree(index, NOW);
		expect(tree.children.map((c) => [c.name, c.path, c.total])).toEqual([["Space", "Space", 2]]);
		expect(tree.children[0].children.map((c) => [c.name, c.path, c.key, c.total])).toEqual([["Docker", "Space/Docker", "space/docker", 2]]);
	});

	it("sorts sub-decks by name with numbers in numeric order, and omits emptied decks", () => {
		const index = new CardIndex(options);
		index.setFile(
			"a.md",
			noteForIndex({
				cards: [
					card({ decks: ["space/day-10"], segments: [NEW] }),
					card({ decks: ["space/day-9"], segments: [NEW] }),
					card({ decks: ["space/Alpha"], segments: [NEW] }),
				],
			}),
		);
		index.setFile("b.md", noteForIndex({ cards: [card({ decks: ["space/gone"], segments: [NEW] })] }));
		index.removeFile("b.md");
		const names = findDeck(buildDeckTree(index, NOW), "space")!.children.map((c) => c.name);
		expect(names).toEqual(["Alpha", "day-9", "day-10"]);
	});

	it("counts cards without a deck in the root only", () => {
		const index = new CardIndex(options);
		index.setFile("a.md", noteForIndex({ cards: [card({ segments: [NEW] }), card({ decks: ["space"], segments: [NEW] })] }));
		const tree = buildDeckTree(index, NOW);
		expect(tree.total).toBe(2);
		expect(counts(findDeck(tree, "space"))).toEqual([0, 1, 0, 1]);
	});
});

describe("deckTreeToJson", () => {
	it("uses the single top-level deck as the root, in the shape of cli.md", () => {
		const index = new CardIndex(options);
		index.setFile(
			"a.md",
			noteForIndex({ cards: [card({ decks: ["space/docker"], segments: [classic("2026-03-01")] }), card({ decks: ["space"], segments: [NEW] })] }),
		);
		expect(deckTreeToJson(buildDeckTree(index, NOW))).toEqual({
			name: "space",
			path: "space",
			due: 1,
			new: 1,
			learning: 0,
			total: 2,
			children: [{ name: "docker", path: "space/docker", due: 1, new: 0, learning: 0, total: 1, children: [] }],
		});
	});

	it("uses the whole vault as the root when there are several top-level decks", () => {
		const index = new CardIndex(options);
		index.setFile("a.md", noteForIndex({ cards: [card({ decks: ["space"], segments: [NEW] }), card({ decks: ["other"], segments: [NEW] })] }));
		const json = deckTreeToJson(buildDeckTree(index, NOW));
		expect([json.name, json.path, json.total, json.children.map((c) => c.name)]).toEqual(["", "", 2, ["other", "space"]]);
		expect(Object.keys(json)).toEqual(["name", "path", "due", "new", "learning", "total", "children"]);
	});

	it("gives an empty root for an empty index", () => {
		const json = deckTreeToJson(buildDeckTree(new CardIndex(options), NOW));
		expect(json).toEqual({ name: "", path: "", due: 0, new: 0, learning: 0, total: 0, children: [] });
	});
});
