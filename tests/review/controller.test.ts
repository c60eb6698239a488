import { describe, expect, it } from "vitest";
import { mergeLogs } from "../../src/stats/merge";
import { Rating } from "../../src/model/schedule";
import { DOCKER, K8S, loadedController, makeWorld } from "./fixtures";

describe("ReviewController (no DOM)", () => {
	it("builds the session from a deck, reading each note once, cards in note order", async () => {
		const world = await makeWorld();
		const readsBefore = world.app.vault.reads;
		const controller = await loadedController(world, { title: "All cards" });
		expect(world.app.vault.reads - readsBefore).toBe(2);
		const state = controller.state();
		expect(state.phase).toBe("question");
		expect(state.card?.question).toBe("What is a layer");
		expect(state.card?.context).toEqual(["docker", "Docker", "Layers"]);
		expect(state.progress.left).toEqual({ new: 4, learning: 0, review: 0 });
	});

	it("takes only the deck asked for", async () => {
		const world = await makeWorld();
		const controller = await loadedController(world, { title: "k8s", deck: "flashcards/k8s" });
		expect(controller.state().progress.left.new).toBe(1);
		expect(controller.state().card?.question).toBe("What is a pod");
	});
});

/** The note's lines without scheduling comments (what must never change). */
const withoutComments = (text: string): string =>
	text
		.split(/\r?\n/)
		.filter((line) => !/^<!--SR:.*-->$/.test(line.trim()))
		.map((line) => line.replace(/ ?<!--SR:.*?-->/, ""))
		.join("\n");

