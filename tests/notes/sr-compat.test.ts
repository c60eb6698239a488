/**
 * Compatibility with the Spaced Repetition plugin's note review, against its own source. The
 * fixture vault `fixtures/sr-vault/` holds notes in the frontmatter it writes (its dates in the
 * three formats it reads); `fixtures/sr-expected.json` is what its code (1.15.4, run unchanged
 * outside this repository over `fixtures/sr-vault.json`, the same vault as data) computed on
 * 2026-03-10: link ranks, the queue's order and due count, and the schedule each rating gives.
 * Here the same notes go through our reader, queue and scheduler, and what we write is read back
 * by `sr-reader.ts` (its reading rule).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/cards/parse";
import { Rating } from "../../src/model/schedule";
import { LinkResolver } from "../../src/notes/links";
import { readNoteSchedule } from "../../src/notes/note-schedule";
import { cardEasesOf, noteVault, type NoteFacts } from "../../src/notes/note-vault";
import { rateNoteText } from "../../src/notes/review-note";
import { linkRanks } from "../../src/notes/link-rank";
import { DEFAULT_SETTINGS, type SpacedNotesSettings } from "../../src/settings/settings";
import { readLikeSr } from "./sr-reader";

const ROOT = join(__dirname, "fixtures", "sr-vault");
const expected = JSON.parse(readFileSync(join(__dirname, "fixtures", "sr-expected.json"), "utf8")) as {
	pageranks: Record<string, number>;
	newOrder: string[];
	scheduledOrder: { path: string; due: string }[];
	dueCount: number;
	ratings: Record<string, Record<"easy" | "good" | "hard", { due: string; interval: number; ease: number }>>;
};
const settings: SpacedNotesSettings = { ...DEFAULT_SETTINGS, algorithm: "sm2" };
const NOW = new Date(2026, 2, 10, 12, 0);

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : name.endsWith(".md") ? [path] : [];
	});
}

function loadFixture(): { texts: Map<string, string>; facts: NoteFacts[] } {
	const texts = new Map<string, string>();
	for (const file of files(ROOT)) texts.set(relative(ROOT, file).split("\\").join("/"), readFileSync(file, "utf8"));
	const resolver = new LinkResolver([...texts.keys()]);
	const facts = [...texts].map(([path, text]): NoteFacts => {
		const parsed = parseNote(text, { path, settings });
		return { path, tags: parsed.tags, schedule: readNoteSchedule(text), links: resolver.linksOf(text, path), cardEases: cardEasesOf(parsed) };
	});
	return { texts, facts };
}

describe("the other plugin's note review, run from its source, and ours", () => {
	const { texts, facts } = loadFixture();
	const vault = noteVault(facts, NOW, settings);
	const deck = vault.queue.decks.find((d) => d.name === "#review");

	it("ranks linked notes the same", () => {
		const ranks = linkRanks(new Map(facts.map((f) => [f.path, f.links])));
		expect([...ranks.keys()].sort()).toEqual(Object.keys(expected.pageranks).sort());
		for (const [path, rank] of Object.entries(expected.pageranks)) expect(ranks.get(path)).toBeCloseTo(rank, 3);
	});

	it("puts the notes it scheduled on the same days, in the same order", () => {
		expect(deck).toBeDefined();
		if (!deck) return;
		expect(deck.buckets.new.map((n) => n.path)).toEqual(expected.newOrder);
		const scheduled = [...deck.buckets.overdue, ...deck.buckets.today, ...deck.buckets.tomorrow, ...deck.buckets.later].map((n) => ({
			path: n.path,
			due: n.due,
		}));
		// Its view stops at 365 days ahead, as ours does.
		expect(scheduled).toEqual(expected.scheduledOrder.filter((n) => n.due <= "2027-03-10"));
		expect(deck.buckets.overdue.length + deck.buckets.today.length).toBe(expected.dueCount);
		expect(deck.buckets.today.map((n) => n.path)).toEqual(["b.md", "i.md", "j.md"]);
		expect(deck.buckets.tomorrow.map((n) => n.path)).toEqual(["f.md"]);
	});

	describe.each(Object.keys(expected.ratings))("rating %s", (path) => {
		it.each([
			["easy", Rating.Easy],
			["good", Rating.Good],
			["hard", Rating.Hard],
		] as const)("%s gives the schedule its code gives, read back by its rule", (name, rating) => {
			const text = texts.get(path) as string;
			const rated = rateNoteText(text, rating, NOW, settings, { path, deck: "#review", initialEase: vault.firstEase(path), dueOn: vault.queue.dueOn });
			expect(readLikeSr(rated.text)).toEqual(expected.ratings[path][name]);
		});
	});
});
