import { describe, expect, it } from "vitest";
import { CardIndex } from "../../src/index/card-index";
import { countSelection, savedFilterCounts, selectSiblings } from "../../src/index/query";
import { parseFilter, type Filter } from "../../src/decks/filter";
import { card, classic, fsrs, NEW, noteForIndex } from "../builders";

const NOW = new Date(2026, 2, 10, 12, 0);

function filter(expression: string): Filter {
	const result = parseFilter(expression);
	if (!result.ok) throw new Error(result.error);
	return result.filter;
}

function sample(): CardIndex {
	const index = new CardIndex({ flashcardTags: ["#space"], dayStartHour: 4 });
	index.setFile(
		"docker.md",
		noteForIndex({
			tags: ["#space/docker", "#done-space"],
			cards: [
				card({ decks: ["space/docker"], segments: [classic("2026-03-01"), classic("2026-03-10")], startLine: 0, front: "old" }),
				card({ decks: ["space/docker/build"], segments: [NEW], startLine: 3, front: "build" }),
			],
		}),
	);
	index.setFile(
		"k8s.md",
		noteForIndex({
			tags: ["#space/k8s", "#Todo"],
			cards: [
				card({ decks: ["space/k8s"], segments: [fsrs("2026-03-10T11:00:00Z", { state: 3 })], startLine: 0, front: "pods" }),
				card({ decks: ["space/k8s", "space/docker"], segments: [classic("2026-05-01")], startLine: 2, front: "both" }),
			],
		}),
	);
	return index;
}

const FRONTS: Record<string, string> = { "docker.md:0": "old", "docker.md:3": "build", "k8s.md:0": "pods", "k8s.md:2": "both" };

const fronts = (index: CardIndex, selection: Parameters<typeof selectSiblings>[1]) =>
	selectSiblings(index, selection, NOW).map((ref) => `${FRONTS[`${ref.file.path}:${ref.card.startLine}`]}#${ref.sibling}`);

describe("selectSiblings", () => {
	it("takes a deck with its sub-decks, any case, in file then note order", () => {
		const index = sample();
		expect(fronts(index, { deck: "Space/Docker" })).toEqual(["old#0", "old#1", "build#0", "both#0"]);
		expect(fronts(index, { deck: "#space/k8s" })).toEqual(["pods#0", "both#0"]);
		expect(fronts(index, { deck: "" })).toHaveLength(5);
		expect(fronts(index, { deck: "space/unknown" })).toEqual([]);
	});

	it("applies tag filters to the card's decks and the note's other tags", () => {
		const index = sample();
		expect(fronts(index, { filter: filter("#space/docker -#done-space") })).toEqual(["both#0"]);
		expect(fronts(index, { filter: filter("#todo") })).toEqual(["pods#0", "both#0"]);
		// A note tag under the flashcard tag does not put every card of the note in that deck.
		expect(fronts(index, { filter: filter("#space/k8s") })).toEqual(["pods#0", "both#0"]);
	});

	it("applies status words and combines deck and filter", () => {
		const index = sample();
		expect(fronts(index, { filter: filter("due") })).toEqual(["old#0", "old#1"]);
		expect(fronts(index, { filter: filter("overdue") })).toEqual(["old#0"]);
		expect(fronts(index, { filter: filter("new, learning") })).toEqual(["build#0", "pods#0"]);
		expect(fronts(index, { deck: "space/docker", filter: filter("-due") })).toEqual(["build#0", "both#0"]);
		const refs = selectSiblings(index, { filter: filter("overdue") }, NOW);
		expect(refs.map((r) => [r.file.path, r.cardIndex, r.status, r.overdue])).toEqual([["docker.md", 0, "due", true]]);
	});
});

describe("counts", () => {
	it("counts a selection", () => {
		expect(countSelection(sample(), { deck: "space/docker" }, NOW)).toEqual({ due: 2, new: 1, learning: 0, total: 4 });
	});

	it("counts saved filters, reporting invalid expressions instead of throwing", () => {
		const saved = savedFilterCounts(
			sample(),
			[
				{ name: "Docker to do", expression: "#space/docker -#done-space" },
				{ name: "Broken", expression: "docker" },
			],
			NOW,
		);
		expect(saved[0]).toEqual({ name: "Docker to do", expression: "#space/docker -#done-space", error: null, due: 0, new: 0, learning: 0, total: 1 });
		expect(saved[1].error).toMatch(/Unknown word/);
		expect(saved[1].total).toBe(0);
	});
});
