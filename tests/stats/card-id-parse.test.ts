import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/cards/parse";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import { cardId } from "../../src/stats/card-id";
import { statsCardsOfNote } from "../../src/stats/stats-cards";

const settings = DEFAULT_SETTINGS;
/** Each card's id by its front (first sibling), so cards can be found again after an edit. */
function ids(path: string, text: string): Map<string, string> {
	const cards = parseNote(text, { path, settings }).cards;
	return new Map(cards.map((card) => [card.front, statsCardsOfNote(path, [card])[0].id]));
}

const NOTE = [
	"#flashcards/docker",
	"",
	"What is a stage?::A FROM section",
	"",
	"Why multi-stage builds?",
	"?",
	"- smaller images",
	"- no build tools in production",
	"",
	"Base of a static Go binary:::scratch",
	"",
].join("\n");

describe("card ids with the real parser", () => {
	it("do not change when other cards of the note are edited, added or removed", () => {
		const before = ids("docker.md", NOTE);
		expect([...before.keys()]).toEqual(["What is a stage?", "Why multi-stage builds?", "Base of a static Go binary"]);
		const edited = NOTE.replace("A FROM section", "A FROM instruction and what follows").replace(
			"#flashcards/docker\n",
			"#flashcards/docker\n\nNew card on top::yes\n",
		);
		const after = ids("docker.md", edited);
		expect(after.get("Why multi-stage builds?")).toBe(before.get("Why multi-stage builds?"));
		expect(after.get("Base of a static Go binary")).toBe(before.get("Base of a static Go binary"));
		expect(after.get("What is a stage?")).not.toBe(before.get("What is a stage?"));
		const removed = ids("docker.md", NOTE.replace("What is a stage?::A FROM section\n\n", ""));
		expect(removed.get("Why multi-stage builds?")).toBe(before.get("Why multi-stage builds?"));
	});

	it("do not change when a review writes the card's scheduling comment", () => {
		const before = statsCardsOfNote("docker.md", parseNote(NOTE, { path: "docker.md", settings }).cards).map((c) => c.id);
		const reviewed = NOTE.replace("- no build tools in production\n", "- no build tools in production\n<!--SR:!2026-03-12,3,250-->\n").replace(
			":::scratch",
			":::scratch <!--SR:!2026-03-12,3,250!2026-03-14,5,270-->",
		);
		const after = statsCardsOfNote("docker.md", parseNote(reviewed, { path: "docker.md", settings }).cards);
		expect(after.map((c) => c.id)).toEqual(before);
		expect(after.filter((c) => c.schedule !== null)).toHaveLength(3);
	});

	it("give each sibling of a reversed card its own id, and follow the note's path", () => {
		const cards = statsCardsOfNote("docker.md", parseNote(NOTE, { path: "docker.md", settings }).cards);
		const reversed = parseNote(NOTE, { path: "docker.md", settings }).cards[2];
		expect(cards.slice(2).map((c) => c.id)).toEqual([cardId("docker.md", reversed.source, 0), cardId("docker.md", reversed.source, 1)]);
		expect(new Set(cards.map((c) => c.id)).size).toBe(4);
	});
});
