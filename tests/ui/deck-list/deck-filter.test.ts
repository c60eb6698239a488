import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildDeckTree, type DeckNode } from "../../../src/index/deck-tree";
import { deckMatches, deckTitle, filterDeckTree, queryWords } from "../../../src/ui/deck-list/deck-filter";
import { NOW, sampleIndex } from "./helpers";

function allNodes(node: DeckNode): DeckNode[] {
	return [node, ...node.children.flatMap(allNodes)];
}

describe("deck filter", () => {
	const tree = buildDeckTree(sampleIndex(), NOW);

	it("matches path segments case-insensitively and keeps ancestors", () => {
		const result = filterDeckTree(tree, "BUILD");
		expect(result && [...result.matched]).toEqual(["space/docker/build"]);
		expect(result && [...result.visible].sort()).toEqual(["space", "space/docker", "space/docker/build"]);
	});

	it("needs every word; '/' and '#' work as in tags", () => {
		expect([...(filterDeckTree(tree, "#space/k8")?.matched ?? [])]).toEqual(["space/k8s"]);
		expect([...(filterDeckTree(tree, "docker k8s")?.matched ?? [])]).toEqual([]);
		expect(filterDeckTree(tree, "  ")).toBeNull();
	});

	it("a visible deck is a match or an ancestor of one (property)", () => {
		const keys = allNodes(tree)
			.slice(1)
			.map((n) => n.key);
		fc.assert(
			fc.property(fc.string({ maxLength: 6 }), (query) => {
				const result = filterDeckTree(tree, query);
				if (!result) return queryWords(query).length === 0;
				for (const key of keys) {
					const shown = result.visible.has(key);
					const expected = keys.some((other) => result.matched.has(other) && (other === key || other.startsWith(`${key}/`)));
					if (shown !== expected) return false;
					if (result.matched.has(key) !== deckMatches(key, queryWords(query))) return false;
				}
				return true;
			}),
		);
	});

	it("titles use the path separator", () => {
		expect(deckTitle("space/docker")).toBe("space › docker");
	});
});
