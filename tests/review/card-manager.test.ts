import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/cards/parse";
import { CardIndex } from "../../src/index/card-index";
import { dueCountsByDay } from "../../src/index/due-counts";
import { countSelection, selectSiblings } from "../../src/index/query";
import { BuriedSiblings } from "../../src/review/buried";
import { CardManager, type ActionSubject } from "../../src/review/card-manager";
import { parseDueSpec, spreadDueDays } from "../../src/review/due-spec";
import type { NoteStore } from "../../src/review/ports";
import { buildQueues } from "../../src/review/session-queue";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import type { LogEntry } from "../../src/stats/log-format";

const settings = { ...DEFAULT_SETTINGS, deterministicOrder: true };
const NOW = new Date(2026, 2, 10, 12, 0);
const NOTE = "#flashcards\n\nq1::a1 <!--SR:!2026-03-01,4,250-->\nq2:::a2\n";

function store(files: Record<string, string>): NoteStore & { files: Record<string, string> } {
	return {
		files,
		read: (path) => (path in files ? Promise.resolve(files[path]) : Promise.reject(new Error(`no ${path}`))),
		process: (path, edit) => {
			const next = edit(files[path]);
			if (next !== null) files[path] = next;
			return Promise.resolve(files[path]);
		},
	};
}

function setup() {
	const notes = store({ "n.md": NOTE });
	const logged: LogEntry[] = [];
	const manager = new CardManager({
		notes,
		settings: () => settings,
		now: () => NOW,
		log: { recordAnswer: () => Promise.reject(new Error("no")), recordUndo: () => Promise.resolve(), append: (e) => (logged.push(e), Promise.resolve()) },
	});
	const subjects = (): ActionSubject[] =>
		parseNote(notes.files["n.md"], { path: "n.md", settings }).cards.flatMap((card) =>
			card.siblings.map((s) => ({ path: "n.md", card, sibling: s.index })),
		);
	return { notes, logged, manager, subjects };
}

describe("CardManager", () => {
	it("suspends siblings in one write per note, logs each, and undoes to the exact bytes", async () => {
		const { notes, logged, manager, subjects } = setup();
		const report = await manager.apply(subjects(), { kind: "suspend" });
		expect(report.failed).toEqual([]);
		expect(notes.files["n.md"]).toBe("#flashcards\n\nq1::a1 <!--SR:!2026-03-01,4,250,s-->\nq2:::a2\n<!--SR:!2000-01-01,1,250,s!2000-01-01,1,250,s-->\n");
		expect(report.done.map((d) => [d.line, d.sibling, d.changed])).toEqual([
			[2, 0, true],
			[3, 0, true],
			[3, 1, true],
		]);
		expect(logged.map((e) => e.kind)).toEqual(["suspend", "suspend", "suspend"]);
		expect(await manager.undo()).toEqual([]);
		expect(notes.files["n.md"]).toBe(NOTE);
		expect(logged.slice(3).map((e) => e.kind)).toEqual(["undo", "undo", "undo"]);
		expect(await manager.undo()).toBeNull();
	});

	it("resets with a reset entry, sets due days per subject, and a dry run writes and logs nothing", async () => {
		const { notes, logged, manager, subjects } = setup();
		const dry = await manager.apply(subjects().slice(0, 1), { kind: "reset" }, true);
		expect(dry.done[0]).toMatchObject({ before: "<!--SR:!2026-03-01,4,250-->", after: "<!--SR:!2000-01-01,1,250-->", changed: true });
		expect(notes.files["n.md"]).toBe(NOTE);
		expect(logged).toEqual([]);
		await manager.apply(subjects().slice(0, 1), { kind: "reset" });
		expect(logged).toMatchObject([{ kind: "reset" }]);
		const days = ["2026-03-12", "2026-03-13"];
		await manager.apply(subjects().slice(1), (_s, i) => ({ kind: "set-due", due: days[i] }));
		expect(notes.files["n.md"]).toContain("q2:::a2\n<!--SR:!2026-03-12,2,250!2026-03-13,3,250-->");
		expect(logged.slice(1)).toMatchObject([
			{ kind: "set-due", due: "2026-03-12" },
			{ kind: "set-due", due: "2026-03-13" },
		]);
	});

	it("reports a note it cannot change and leaves it alone", async () => {
		const { notes, manager, subjects } = setup();
		const stale = subjects();
		notes.files["n.md"] = "#flashcards\n\nsomething else\n";
		const report = await manager.apply(stale, { kind: "suspend" });
		expect(report.failed).toHaveLength(1);
		expect(notes.files["n.md"]).toBe("#flashcards\n\nsomething else\n");
	});
});

