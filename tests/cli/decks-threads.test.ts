/**
 * `decks` builds its index on several threads for a large vault (or when SPACED_NOTES_THREADS
 * says so): the result must not depend on how many threads read the notes. Which thread reads
 * which note depends on timing here; tests/cli/index-threads.test.ts makes sure the workers do.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateVault } from "../../bench/vault-generator";
import { parseNote } from "../../src/cards/parse";
import type { DeckJson } from "../../src/index/deck-tree";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import { tempVault } from "../builders";
import { runBuiltCli } from "../helpers/built-cli";

const NOW = "2025-06-01T10:00:00Z";
let vault = "";

beforeAll(() => {
	vault = tempVault({ prefix: "sn-threads-" });
	// Enough notes for every thread to take several chunks of 64.
	generateVault(vault, { notes: 600, cardsPerNote: 6, seed: 11 });
});
afterAll(() => rmSync(vault, { recursive: true, force: true }));

/** Every sibling of the vault's notes, counted with the parser directly. */
function siblingsIn(dir: string): number {
	return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sum + siblingsIn(path);
		const cards = parseNote(readFileSync(path, "utf8"), { path: entry.name, settings: DEFAULT_SETTINGS }).cards;
		return sum + cards.reduce((n, card) => n + card.siblings.length, 0);
	}, 0);
}

async function decks(threads: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
	return runBuiltCli(["decks", vault, "--json", "--now", NOW], { env: { SPACED_NOTES_THREADS: threads } });
}

describe("spaced-notes decks on several threads", () => {
	it("gives the same deck tree on one, two and three threads", async () => {
		const one = await decks("1");
		expect(one.status).toBe(0);
		const root = JSON.parse(one.stdout) as DeckJson;
		expect(root.total).toBe(siblingsIn(vault));
		expect(root.total).toBeGreaterThan(3000);
		for (const threads of ["2", "3"]) {
			const run = await decks(threads);
			expect(run.stderr).toBe("");
			expect(run.stdout).toBe(one.stdout);
		}
	});

	it("says what is wrong with a bad SPACED_NOTES_THREADS", async () => {
		const run = await decks("many");
		expect(run.status).toBe(2);
		expect(run.stderr).toContain("SPACED_NOTES_THREADS must be a whole number from 1 to 64");
	});
});
