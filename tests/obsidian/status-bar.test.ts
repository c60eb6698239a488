import { describe, expect, it } from "vitest";
import { Platform } from "../mocks/obsidian";
import { DueStatusBar } from "../../src/obsidian/status-bar";
import { World } from "./glue-fixtures";

const NOW = new Date(2026, 2, 10, 12, 0);

async function setup(): Promise<{ world: World; bar: DueStatusBar }> {
	const world = new World();
	world.put("a.md", "#space\nQ::A !2026-03-01\nR::B !2026-03-02\nS::C");
	const indexer = world.indexer();
	const bar = new DueStatusBar(world.obsidianPlugin, indexer, { now: () => NOW, debounceMs: 0, refreshMs: 0 });
	world.obsidianPlugin.addChild(bar);
	indexer.start();
	world.app.workspace.ready();
	await indexer.ready;
	return { world, bar };
}

describe("DueStatusBar", () => {
	it("shows the number of cards due and follows changes of the index", async () => {
		const { world } = await setup();
		const item = world.plugin.statusBarItems[0];
		expect(item.text).toBe("2 cards due");
		world.modify("a.md", "#space\nQ::A !2026-03-01\nS::C");
		expect(item.text).toBe("1 card due");
		world.delete("a.md");
		expect(item.text).toBe("0 cards due");
	});

	it("says it is indexing until the first build ends", () => {
		const world = new World();
		const indexer = world.indexer();
		world.obsidianPlugin.addChild(new DueStatusBar(world.obsidianPlugin, indexer, { now: () => NOW, debounceMs: 0, refreshMs: 0 }));
		expect(world.plugin.statusBarItems[0].text).toBe("Indexing cards…");
	});

	it("is removed and stops listening on unload", async () => {
		const { world, bar } = await setup();
		const item = world.plugin.statusBarItems[0];
		world.obsidianPlugin.removeChild(bar);
		expect(item.removed).toBe(true);
		world.modify("a.md", "#space\nS::C");
		expect(item.text).toBe("2 cards due");
	});

	it("adds nothing on mobile", () => {
		const world = new World();
		Platform.isDesktop = false;
		try {
			world.obsidianPlugin.addChild(new DueStatusBar(world.obsidianPlugin, world.indexer(), { debounceMs: 0, refreshMs: 0 }));
			expect(world.plugin.statusBarItems).toHaveLength(0);
		} finally {
			Platform.isDesktop = true;
		}
	});
});
