import { describe, expect, it } from "vitest";
import { countSelection } from "../../src/index/query";
import { fakeParse, settle, World } from "./glue-fixtures";

const NOW = new Date(2026, 2, 10, 12, 0);

function notes(world: World, count: number): void {
	for (let i = 0; i < count; i++) world.put(`n/${String(i).padStart(3, "0")}.md`, `#space/d${i % 3}\nQ${i}::A\nR${i}::B !2026-03-01`);
}

describe("VaultIndexer build", () => {
	it("waits for the layout, then indexes every note with cards, reading only tagged notes", async () => {
		const world = new World();
		notes(world, 5);
		world.put("plain.md", "no tags here\nQ::A");
		world.put("other.md", "#todo\nQ::A");
		const indexer = world.indexer();
		indexer.start();
		await settle();
		expect(indexer.isBuilding).toBe(true);
		expect(world.app.vault.reads).toBe(0);
		world.app.workspace.ready();
		await indexer.ready;
		expect(indexer.isBuilding).toBe(false);
		expect(indexer.index.fileCount).toBe(5);
		expect(indexer.index.cardCount).toBe(10);
		expect(world.app.vault.reads).toBe(5);
	});

	it("reads notes the metadata cache does not know yet", async () => {
		const world = new World();
		world.app.vault.put("fresh.md", "#space\nQ::A");
		const indexer = world.indexer();
		indexer.start();
		world.app.workspace.ready();
		await indexer.ready;
		expect(indexer.index.has("fresh.md")).toBe(true);
	});

	it("parses in slices within the time budget, yielding between them", async () => {
		const world = new World();
		notes(world, 60);
		let clock = 0;
		let parsesInSlice = 0;
		let largestSlice = 0;
		const indexer = world.indexer({
			sliceMs: 8,
			// Each parse costs 1 ms of fake time.
			clock: () => clock,
			yieldToUi: async () => {
				world.yields++;
				largestSlice = Math.max(largestSlice, parsesInSlice);
				parsesInSlice = 0;
			},
			parse: (text, path, settings) => {
				clock += 1;
				parsesInSlice++;
				return fakeParse(text, path, settings);
			},
		});
		indexer.start();
		world.app.workspace.ready();
		await indexer.ready;
		expect(indexer.index.fileCount).toBe(60);
		expect(world.yields).toBeGreaterThanOrEqual(7);
		expect(largestSlice).toBeLessThanOrEqual(8);
	});

	it("notifies listeners when the build ends", async () => {
		const world = new World();
		notes(world, 3);
		const indexer = world.indexer();
		let calls = 0;
		indexer.onChange(() => calls++);
		indexer.start();
		world.app.workspace.ready();
		await indexer.ready;
		expect(calls).toBe(1);
	});

	it("keeps a change that arrives during the build instead of the build's older read", async () => {
		const world = new World();
		notes(world, 10);
		let changedOnce = false;
		const indexer = world.indexer({
			sliceMs: 0,
			yieldToUi: async () => {
				if (!changedOnce) {
					changedOnce = true;
					world.modify("n/009.md", "#space/d0\nonly::card");
				}
			},
		});
		indexer.start();
		world.app.workspace.ready();
		await indexer.ready;
		expect(
			indexer.index
				.getFile("n/009.md")
				?.readCards()
				.map((c) => c.startLine),
		).toEqual([1]);
	});
});

describe("VaultIndexer events", () => {
	async function started(count = 3): Promise<{ world: World; indexer: ReturnType<World["indexer"]> }> {
		const world = new World();
		notes(world, count);
		const indexer = world.indexer();
		indexer.start();
		world.app.workspace.ready();
		await indexer.ready;
		return { world, indexer };
	}

	it("re-indexes a changed note from the event's text, without reading it", async () => {
		const { world, indexer } = await started();
		const reads = world.app.vault.reads;
		let calls = 0;
		indexer.onChange(() => calls++);
		world.modify("n/000.md", "#space/d0\nA::1\nB::2\nC::3");
		expect(indexer.index.getFile("n/000.md")?.readCards()).toHaveLength(3);
		world.modify("n/001.md", "#todo only, no cards");
		expect(indexer.index.has("n/001.md")).toBe(false);
		world.modify("new.md", "#space\nX::Y");
		expect(indexer.index.has("new.md")).toBe(true);
		expect(world.app.vault.reads).toBe(reads);
		expect(calls).toBe(3);
	});

	it("moves a renamed note and re-reads that one note for its new context", async () => {
		const { world, indexer } = await started();
		const reads = world.app.vault.reads;
		const parses = world.parses;
		world.rename("n/000.md", "moved/renamed.md");
		expect(indexer.index.has("n/000.md")).toBe(false);
		expect(indexer.index.has("moved/renamed.md")).toBe(true);
		await settle();
		expect(world.app.vault.reads).toBe(reads + 1);
		expect(world.parses).toBe(parses + 1);
		world.rename("moved/renamed.md", "ignored/x.md");
		await settle();
		expect(indexer.index.has("ignored/x.md")).toBe(false);
	});

	it("drops a deleted note", async () => {
		const { world, indexer } = await started();
		world.delete("n/001.md");
		expect(indexer.index.has("n/001.md")).toBe(false);
		expect(indexer.index.fileCount).toBe(2);
	});

	it("applies a review's own write at once and skips the echoing change event", async () => {
		const { world, indexer } = await started();
		const parses = world.parses;
		const reads = world.app.vault.reads;
		const text = "#space/d0\nQ0::A !2026-03-01\nR0::B !2026-03-01";
		world.app.vault.put("n/000.md", text);
		indexer.applyOwnWrite("n/000.md", text);
		expect(countSelection(indexer.index, { deck: "space/d0" }, NOW).due).toBe(2);
		world.modify("n/000.md", text);
		expect(world.parses).toBe(parses + 1);
		expect(world.app.vault.reads).toBe(reads);
		// A later, different change is indexed again.
		world.modify("n/000.md", "#space/d0\nQ0::A");
		expect(world.parses).toBe(parses + 2);
	});

	it("unregisters every event and listener on unload, and stops an unfinished build", async () => {
		const { world, indexer } = await started();
		const { vault, metadataCache } = world.app;
		expect([metadataCache.listenerCount("changed"), vault.listenerCount("rename"), vault.listenerCount("delete")]).toEqual([1, 1, 1]);
		let calls = 0;
		indexer.onChange(() => calls++);
		world.obsidianPlugin.removeChild(indexer);
		expect([metadataCache.listenerCount("changed"), vault.listenerCount("rename"), vault.listenerCount("delete")]).toEqual([0, 0, 0]);
		world.modify("n/000.md", "#space\nnew::card");
		expect(calls).toBe(0);
		expect(indexer.index.getFile("n/000.md")?.readCards()).toHaveLength(2);
	});

	it("never writes to a note", async () => {
		const world = new World();
		notes(world, 5);
		let writes = 0;
		const process = world.app.vault.process.bind(world.app.vault);
		world.app.vault.process = async (file, fn) => {
			writes++;
			return process(file, fn);
		};
		const indexer = world.indexer();
		indexer.start();
		world.app.workspace.ready();
		await indexer.ready;
		world.modify("n/000.md", "#space/d0\nA::1");
		world.rename("n/001.md", "x.md");
		world.delete("n/002.md");
		await settle();
		expect(writes).toBe(0);
		expect(world.app.vault.files.get("n/003.md")?.text).toBe("#space/d0\nQ3::A\nR3::B !2026-03-01");
	});
});
