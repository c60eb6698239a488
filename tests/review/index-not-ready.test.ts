/**
 * A review opened before the index is complete (a review tab restored at start-up, a review
 * started while the index rebuilds after a settings change) waits for it, says how far it is,
 * and starts with every card once it is built: it never stays empty for good.
 */
import type { App as ObsidianApp } from "obsidian";
import { describe, expect, it } from "vitest";
import { VaultIndexer } from "../../src/obsidian/vault-index";
import { VaultNotes } from "../../src/obsidian/vault-notes";
import { ReviewController } from "../../src/review/controller";
import { App } from "../mocks/obsidian";
import { DOCKER, K8S, SETTINGS } from "./fixtures";

describe("a review started while the index is built", () => {
	it("shows 'Indexing… N of M notes', then starts with every card when the build ends", async () => {
		const app = new App();
		app.vault.put("docker.md", DOCKER);
		app.vault.put("k8s.md", K8S);
		let release: () => void = () => {};
		// Every slice of the build waits here until the test lets it go on.
		const indexer = new VaultIndexer(app as unknown as ObsidianApp, () => SETTINGS, {
			sliceMs: 0,
			readBatch: 1,
			yieldToUi: () => new Promise<void>((resolve) => (release = resolve)),
		});
		indexer.load();
		const building = indexer.rebuild();
		const controller = new ReviewController(
			{
				settings: () => SETTINGS,
				index: () => indexer.index,
				notes: new VaultNotes(app as unknown as ObsidianApp),
				now: () => new Date("2026-03-10T12:00:00Z"),
				notify: () => {},
				indexing: indexer,
			},
			{ title: "All cards" },
		);
		const loaded = controller.load();
		await Promise.resolve();
		expect(controller.state().phase).toBe("loading");
		expect(controller.state().loading).toMatch(/^Indexing… \d of 2 notes$/);
		for (let i = 0; i < 10 && indexer.isBuilding; i++) {
			release();
			await new Promise((resolve) => setTimeout(resolve, 0));
		}
		await building;
		await loaded;
		expect(controller.state().phase).toBe("question");
		expect(controller.state().progress.left.new).toBe(4);
		expect(controller.state().loading).toBeNull();
	});

	it("starts at once when the index is complete", async () => {
		const app = new App();
		app.vault.put("k8s.md", K8S);
		const indexer = new VaultIndexer(app as unknown as ObsidianApp, () => SETTINGS, { yieldToUi: () => Promise.resolve() });
		indexer.load();
		await indexer.rebuild();
		expect(indexer.progress).toBeNull();
		await expect(indexer.whenBuilt()).resolves.toBeUndefined();
	});
});
