/** The controller's card actions (issue #15): what is left out, what undo takes back, what a failed action leaves. */
import { describe, expect, it } from "vitest";
import { ReviewController } from "../../src/review/controller";
import type { ActionReport } from "../../src/review/card-manager";
import type { ReviewCardActions } from "../../src/review/review-card-actions";
import { VaultNotes } from "../../src/obsidian/vault-notes";
import { makeWorld, type World } from "./fixtures";

/** Card actions that record the calls and report what `outcome` says. */
function fakeActions(outcome: "changed" | "failed") {
	const calls: string[] = [];
	const report = (): ActionReport =>
		outcome === "changed"
			? { done: [{ path: "docker.md", line: 5, sibling: 0, before: null, after: "x", changed: true }], failed: [] }
			: { done: [], failed: [{ path: "docker.md", message: "The note cannot be written." }] };
	const actions: ReviewCardActions = {
		toggleSuspend: (subjects) => (calls.push(`suspend ${subjects[0].card.front}`), Promise.resolve(report())),
		toggleFlag: (subjects, flag) => (calls.push(`flag ${flag} ${subjects[0].card.front}`), Promise.resolve(report())),
		bury: (subjects) => void calls.push(`bury ${subjects[0].card.front}`),
		undo: () => (calls.push("undo"), Promise.resolve(outcome === "changed")),
	};
	return { actions, calls };
}

async function controllerWith(world: World, actions?: ReviewCardActions): Promise<ReviewController> {
	const controller = new ReviewController(
		{
			settings: () => world.services.settings(),
			index: () => world.indexer.index,
			notes: new VaultNotes(world.services.app),
			now: () => world.clock.now,
			notify: (message) => world.notices.push(message),
		},
		{ title: "Docker", path: "docker.md" },
		actions,
	);
	await controller.load();
	return controller;
}

describe("card actions in a review", () => {
	it("are not offered without the plugin's card actions", async () => {
		const controller = await controllerWith(await makeWorld());
		expect(controller.state().canManage).toBe(false);
		expect(await controller.manage({ kind: "suspend" })).toBe(false);
		expect(controller.state().card?.question).toBe("What is a layer");
	});

	it("a failed suspend keeps the card in the session and gives undo nothing to take back", async () => {
		const { actions, calls } = fakeActions("failed");
		const controller = await controllerWith(await makeWorld(), actions);
		expect(controller.state().canManage).toBe(true);
		expect(await controller.manage({ kind: "suspend" })).toBe(false);
		expect(controller.state().card?.question).toBe("What is a layer");
		expect(controller.state().canUndo).toBe(false);
		expect(calls).toEqual(["suspend What is a layer"]);
	});

	it("a bury leaves the card out; undo asks the card actions to take it back and shows the card again", async () => {
		const { actions, calls } = fakeActions("changed");
		const controller = await controllerWith(await makeWorld(), actions);
		expect(await controller.manage({ kind: "bury" })).toBe(true);
		expect(controller.state().card?.question).toBe("What does FROM do");
		expect(controller.state().canUndo).toBe(true);
		expect(await controller.undo()).toBe(true);
		expect(controller.state().card?.question).toBe("What is a layer");
		expect(calls).toEqual(["bury What is a layer", "undo"]);
		// Taken back once: the next undo has nothing left.
		expect(await controller.undo()).toBe(false);
	});

	it("a flag keeps the card shown", async () => {
		const { actions, calls } = fakeActions("changed");
		const controller = await controllerWith(await makeWorld(), actions);
		controller.reveal();
		expect(await controller.manage({ kind: "flag", flag: 3 })).toBe(true);
		expect(controller.state().card?.question).toBe("What is a layer");
		expect(controller.state().phase).toBe("answer");
		expect(calls).toEqual(["flag 3 What is a layer"]);
	});
});
