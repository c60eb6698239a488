/**
 * One answer reads its note through the parser at most twice: once to find the card in the
 * current text, once to verify the written text. The index and the session's live cards reuse
 * that verifying parse instead of parsing again.
 */
import { describe, expect, it, vi } from "vitest";
import * as parse from "../../src/cards/parse";
import { Rating } from "../../src/model/schedule";
import { loadedController, makeWorld } from "./fixtures";

vi.mock("../../src/cards/parse", async (original) => {
	const actual = await original<typeof parse>();
	return { ...actual, parseNote: vi.fn(actual.parseNote) };
});

const parseNote = vi.mocked(parse.parseNote);

describe("parses per answer", () => {
	it("an answer and its undo each parse the note at most twice", async () => {
		const world = await makeWorld();
		const controller = await loadedController(world, { title: "Docker", path: "docker.md" });
		controller.reveal();
		parseNote.mockClear();
		expect(await controller.answer(Rating.Good)).toBe("saved");
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(parseNote.mock.calls.length).toBeGreaterThan(0);
		expect(parseNote.mock.calls.length).toBeLessThanOrEqual(2);
		parseNote.mockClear();
		expect(await controller.undo()).toBe(true);
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(parseNote.mock.calls.length).toBeLessThanOrEqual(2);
		// The index did learn both writes (from the reused parse).
		expect(world.indexer.index.getFile("docker.md")?.readCard(0).segments[0].kind).not.toBe("ok");
	});
});
