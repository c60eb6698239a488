// @vitest-environment jsdom
/**
 * Defect 2 of issue #15 at the screen: a review tab restored with the workspace opens before
 * the layout is ready, so before the index is even started. It must say that it is indexing,
 * follow the build, and start with every card once the index is complete.
 */
import type { App as ObsidianApp, WorkspaceLeaf as ObsidianLeaf } from "obsidian";
import { beforeAll, describe, expect, it } from "vitest";
import { App, WorkspaceLeaf } from "../../mocks/obsidian";
import { installObsidianDom } from "../../mocks/obsidian-dom";
import { VaultIndexer } from "../../../src/obsidian/vault-index";
import { VaultNotes } from "../../../src/obsidian/vault-notes";
import { createReviewView } from "../../../src/ui/review/review-view";
import type { PluginServices } from "../../../src/ui/services";
import { DOCKER, K8S, SETTINGS } from "../../review/fixtures";

beforeAll(() => installObsidianDom());

const flush = async (): Promise<void> => {
	for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

describe("a review tab restored at start-up", () => {
	it("says 'Indexing…' before the build starts, counts notes during it, and starts when it ends", async () => {
		const app = new App();
		app.vault.put("docker.md", DOCKER);
		app.vault.put("k8s.md", K8S);
		let release: () => void = () => {};
		const indexer = new VaultIndexer(app as unknown as ObsidianApp, () => SETTINGS, {
			sliceMs: 0,
			readBatch: 1,
			yieldToUi: () => new Promise<void>((resolve) => (release = resolve)),
		});
		indexer.load();
		indexer.start(); // waits for the layout
		const services = {
			app: app as unknown as ObsidianApp,
			settings: () => SETTINGS,
			indexer,
			notes: new VaultNotes(app as unknown as ObsidianApp),
			now: () => new Date("2026-03-10T12:00:00Z"),
			openDeckList: () => undefined,
		} as unknown as PluginServices;
		const view = createReviewView(new WorkspaceLeaf(app) as unknown as ObsidianLeaf, services);
		await view.onOpen();
		await view.setState({ request: { title: "All cards" } }, { history: false });
		await flush();
		const loading = () => view.contentEl.querySelector(".sn-review-loading")?.textContent ?? null;
		expect(loading()).toBe("Indexing…");
		expect(view.contentEl.querySelector(".sn-review-summary-title")).toBeNull();

		app.workspace.ready();
		await flush();
		expect(loading()).toMatch(/^Indexing… [0-2] of 2 notes$/);
		for (let i = 0; i < 10 && indexer.isBuilding; i++) {
			release();
			await flush();
		}
		await flush();
		expect(loading()).toBeNull();
		expect(view.contentEl.querySelector(".sn-review-question")?.textContent).toBe("What is a layer");
		expect(view.contentEl.querySelector(".sn-review-count-new")?.textContent).toBe("New 4");
		await view.onClose();
	});
});
