import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DeckJson } from "../../src/index/deck-tree";
import { runBuiltCli } from "../helpers/built-cli";

const EXAMPLE_VAULT = join(__dirname, "..", "..", "examples", "vault");
const REAL_NOTE = join(EXAMPLE_VAULT, "docker", "docker-multistage.md");

function walk(deck: DeckJson): DeckJson[] {
	return [deck, ...deck.children.flatMap(walk)];
}

describe("spaced-notes decks", () => {
	it("gives the real note's deck with its five due cards, rooted at the one top-level deck", async () => {
		const run = await runBuiltCli(["decks", REAL_NOTE, "--tag", "#space", "--json", "--now", "2026-11-26T10:00:00Z"]);
		expect(run.status).toBe(0);
		const root = JSON.parse(run.stdout) as DeckJson;
		const leaf = walk(root).find((d) => d.path === "space/docker/40-day-course/26-Day-docker-multistage");
		expect(leaf).toMatchObject({ name: "26-Day-docker-multistage", due: 5, new: 0, learning: 0, total: 5, children: [] });
		expect(root).toMatchObject({ name: "space", path: "space", due: 5, total: 5 });
	});

	it("counts every card once in its parents and keeps cli.md's keys", async () => {
		const run = await runBuiltCli(["decks", EXAMPLE_VAULT, "--json", "--now", "2026-11-26T10:00:00Z"]);
		const root = JSON.parse(run.stdout) as DeckJson;
		for (const deck of walk(root)) {
			expect(Object.keys(deck).sort()).toEqual(["children", "due", "learning", "name", "new", "path", "total"]);
			expect(deck.due + deck.new + deck.learning).toBeLessThanOrEqual(deck.total);
			// No card of the example vault sits in two decks, so children add up exactly.
			if (deck.children.length > 0 && deck.path !== "") {
				const own = deck.children.reduce((sum, child) => sum + child.total, 0);
				expect(own).toBeLessThanOrEqual(deck.total);
			}
		}
		const cards = JSON.parse((await runBuiltCli(["cards", EXAMPLE_VAULT, "--json"])).stdout) as unknown[];
		expect(root.total).toBe(cards.length);
	});

	it("moves cards from due to not due as the clock goes back", async () => {
		const early = JSON.parse((await runBuiltCli(["decks", REAL_NOTE, "--tag", "#space", "--json", "--now", "2025-05-06T10:00:00Z"])).stdout) as DeckJson;
		expect(early.due).toBe(3);
	});

	it("prints a readable tree, and rejects two paths", async () => {
		const run = await runBuiltCli(["decks", EXAMPLE_VAULT, "--now", "2026-11-26T10:00:00Z"]);
		expect(run.stdout).toMatch(/^deck\s+due\s+new\s+learn\s+total$/m);
		// `#space/docker/images` opens a multi-line question: it is that card's deck only, and the
		// card below it stays in the note's deck (docs/format.md, "Decks, tags and filters").
		expect(run.stdout).toMatch(/^ {4}images\s+0\s+1\s+0\s+1$/m);
		const bad = await runBuiltCli(["decks", EXAMPLE_VAULT, EXAMPLE_VAULT]);
		expect(bad.status).toBe(2);
	});
});
