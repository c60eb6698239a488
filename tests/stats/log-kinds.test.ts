import { describe, expect, it } from "vitest";
import { Rating } from "../../src/model/schedule";
import { cardId } from "../../src/stats/card-id";
import { formatLogLine, type LogEntry } from "../../src/stats/log-format";
import { parseLogLine } from "../../src/stats/log-parse";
import { mergeLogs } from "../../src/stats/merge";
import { reviewEntry, undoEntry } from "../../src/stats/review-entry";
import { fsrsSchedule } from "../builders";

const A = cardId("docker.md", "What is a stage?::A FROM section", 0);
const t = (iso: string) => Date.parse(iso);

const ENTRIES: LogEntry[] = [
	{
		kind: "review",
		time: t("2026-11-26T09:00:00Z"),
		card: A,
		deck: "space",
		rating: Rating.Good,
		state: 2,
		elapsedDays: 4,
		scheduledDays: 12,
		durationMs: 5300,
		memory: { stability: 12.3456, difficulty: 5.1, retrievability: 0.8812 },
	},
	{ kind: "cram", time: t("2026-11-26T09:01:00Z"), card: A, deck: "space", rating: Rating.Again, durationMs: 800 },
	{ kind: "reset", time: t("2026-11-26T09:02:00Z"), card: A },
	{ kind: "set-due", time: t("2026-11-26T09:03:00Z"), card: A, due: "2026-12-24" },
	{ kind: "suspend", time: t("2026-11-26T09:04:00Z"), card: A, suspended: true },
	{
		kind: "note",
		time: t("2026-11-26T09:05:00Z"),
		note: "reading/essay.md",
		deck: "review",
		rating: Rating.Hard,
		state: 2,
		elapsedDays: 3,
		scheduledDays: 5,
		ease: 230,
	},
];

describe("log entry kinds", () => {
	it("round-trips every kind through one line", () => {
		for (const entry of ENTRIES) expect(parseLogLine(formatLogLine(entry))).toEqual({ ok: true, entry });
	});

	it("writes the short field names the format documents", () => {
		expect(JSON.parse(formatLogLine(ENTRIES[0]))).toMatchObject({ st: 12.3456, df: 5.1, rt: 0.8812 });
		expect(JSON.parse(formatLogLine(ENTRIES[3]))).toEqual({ v: 1, t: "2026-11-26T09:03:00.000Z", k: "due", card: A, due: "2026-12-24" });
		expect(JSON.parse(formatLogLine(ENTRIES[4]))).toMatchObject({ k: "suspend", on: true });
	});

	it("still reads an answer line of the first format (no kind, no memory)", () => {
		const old = `{"v":1,"t":"2026-01-02T10:00:00.000Z","card":"${A}","deck":"d","r":4,"s":0,"e":0,"i":3,"d":900}`;
		const parsed = parseLogLine(old);
		expect(parsed).toMatchObject({ ok: true, entry: { kind: "review", rating: 4, scheduledDays: 3 } });
		expect(parsed.ok && parsed.entry.kind === "review" && parsed.entry.memory).toBe(undefined);
	});

	it("refuses malformed lines of the new kinds with a reason", () => {
		const bad = [
			[`{"v":1,"t":"2026-01-02T10:00:00Z","k":"due","card":"${A}","due":"soon"}`, "due without"],
			[`{"v":1,"t":"2026-01-02T10:00:00Z","k":"suspend","card":"${A}"}`, "suspend without"],
			[`{"v":1,"t":"2026-01-02T10:00:00Z","k":"cram","card":"${A}","deck":"d","r":7,"d":1}`, "rating"],
			[`{"v":1,"t":"2026-01-02T10:00:00Z","card":"${A}","deck":"d","r":3,"s":2,"e":1,"i":2,"d":1,"st":-1,"df":5}`, "'st' and 'df'"],
			[`{"v":1,"t":"2026-01-02T10:00:00Z","card":"${A}","deck":"d","r":3,"s":2,"e":1,"i":2,"d":1,"st":1,"df":5,"rt":1.5}`, "'rt'"],
			[`{"v":1,"t":"2026-01-02T10:00:00Z","k":"note","deck":"d","r":3,"s":2,"e":1,"i":2}`, "without 'note'"],
		] as const;
		for (const [line, reason] of bad) {
			const parsed = parseLogLine(line);
			expect(parsed.ok).toBe(false);
			if (!parsed.ok) expect(parsed.reason).toContain(reason);
		}
	});
});

describe("merging the new kinds", () => {
	const text = (...entries: LogEntry[]) => entries.map(formatLogLine).join("\n");

	it("keeps answers, cram, card actions and note reviews apart", () => {
		const merged = mergeLogs([{ name: "a.jsonl", text: text(...ENTRIES) }]);
		expect(merged.reviews).toHaveLength(1);
		expect(merged.cram).toHaveLength(1);
		expect(merged.actions.map((a) => a.kind)).toEqual(["reset", "set-due", "suspend"]);
		expect(merged.noteReviews.map((n) => n.note)).toEqual(["reading/essay.md"]);
	});

	it("drops an undone card action and an undone note review", () => {
		const suspend = ENTRIES[4];
		const note = ENTRIES[5];
		if (suspend.kind !== "suspend" || note.kind !== "note") throw new Error("fixture order");
		const merged = mergeLogs([
			{
				name: "a.jsonl",
				text: text(...ENTRIES, undoEntry(suspend, new Date("2026-11-26T10:00:00Z")), undoEntry(note, new Date("2026-11-26T10:00:01Z"))),
			},
		]);
		expect(merged.actions.map((a) => a.kind)).toEqual(["reset", "set-due"]);
		expect(merged.noteReviews).toEqual([]);
		expect(merged.undone).toBe(2);
	});

	it("moves note reviews and card actions with a later rename of their note", () => {
		const rename: LogEntry = { kind: "rename", time: t("2026-11-27T00:00:00Z"), from: "reading/essay.md", to: "done/essay.md" };
		const cardRename: LogEntry = { kind: "rename", time: t("2026-11-27T00:00:00Z"), from: "docker.md", to: "d/docker.md" };
		const merged = mergeLogs([{ name: "a.jsonl", text: text(...ENTRIES, rename, cardRename) }]);
		expect(merged.noteReviews[0].note).toBe("done/essay.md");
		expect(merged.actions[0].card).toBe(cardId("d/docker.md", "What is a stage?::A FROM section", 0));
		expect(merged.cram[0].card).toBe(merged.actions[0].card);
	});
});

describe("reviewEntry under FSRS", () => {
	it("records the memory after the answer and the retrievability before it", () => {
		const before = fsrsSchedule({ stability: 10, lastReview: "2026-03-01T09:00:00.000Z" });
		const after = fsrsSchedule({ stability: 25.5, difficulty: 4.9 });
		const facts = { path: "n.md", card: { source: "Q::A", decks: [] }, sibling: 0, rating: Rating.Good, after, durationMs: 1, dayStartHour: 0 };
		const entry = reviewEntry({ ...facts, time: new Date("2026-03-11T12:00:00Z"), before: { kind: "ok", schedule: before } });
		expect(entry.memory?.stability).toBe(25.5);
		expect(entry.memory?.difficulty).toBe(4.9);
		// Ten days on a ten-day stability: FSRS's curve gives 90% by definition of stability.
		expect(entry.memory?.retrievability).toBeCloseTo(0.9, 3);
		const fresh = reviewEntry({ ...facts, time: new Date("2026-03-11T12:00:00Z"), before: { kind: "absent" } });
		expect(fresh.memory).toEqual({ stability: 25.5, difficulty: 4.9 });
	});
});
