/**
 * Custom study against a vault: cram and forgotten-card sessions never write a note (any
 * sequence of answers, skips and undos leaves every byte as it was) and log each answer as a
 * `cram` line; review ahead writes real reviews.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NoteStore, ReviewLog } from "../../src/review/ports";
import type { ReviewRequest } from "../../src/review/request";
import { Rating } from "../../src/model/schedule";
import { cardId } from "../../src/stats/card-id";
import type { CramEntry, LogEntry, ReviewEntry } from "../../src/stats/log-format";
import { mergeLogs } from "../../src/stats/merge";
import { formatLogLine } from "../../src/stats/log-format";
import { reviewEntry } from "../../src/stats/review-entry";
import { VaultNotes } from "../../src/obsidian/vault-notes";
import { DOCKER, K8S, loadedController, makeWorld, type World } from "./fixtures";

/** A review log in memory that merges what it was given as the plugin's log does. */
class MemoryLog implements ReviewLog {
	readonly lines: LogEntry[] = [];
	constructor(private readonly earlier: LogEntry[] = []) {}
	recordAnswer(facts: Parameters<ReviewLog["recordAnswer"]>[0]): Promise<ReviewEntry> {
		const entry = reviewEntry(facts);
		this.lines.push(entry);
		return Promise.resolve(entry);
	}
	recordUndo(answer: { card: string; time: number }, time = new Date()): Promise<void> {
		this.lines.push({ kind: "undo", time: time.getTime(), card: answer.card, reviewTime: answer.time });
		return Promise.resolve();
	}
	recordCram(entry: CramEntry): Promise<void> {
		this.lines.push(entry);
		return Promise.resolve();
	}
	readAll() {
		const text = [...this.earlier, ...this.lines].map((e) => formatLogLine(e)).join("\n");
		return Promise.resolve(mergeLogs([{ name: "memory.jsonl", text }]));
	}
}

/** The vault's notes, counting every write. */
function spiedNotes(world: World): NoteStore & { writes: number } {
	const inner = new VaultNotes(world.services.app);
	const spy = {
		writes: 0,
		read: (path: string) => inner.read(path),
		process: (path: string, edit: (text: string) => string | null) => {
			spy.writes++;
			return inner.process(path, edit);
		},
	};
	return spy;
}

type Step = { kind: "answer"; rating: Rating } | { kind: "undo" } | { kind: "skip" } | { kind: "wait" };
const step: fc.Arbitrary<Step> = fc.oneof(
	fc.constantFrom(Rating.Again, Rating.Hard, Rating.Good, Rating.Easy).map((rating): Step => ({ kind: "answer", rating })),
	fc.constant<Step>({ kind: "undo" }),
	fc.constant<Step>({ kind: "skip" }),
	fc.constant<Step>({ kind: "wait" }),
);

describe("a cram session", () => {
	it("leaves every byte of every note unchanged and never writes a note, whatever is answered (property)", async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(step, { maxLength: 14 }),
				fc.constantFrom<ReviewRequest>({ title: "All", custom: { kind: "cram" } }, { title: "Docker", path: "docker.md", custom: { kind: "cram" } }),
				async (steps, request) => {
					const world = await makeWorld();
					const notes = spiedNotes(world);
					const log = new MemoryLog();
					const controller = await loadedController(world, request, log, notes);
					for (const s of steps) {
						// Log entries are told apart by card and time, as answers given a second apart are.
						world.clock.now = new Date(world.clock.now.getTime() + 1000);
						if (s.kind === "wait") world.clock.now = new Date(world.clock.now.getTime() + 11 * 60_000);
						else if (s.kind === "undo") await controller.undo();
						else if (s.kind === "skip") controller.skip();
						else {
							controller.reveal();
							await controller.answer(s.rating);
						}
						controller.refresh();
					}
					{
						expect(world.text("docker.md")).toBe(DOCKER);
						expect(world.text("k8s.md")).toBe(K8S);
						expect(notes.writes).toBe(0);
						const merged = await log.readAll();
						expect(merged.reviews).toHaveLength(0);
						expect(merged.cram).toHaveLength(controller.state().summary.answered);
					}
				},
			),
			{ numRuns: 40 },
		);
	});

	it("logs each answer as a cram line with the card's id, deck and rating, and the buttons say what happens", async () => {
		const world = await makeWorld();
		const log = new MemoryLog();
		const controller = await loadedController(world, { title: "k8s", deck: "flashcards/k8s", custom: { kind: "cram" } }, log, spiedNotes(world));
		controller.reveal();
		expect(controller.state().card?.intervals).toEqual({ 1: "1 min", 2: "10 min", 3: "done", 4: "done" });
		expect(await controller.answer(Rating.Hard)).toBe("saved");
		expect(log.lines).toEqual([
			{
				kind: "cram",
				time: world.clock.now.getTime(),
				card: cardId("k8s.md", "What is a pod::One or more containers", 0),
				deck: "flashcards/k8s",
				rating: Rating.Hard,
				durationMs: 0,
			},
		]);
		expect(controller.state().phase).toBe("question"); // Hard: shown again within the look-ahead
		expect(await controller.undo()).toBe(true);
		expect(log.lines[1]).toMatchObject({ kind: "undo", reviewTime: world.clock.now.getTime() });
		expect((await log.readAll()).cram).toHaveLength(0);
	});
});