describe("answers are written at once", () => {
	it("writes each answer into its note as a comment under the card, other bytes unchanged", async () => {
		const world = await makeWorld();
		const controller = await loadedController(world, { title: "Docker", path: "docker.md" });
		controller.reveal();
		await controller.answer(Rating.Easy);
		controller.reveal();
		expect(controller.state().card?.question).toBe("What does FROM do");
		await controller.answer(Rating.Good);
		const lines = world.text("docker.md").split("\n");
		expect(lines[5]).toBe("What is a layer::A filesystem diff");
		expect(lines[6]).toMatch(/^<!--SR:!fsrs,[^,]+,\d+,[\d.]+,[\d.]+,2,1,0,/);
		expect(lines[7]).toBe("What does FROM do::Starts a stage");
		// Good on a new card: first learning step, state 1.
		expect(lines[8]).toMatch(/^<!--SR:!fsrs,2026-03-10T12:10:00(\.000)?Z,0,[\d.]+,[\d.]+,1,1,0,1,/);
		expect(withoutComments(world.text("docker.md"))).toBe(withoutComments(DOCKER));
		// The index learnt the writes (the written card is no longer new).
		const indexed = world.indexer.index.getFile("docker.md");
		expect(indexed?.readCard(0).segments[0].kind).toBe("ok");
		expect(controller.state().progress.done).toEqual({ new: 2, learning: 0, review: 0 });
	});

	it("undo restores the note's exact bytes (CRLF note), then the card is asked again", async () => {
		const world = await makeWorld();
		const controller = await loadedController(world, { title: "k8s", path: "k8s.md" });
		controller.reveal();
		await controller.answer(Rating.Hard);
		expect(world.text("k8s.md")).not.toBe(K8S);
		expect(world.text("k8s.md")).toContain("containers\r\n<!--SR:!fsrs,");
		await controller.undo();
		expect(world.text("k8s.md")).toBe(K8S);
		expect(controller.state().phase).toBe("question");
		expect(controller.state().card?.question).toBe("What is a pod");
		expect(controller.state().summary.answered).toBe(0);
	});

	it("undo of a second answer puts back the exact previous comment", async () => {
		const world = await makeWorld();
		const controller = await loadedController(world, { title: "k8s", path: "k8s.md" });
		controller.reveal();
		await controller.answer(Rating.Again);
		const afterFirst = world.text("k8s.md");
		world.clock.now = new Date("2026-03-10T12:05:00Z");
		controller.refresh();
		expect(controller.state().card?.kind).toBe("learning");
		controller.reveal();
		await controller.answer(Rating.Good);
		expect(world.text("k8s.md")).not.toBe(afterFirst);
		await controller.undo();
		expect(world.text("k8s.md")).toBe(afterFirst);
	});

	it("a card gone from its note: notice, nothing written, the answer kept and retried later", async () => {
		const world = await makeWorld();
		const controller = await loadedController(world, { title: "k8s", path: "k8s.md" });
		const changed = K8S.replace("What is a pod", "What is a Pod");
		world.put("k8s.md", changed);
		controller.reveal();
		await controller.answer(Rating.Easy);
		expect(world.text("k8s.md")).toBe(changed);
		expect(world.notices.join("\n")).toMatch(/not saved|no longer/);
		const state = controller.state();
		expect(state.unsaved).toHaveLength(1);
		expect(state.unsaved[0]).toMatchObject({ path: "k8s.md", line: 3, rating: Rating.Easy });
		expect(state.phase).toBe("finished");
		// Still wrong: the retry fails too, the answer stays.
		await controller.retry(state.unsaved[0].id);
		expect(controller.state().unsaved).toHaveLength(1);
		world.put("k8s.md", K8S);
		await controller.retry(state.unsaved[0].id);
		expect(controller.state().unsaved).toHaveLength(0);
		expect(world.text("k8s.md")).toMatch(/containers\r\n<!--SR:!fsrs,[^\r\n]*-->\r\n$/);
	});

	it("answer again takes an unsaved answer back and shows the card anew", async () => {
		const world = await makeWorld();
		const controller = await loadedController(world, { title: "k8s", path: "k8s.md" });
		world.put("k8s.md", "#flashcards/k8s\n");
		controller.reveal();
		await controller.answer(Rating.Easy);
		const id = controller.state().unsaved[0].id;
		world.put("k8s.md", K8S);
		controller.answerAgain(id);
		expect(controller.state().phase).toBe("question");
		expect(controller.state().unsaved).toHaveLength(0);
		expect(controller.state().summary.answered).toBe(0);
	});

	it("skip moves to the next card without writing", async () => {
		const world = await makeWorld();
		const controller = await loadedController(world, { title: "Docker", path: "docker.md" });
		controller.skip();
		expect(controller.state().card?.question).toBe("What does FROM do");
		expect(world.text("docker.md")).toBe(DOCKER);
	});

	it("edit replaces exactly the card's lines and keeps its comment; a changed card is refused", async () => {
		const world = await makeWorld();
		const controller = await loadedController(world, { title: "Docker", path: "docker.md" });
		controller.startEdit();
		expect(controller.state().phase).toBe("editing");
		expect(controller.state().card?.source).toBe("What is a layer::A filesystem diff");
		await controller.saveEdit("What is an image layer::A filesystem diff");
		expect(world.text("docker.md")).toBe(DOCKER.replace("What is a layer", "What is an image layer"));
		expect(controller.state().phase).toBe("question");
		expect(controller.state().card?.question).toBe("What is an image layer");
		// The edited card is answered under its new text.
		controller.reveal();
		await controller.answer(Rating.Good);
		expect(world.text("docker.md")).toContain("What is an image layer::A filesystem diff\n<!--SR:!fsrs,");
		// Editing a card that changed in the note meanwhile is refused.
		expect(controller.state().card?.question).toBe("What does FROM do");
		controller.startEdit();
		world.put("docker.md", world.text("docker.md").replace("What does FROM do", "FROM?"));
		const before = world.text("docker.md");
		await controller.saveEdit("Something else::entirely");
		expect(world.text("docker.md")).toBe(before);
		expect(world.notices.at(-1)).toMatch(/not edited/);
		expect(controller.state().phase).toBe("editing");
	});

	it("cards below a new comment line are still found after it (lines shift)", async () => {
		const world = await makeWorld({ burySiblings: false });
		const note = "#flashcards\nSame::card\nSame::card\n";
		world.put("dup.md", note);
		const controller = await loadedController(world, { title: "dup", path: "dup.md" });
		controller.reveal();
		await controller.answer(Rating.Easy);
		controller.reveal();
		await controller.answer(Rating.Hard);
		const lines = world.text("dup.md").split("\n");
		expect(lines[1]).toBe("Same::card");
		expect(lines[2]).toMatch(/^<!--SR:!fsrs,.*,2,1,0,/);
		expect(lines[3]).toBe("Same::card");
		expect(lines[4]).toMatch(/^<!--SR:!fsrs,.*,1,1,0,/);
	});
});

