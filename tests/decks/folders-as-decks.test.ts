/**
 * Folders as decks (docs/format.md, "Decks, tags and filters"), as the Spaced Repetition plugin
 * has it: a note in a folder is read without a flashcard tag, and every card of it sits in the
 * deck named by the folder's path. Notes at the vault root keep the tag rules.
 */
import { describe, expect, it } from "vitest";
import { folderDeckOf } from "../../src/decks/folders";
import { noteLines } from "../builders";
import { parse } from "../cards/helpers";

const on = { foldersAsDecks: true };

describe("folders as decks", () => {
	it("names the deck by the folder path", () => {
		expect(folderDeckOf("languages/german/nouns.md")).toBe("languages/german");
		expect(folderDeckOf("./a\\b/c.md")).toBe("a/b");
		expect(folderDeckOf("root.md")).toBeNull();
	});

	it("reads a note in a folder without a flashcard tag, its cards in the folder's deck", () => {
		const parsed = parse(noteLines("der Hund::the dog", "", "die Katze", "?", "the cat"), on, "languages/german/nouns.md");
		expect(parsed.included).toBe(true);
		expect(parsed.cards.map((c) => [c.front, c.decks])).toEqual([
			["der Hund", ["languages/german"]],
			["die Katze", ["languages/german"]],
		]);
		expect(parse("der Hund::the dog", {}, "languages/german/nouns.md").included).toBe(false);
	});

	it("puts every card of a tagged note in the folder's deck; a leading tag is still taken off the question", () => {
		const text = noteLines("---", "tags: [flashcards/fm]", "---", "#flashcards/a", "Q1::A1", "#flashcards/b Q2::A2");
		expect(parse(text, on, "k8s/pods.md").cards.map((c) => [c.front, c.decks])).toEqual([
			["Q1", ["k8s"]],
			["Q2", ["k8s"]],
		]);
		expect(parse(text, {}, "k8s/pods.md").cards.map((c) => c.decks)).toEqual([["flashcards/a"], ["flashcards/b"]]);
	});

	it("a note at the vault root is read by its tags as before", () => {
		expect(parse("Q::A", on, "root.md").included).toBe(false);
		expect(parse(noteLines("#flashcards/x", "Q::A"), on, "root.md").cards[0].decks).toEqual(["flashcards/x"]);
	});

	it("still skips ignored folders and ignored tags", () => {
		expect(parse("Q::A", { ...on, ignoredFolders: ["templates"] }, "templates/card.md").included).toBe(false);
		expect(parse("#draft\nQ::A", { ...on, ignoredTags: ["#draft"] }, "notes/card.md").included).toBe(false);
	});

	it("reports a note without cards only when it has a flashcard tag", () => {
		expect(parse("Just prose.", on, "notes/prose.md").problems).toEqual([]);
		expect(parse("#flashcards prose", on, "notes/prose.md").problems.map((p) => p.code)).toEqual(["tagged-without-cards"]);
	});
});