describe("forgotten cards", () => {
	it("reviews the cards answered Again lately, per the merged log, without writing them", async () => {
		const world = await makeWorld();
		const failed = cardId("docker.md", "What does FROM do::Starts a stage", 0);
		const earlier: ReviewEntry = {
			kind: "review",
			time: Date.parse("2026-03-09T10:00:00Z"),
			card: failed,
			deck: "flashcards",
			rating: Rating.Again,
			state: 2,
			elapsedDays: 3,
			scheduledDays: 0,
			durationMs: 900,
		};
		const notes = spiedNotes(world);
		const controller = await loadedController(world, { title: "Forgotten", custom: { kind: "forgotten", days: 2 } }, new MemoryLog([earlier]), notes);
		expect(controller.state().card?.question).toBe("What does FROM do");
		controller.reveal();
		await controller.answer(Rating.Good);
		expect(controller.state().phase).toBe("finished");
		expect(notes.writes).toBe(0);
		expect(world.text("docker.md")).toBe(DOCKER);

		const none = await loadedController(world, { title: "Forgotten", custom: { kind: "forgotten", days: 1 } }, new MemoryLog([earlier]), notes);
		expect(none.state().phase).toBe("finished");
		expect(none.state().notice).toBe("No card here was answered Again in the last day.");
	});
});

describe("review ahead", () => {
	it("writes real reviews into the notes of cards due in the next days, and says so when there are none", async () => {
		const world = await makeWorld();
		world.put(
			"later.md",
			["#flashcards/later", "", "Soon::Due in two days <!--SR:!2026-03-12,10,250-->", "Far::Due in a month <!--SR:!2026-04-10,40,250-->", ""].join("\n"),
		);
		await world.indexer.rebuild();
		const notes = spiedNotes(world);
		const empty = await loadedController(world, { title: "Ahead", deck: "flashcards/later", custom: { kind: "ahead", days: 1 } }, new MemoryLog(), notes);
		expect(empty.state().notice).toBe("No cards are due in the next day here.");
		world.services.settings().algorithm = "sm2";
		world.services.settings().loadBalance = false;
		const log = new MemoryLog();
		const controller = await loadedController(world, { title: "Ahead", deck: "flashcards/later", custom: { kind: "ahead", days: 2 } }, log, notes);
		expect(controller.state().progress.left.review).toBe(1);
		controller.reveal();
		// 8 of 10 days waited: Good gives max(8 × 2.5, 10) = 20 days.
		expect(controller.state().card?.intervals[Rating.Good]).toBe("20 d");
		expect(await controller.answer(Rating.Good)).toBe("saved");
		expect(world.text("later.md")).toContain("Soon::Due in two days <!--SR:!2026-03-30,20,250-->");
		expect(world.text("later.md")).toContain("<!--SR:!2026-04-10,40,250-->");
		expect(notes.writes).toBe(1);
		expect(log.lines[0]).toMatchObject({ kind: "review", rating: Rating.Good, state: 2, elapsedDays: 8, scheduledDays: 20 });
	});
});

describe("extra new cards today", () => {
	it("a request's raised limits let more new cards into a normal review of the deck and its sub-decks", async () => {
		const world = await makeWorld({ newPerDay: 1 });
		const notes = spiedNotes(world);
		const plain = await loadedController(world, { title: "All" }, new MemoryLog(), notes);
		expect(plain.state().progress.left.new).toBe(2); // one per deck: flashcards and flashcards/k8s
		const raised = await loadedController(world, { title: "All", extraNew: { flashcards: 1 } }, new MemoryLog(), notes);
		expect(raised.state().progress.left.new).toBe(3); // flashcards 2 of its 3 cards, flashcards/k8s its only one
		const other = await loadedController(world, { title: "All", extraNew: { misc: 5 } }, new MemoryLog(), notes);
		expect(other.state().progress.left.new).toBe(2);
	});
});