describe("daily limits", () => {
	it("count today's answers from the review log, so a new session does not start the day over", async () => {
		const world = await makeWorld({ newPerDay: 3 });
		const today = world.clock.now.getTime() - 60_000;
		const entry = (deck: string, state: 0 | 2) =>
			({ kind: "review", time: today, card: "x", deck, rating: Rating.Good, state, elapsedDays: 0, scheduledDays: 1, durationMs: 1 }) as const;
		const log = {
			recordAnswer: () => Promise.reject(new Error("not used")),
			recordUndo: () => Promise.resolve(),
			readAll: () => Promise.resolve({ ...mergeLogs([]), reviews: [entry("flashcards", 0), entry("Flashcards", 0)] }),
		};
		const without = await loadedController(world, { title: "All cards" });
		const withLog = await loadedController(world, { title: "All cards" }, log);
		expect(without.state().progress.left.new).toBe(4);
		// Deck flashcards has 3 new cards but 2 were done today: 1 left; flashcards/k8s keeps its 1.
		expect(withLog.state().progress.left.new).toBe(2);
	});
});

describe("SM-2 load balancing", () => {
	it("counts the answers given in this session, so equal cards spread over the fuzz window", async () => {
		const world = await makeWorld({ algorithm: "sm2", loadBalance: true });
		world.put("sm2.md", "#flashcards/sm2\n\none::1 <!--SR:!2026-03-10,10,250-->\n\ntwo::2 <!--SR:!2026-03-10,10,250-->\n");
		await world.indexer.rebuild();
		const controller = await loadedController(world, { title: "sm2", path: "sm2.md" });
		for (let i = 0; i < 2; i++) {
			controller.reveal();
			await controller.answer(Rating.Good);
		}
		const days = [...world.text("sm2.md").matchAll(/<!--SR:!(\d{4}-\d{2}-\d{2}),/g)].map((m) => m[1]);
		// Good: (10 + 0) · 2.5 = 25 days, fuzz window ±1: the second answer sees the first one's day.
		expect(days).toHaveLength(2);
		expect(new Set(days).size).toBe(2);
	});
});

describe("the review log", () => {
	it("records the undo of an answer even when the answer's own log line is still being written", async () => {
		const world = await makeWorld();
		let finishAnswer: (() => void) | null = null;
		const undone: unknown[] = [];
		const entry = { kind: "review", time: 1, card: "c", deck: "", rating: Rating.Good, state: 0, elapsedDays: 0, scheduledDays: 0, durationMs: 0 } as const;
		const log = {
			recordAnswer: () => new Promise<typeof entry>((resolve) => (finishAnswer = () => resolve(entry))),
			recordUndo: (answer: unknown) => {
				undone.push(answer);
				return Promise.resolve();
			},
		};
		const controller = await loadedController(world, { title: "k8s", path: "k8s.md" }, log);
		controller.reveal();
		await controller.answer(Rating.Good);
		await controller.undo();
		expect(undone).toEqual([]);
		finishAnswer!();
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(undone).toEqual([entry]);
	});
});