describe("suspended siblings are never due", () => {
	const text = "#flashcards\n\nq1::a1 <!--SR:!2026-03-01,4,250,s-->\nq2::a2 <!--SR:!2026-03-01,4,250-->\nq3::a3 <!--SR:!2000-01-01,1,250,s,f2-->\n";
	const parsed = parseNote(text, { path: "n.md", settings });

	it("in the index's counts, selections and due days", () => {
		const index = new CardIndex({ flashcardTags: ["#flashcards"], dayStartHour: 4 });
		index.setFile("n.md", parsed);
		expect(countSelection(index, {}, NOW)).toEqual({ due: 1, new: 0, learning: 0, total: 3 });
		expect(selectSiblings(index, {}, NOW).map((r) => r.status)).toEqual(["later", "due", "later"]);
		expect(dueCountsByDay(index, 4)).toEqual(new Map([["2026-03-01", 1]]));
	});

	it("in a session's queues", () => {
		const items = parsed.cards.map((card) => ({ card, sibling: 0, file: "n.md", deck: "" }));
		const queues = buildQueues(items, NOW, settings, {}, "seed");
		expect([...queues.reviews, ...queues.news, ...queues.learning].map((e) => e.item.card.front)).toEqual(["q2"]);
	});
});

describe("buried siblings", () => {
	it("stay buried on their day only, and survive a save and load", () => {
		const buried = new BuriedSiblings();
		buried.bury("a", "2026-03-10");
		const loaded = BuriedSiblings.from(JSON.parse(JSON.stringify(buried.toData())));
		expect(loaded.isBuried("a", "2026-03-10")).toBe(true);
		expect(loaded.isBuried("a", "2026-03-11")).toBe(false);
		loaded.bury("b", "2026-03-11");
		expect(loaded.toData()).toEqual({ day: "2026-03-11", ids: ["b"] });
		expect(BuriedSiblings.from("garbage").count("2026-03-10")).toBe(0);
	});
});

describe("due specs", () => {
	const today = "2026-03-10";
	it("read days from today, a day, and ranges of both", () => {
		expect(parseDueSpec("in 3 days", today)).toEqual({ first: "2026-03-13", last: "2026-03-13" });
		expect(parseDueSpec("0", today)).toEqual({ first: today, last: today });
		expect(parseDueSpec("2026-04-01", today)).toEqual({ first: "2026-04-01", last: "2026-04-01" });
		expect(parseDueSpec("2026-04-01..2026-04-10", today)).toEqual({ first: "2026-04-01", last: "2026-04-10" });
		expect(parseDueSpec("3-7", today)).toEqual({ first: "2026-03-13", last: "2026-03-17" });
		for (const bad of ["tomorrow", "2026-02-30", "2026-03-01", "7-3", "2026-04-10..2026-04-01"])
			expect(typeof parseDueSpec(bad, today), bad).toBe("string");
	});

	it("spread a backlog evenly over a range, repeatably", () => {
		const days = spreadDueDays({ first: "2026-04-01", last: "2026-04-05" }, 23, "seed");
		const perDay = new Map<string, number>();
		for (const d of days) perDay.set(d, (perDay.get(d) ?? 0) + 1);
		expect([...perDay.keys()].sort()).toEqual(["2026-04-01", "2026-04-02", "2026-04-03", "2026-04-04", "2026-04-05"]);
		expect(Math.max(...perDay.values()) - Math.min(...perDay.values())).toBeLessThanOrEqual(1);
		expect(spreadDueDays({ first: "2026-04-01", last: "2026-04-05" }, 23, "seed")).toEqual(days);
		expect(spreadDueDays({ first: "2026-04-01", last: "2026-04-05" }, 23, "other")).not.toEqual(days);
	});
});
