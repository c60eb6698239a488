import type { App as ObsidianApp, Plugin as ObsidianPlugin } from "obsidian";
import { App, Plugin, TFile } from "../mocks/obsidian";
import { describe, expect, it } from "vitest";
import type { SegmentState } from "../../src/model/card";
import { deviceId, ReviewLogStore, trackRenames, type LogAdapter } from "../../src/obsidian/review-log-store";
import { Rating } from "../../src/model/schedule";
import { cardId } from "../../src/stats/card-id";

/** An in-memory vault adapter: files and folders by path. */
class MemoryAdapter implements LogAdapter {
	files = new Map<string, string>();
	folders = new Set<string>();
	failNext = false;
	exists(path: string): Promise<boolean> {
		return Promise.resolve(this.files.has(path) || this.folders.has(path));
	}
	mkdir(path: string): Promise<void> {
		this.folders.add(path);
		return Promise.resolve();
	}
	read(path: string): Promise<string> {
		const text = this.files.get(path);
		return text === undefined ? Promise.reject(new Error(`ENOENT ${path}`)) : Promise.resolve(text);
	}
	write(path: string, data: string): Promise<void> {
		if (this.failNext) {
			this.failNext = false;
			return Promise.reject(new Error("disk full"));
		}
		this.files.set(path, data);
		return Promise.resolve();
	}
	append(path: string, data: string): Promise<void> {
		if (this.failNext) {
			this.failNext = false;
			return Promise.reject(new Error("disk full"));
		}
		this.files.set(path, (this.files.get(path) ?? "") + data);
		return Promise.resolve();
	}
	list(path: string): Promise<{ files: string[]; folders: string[] }> {
		return Promise.resolve({ files: [...this.files.keys()].filter((f) => f.startsWith(`${path}/`)), folders: [] });
	}
}

const FOLDER = ".obsidian/plugins/spaced-notes/logs";
const before: SegmentState = { kind: "ok", schedule: { type: "classic", due: "2026-03-08", interval: 4, ease: 250 } };
const answer = (iso: string, source = "Q::A") => ({
	time: new Date(iso),
	path: "notes/docker.md",
	card: { source, decks: ["space/docker"] },
	sibling: 0,
	rating: Rating.Good,
	before,
	after: { type: "classic" as const, due: "2026-03-20", interval: 10, ease: 250 },
	durationMs: 4000,
	dayStartHour: 4,
});

describe("ReviewLogStore", () => {
	it("appends one line per answer to this device's file and reads every device's file merged", async () => {
		const adapter = new MemoryAdapter();
		const phone = new ReviewLogStore(adapter, FOLDER, "phone-1");
		const laptop = new ReviewLogStore(adapter, FOLDER, "laptop");
		expect(phone.file).toBe(`${FOLDER}/phone-1.jsonl`);
		await phone.recordAnswer(answer("2026-03-10T09:00:00Z"));
		await laptop.recordAnswer(answer("2026-03-10T08:00:00Z", "Other::card"));
		await phone.recordAnswer(answer("2026-03-10T10:00:00Z"));
		expect(adapter.files.get(phone.file)?.split("\n")).toHaveLength(3);
		adapter.files.set(`${FOLDER}/tablet.jsonl`, "{oops\n");
		adapter.files.set(`${FOLDER}/readme.txt`, "not a log");
		const merged = await laptop.readAll();
		expect(merged.reviews.map((r) => new Date(r.time).toISOString())).toEqual([
			"2026-03-10T08:00:00.000Z",
			"2026-03-10T09:00:00.000Z",
			"2026-03-10T10:00:00.000Z",
		]);
		expect(merged.reviews[1].card).toBe(cardId("notes/docker.md", "Q::A", 0));
		expect(merged.problems).toEqual([{ file: `${FOLDER}/tablet.jsonl`, line: 1, reason: "not valid JSON" }]);
	});

	it("keeps a line whose write failed and writes it with the next one", async () => {
		const adapter = new MemoryAdapter();
		const store = new ReviewLogStore(adapter, FOLDER, "d");
		await store.recordAnswer(answer("2026-03-10T09:00:00Z"));
		adapter.failNext = true;
		await expect(store.recordAnswer(answer("2026-03-10T09:01:00Z"))).rejects.toThrow("disk full");
		await store.recordAnswer(answer("2026-03-10T09:02:00Z"));
		expect((await store.readAll()).reviews).toHaveLength(3);
	});

	it("records undo and rename so readers drop the answer and follow the note", async () => {
		const adapter = new MemoryAdapter();
		const store = new ReviewLogStore(adapter, FOLDER, "d");
		const undone = await store.recordAnswer(answer("2026-03-10T09:00:00Z"));
		await store.recordUndo(undone, new Date("2026-03-10T09:00:05Z"));
		await store.recordAnswer(answer("2026-03-10T09:00:10Z"));
		await store.recordRename("notes/docker.md", "space/docker.md", new Date("2026-03-11T00:00:00Z"));
		const merged = await store.readAll();
		expect(merged.undone).toBe(1);
		expect(merged.reviews.map((r) => r.card)).toEqual([cardId("space/docker.md", "Q::A", 0)]);
	});

	it("starts on a fresh line after a line cut off by an earlier session", async () => {
		const adapter = new MemoryAdapter();
		const store = new ReviewLogStore(adapter, FOLDER, "d");
		adapter.folders.add(FOLDER);
		adapter.files.set(store.file, '{"v":1,"t":"2026-03-09T09:00:00Z","card":"ab');
		await store.recordAnswer(answer("2026-03-10T09:00:00Z"));
		await store.recordAnswer(answer("2026-03-10T09:01:00Z"));
		const merged = await store.readAll();
		expect(merged.reviews).toHaveLength(2);
		expect(merged.problems.map((p) => p.line)).toEqual([1]);
		expect(adapter.files.get(store.file)?.split("\n")).toHaveLength(4);
	});

	it("reads an empty or missing folder as an empty log", async () => {
		const merged = await new ReviewLogStore(new MemoryAdapter(), FOLDER, "d").readAll();
		expect(merged.reviews).toEqual([]);
		expect(merged.problems).toEqual([]);
	});
});

describe("device id and rename tracking", () => {
	it("keeps one random id per device in local storage, not in synced settings", () => {
		const app = new App();
		const asApp = (a: App) => a as unknown as ObsidianApp;
		const id = deviceId(asApp(app));
		expect(id).toMatch(/^[0-9a-f]{12}$/);
		expect(deviceId(asApp(app))).toBe(id);
		expect(deviceId(asApp(new App()))).not.toBe(id);
	});

	it("logs renames of Markdown notes only", async () => {
		const app = new App();
		const plugin = new Plugin(app, { id: "spaced-notes", dir: ".obsidian/plugins/spaced-notes" });
		const adapter = new MemoryAdapter();
		const store = new ReviewLogStore(adapter, FOLDER, "d");
		const errors: unknown[] = [];
		trackRenames(plugin as unknown as ObsidianPlugin, store, (e) => errors.push(e));
		plugin.load();
		app.vault.trigger("rename", new TFile("space/docker.md"), "notes/docker.md");
		app.vault.trigger("rename", new TFile("img/a.png"), "a.png");
		await new Promise((resolve) => setTimeout(resolve, 0));
		const merged = await store.readAll();
		expect(merged.renames.map((r) => [r.from, r.to])).toEqual([["notes/docker.md", "space/docker.md"]]);
		plugin.unload();
		app.vault.trigger("rename", new TFile("b.md"), "c.md");
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect((await store.readAll()).renames).toHaveLength(1);
		expect(errors).toEqual([]);
	});
});
