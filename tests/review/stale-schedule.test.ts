/**
 * The comment shown with a card is part of its answer's precondition: when the note's schedule
 * for the card changed meanwhile (another device, an edit by hand), the answer is not written,
 * the user is told, and the card comes back with the schedule the note holds now.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseArgs } from "../../src/cli/args";
import { DiskNotes } from "../../src/cli/disk-notes";
import { loadIndex } from "../../src/cli/load-index";
import { ReviewController } from "../../src/review/controller";
import { Rating } from "../../src/model/schedule";
import { K8S, loadedController, makeWorld } from "./fixtures";

/** k8s.md as another device leaves it: the card answered there, due `due`. */
const answeredElsewhere = (due: string) => K8S.replace("containers\r\n", `containers\r\n<!--SR:!${due},4,230-->\r\n`);

describe("a schedule changed while its card is shown", () => {
	it("is not overwritten: the answer is dropped, the user told, the card shown again with the note's schedule", async () => {
		const world = await makeWorld({ algorithm: "sm2" });
		const controller = await loadedController(world, { title: "k8s", path: "k8s.md" });
		controller.reveal();
		const theirs = answeredElsewhere("2026-03-10");
		world.put("k8s.md", theirs);
		expect(await controller.answer(Rating.Good)).toBe("stale");
		expect(world.text("k8s.md")).toBe(theirs);
		expect(world.notices.join(" ")).toMatch(/changed in its note since it was shown/);
		const state = controller.state();
		expect(state.phase).toBe("question");
		expect(state.card?.kind).toBe("review");
		expect(state.summary.answered).toBe(0);
		expect(state.unsaved).toEqual([]);
		// Answered again, from the note's schedule: interval 4, ease 230 (not a new card's).
		controller.reveal();
		expect(await controller.answer(Rating.Good)).toBe("saved");
		expect(world.text("k8s.md")).toMatch(/containers\r\n<!--SR:!2026-03-\d\d,\d+,230-->\r\n/);
		expect(world.text("k8s.md")).not.toContain("2026-03-10,4,230");
	});

	it("leaves the session when the note's schedule is not due today", async () => {
		const world = await makeWorld({ algorithm: "sm2" });
		const controller = await loadedController(world, { title: "k8s", path: "k8s.md" });
		controller.reveal();
		const theirs = answeredElsewhere("2026-03-20");
		world.put("k8s.md", theirs);
		expect(await controller.answer(Rating.Again)).toBe("stale");
		expect(world.text("k8s.md")).toBe(theirs);
		expect(controller.state().phase).toBe("finished");
	});

	it("undo never writes over a comment it did not write, and keeps the answer", async () => {
		const world = await makeWorld({ algorithm: "sm2" });
		const controller = await loadedController(world, { title: "k8s", path: "k8s.md" });
		controller.reveal();
		expect(await controller.answer(Rating.Easy)).toBe("saved");
		const theirs = answeredElsewhere("2026-04-01");
		world.put("k8s.md", theirs);
		expect(await controller.undo()).toBe(false);
		expect(world.text("k8s.md")).toBe(theirs);
		expect(controller.state().summary.answered).toBe(1);
		expect(world.notices.join(" ")).toMatch(/not undone/);
	});

	it("an undo of the earlier answers still works after a stale answer", async () => {
		const world = await makeWorld({ algorithm: "sm2" });
		const controller = await loadedController(world, { title: "Docker", path: "docker.md" });
		const original = world.text("docker.md");
		controller.reveal();
		expect(await controller.answer(Rating.Easy)).toBe("saved");
		controller.reveal();
		const text = world.text("docker.md").replace("What does FROM do::Starts a stage\n", "What does FROM do::Starts a stage\n<!--SR:!2026-03-10,2,250-->\n");
		world.put("docker.md", text);
		expect(await controller.answer(Rating.Good)).toBe("stale");
		// Undo takes back the first answer (the stale one was never an answer).
		expect(await controller.undo()).toBe(true);
		expect(world.text("docker.md")).toBe(
			original.replace("What does FROM do::Starts a stage\n", "What does FROM do::Starts a stage\n<!--SR:!2026-03-10,2,250-->\n"),
		);
	});
});

describe("the same on the command line (notes on disk)", () => {
	it("an answer to a card whose comment changed on disk is not written", async () => {
		const dir = mkdtempSync(join(tmpdir(), "sn-stale-"));
		const path = join(dir, "n.md");
		writeFileSync(path, "#flashcards\nq::a\n");
		const loaded = loadIndex(parseArgs([dir], [], []), { cwd: dir, stdout: () => {}, stderr: () => {} });
		const notices: string[] = [];
		const settings = { ...loaded.settings, algorithm: "sm2" as const };
		const controller = new ReviewController(
			{
				settings: () => settings,
				index: () => loaded.index,
				notes: new DiskNotes(loaded.vault),
				now: () => new Date("2026-03-10T12:00:00Z"),
				notify: (m) => notices.push(m),
			},
			{ title: "All cards" },
		);
		await controller.load();
		controller.reveal();
		writeFileSync(path, "#flashcards\nq::a\n<!--SR:!2026-03-30,20,250-->\n");
		expect(await controller.answer(Rating.Good)).toBe("stale");
		expect(readFileSync(path, "utf8")).toBe("#flashcards\nq::a\n<!--SR:!2026-03-30,20,250-->\n");
		expect(notices).toHaveLength(1);
		expect(controller.state().phase).toBe("finished");
	});
});
