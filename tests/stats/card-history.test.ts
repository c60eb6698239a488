import { describe, expect, it } from "vitest";
import { cardHistory, logTallies } from "../../src/stats/card-history";
import { cardId } from "../../src/stats/card-id";
import { formatLogLine, type LogEntry } from "../../src/stats/log-format";
import { mergeLogs } from "../../src/stats/merge";

const A = cardId("old/docker.md", "What is a stage?::A FROM section", 0);
const A_NOW = cardId("docker.md", "What is a stage?::A FROM section", 0);
const B = cardId("docker.md", "Final image base?::scratch", 0);
const t = (iso: string) => Date.parse(iso);

/** A log over two devices: A answered twice under its old path (one undone), renamed, lapsed, crammed, reset, set due, suspended. */
function log() {
	const device1: LogEntry[] = [
		{
			kind: "review",
			time: t("2026-01-01T09:00:00Z"),
			card: A,
			deck: "d",
			rating: 3,
			state: 0,
			elapsedDays: 0,
			scheduledDays: 3,
			durationMs: 4000,
			memory: { stability: 3.1, difficulty: 5.2 },
		},
		{ kind: "review", time: t("2026-01-04T09:00:00Z"), card: A, deck: "d", rating: 4, state: 2, elapsedDays: 3, scheduledDays: 9, durationMs: 2000 },
		{ kind: "undo", time: t("2026-01-04T09:00:05Z"), card: A, reviewTime: t("2026-01-04T09:00:00Z") },
		{ kind: "rename", time: t("2026-01-05T00:00:00Z"), from: "old/docker.md", to: "docker.md" },
		{ kind: "review", time: t("2026-01-02T09:00:00Z"), card: B, deck: "d", rating: 3, state: 0, elapsedDays: 0, scheduledDays: 1, durationMs: 1000 },
	];
	const device2: LogEntry[] = [
		{
			kind: "review",
			time: t("2026-01-10T09:00:00Z"),
			card: A_NOW,
			deck: "d",
			rating: 1,
			state: 2,
			elapsedDays: 9,
			scheduledDays: 0,
			durationMs: 8000,
			memory: { stability: 1.2, difficulty: 6.8, retrievability: 0.71 },
		},
		{ kind: "cram", time: t("2026-01-11T09:00:00Z"), card: A_NOW, deck: "d", rating: 3, durationMs: 1500 },
		{ kind: "reset", time: t("2026-01-12T09:00:00Z"), card: A_NOW },
		{ kind: "set-due", time: t("2026-01-13T09:00:00Z"), card: A_NOW, due: "2026-02-01" },
		{ kind: "suspend", time: t("2026-01-14T09:00:00Z"), card: A_NOW, suspended: true },
		{ kind: "suspend", time: t("2026-01-15T09:00:00Z"), card: A_NOW, suspended: false },
	];
	const text = (entries: LogEntry[]) => entries.map(formatLogLine).join("\n");
	return mergeLogs([
		{ name: "one.jsonl", text: text(device1) },
		{ name: "two.jsonl", text: text(device2) },
	]);
}

describe("cardHistory", () => {
	it("lists a card's answers and actions in time order, across renames and without undone answers", () => {
		const history = cardHistory(log(), A_NOW);
		expect(history.rows.map((r) => r.kind)).toEqual(["review", "review", "cram", "reset", "set-due", "suspend", "unsuspend"]);
		expect(history.rows[0]).toEqual({
			kind: "review",
			time: t("2026-01-01T09:00:00Z"),
			rating: 3,
			state: 0,
			interval: 3,
			elapsedDays: 0,
			durationMs: 4000,
			stability: 3.1,
			difficulty: 5.2,
		});
		expect(history.rows[1]).toMatchObject({ rating: 1, interval: 0, stability: 1.2, difficulty: 6.8, retrievability: 0.71 });
		expect(history.rows[4]).toMatchObject({ kind: "set-due", due: "2026-02-01" });
		expect(history.reviews).toBe(2);
		expect(history.lapses).toBe(1);
		expect(history.firstReview).toBe(t("2026-01-01T09:00:00Z"));
		expect(history.lastReview).toBe(t("2026-01-10T09:00:00Z"));
		expect(history.totalMs).toBe(12000);
	});

	it("is empty for a card the log never saw", () => {
		expect(cardHistory(log(), cardId("x.md", "Q::A", 0))).toEqual({ rows: [], reviews: 0, lapses: 0, firstReview: null, lastReview: null, totalMs: 0 });
	});
});

describe("logTallies", () => {
	it("counts answers, lapses since the last reset (as leeches count them), and keeps the last answer per card", () => {
		const tallies = logTallies(log());
		// A lapsed on 10 January and was reset on the 12th.
		expect(tallies.get(A_NOW)).toEqual({ reviews: 2, lapses: 0, last: t("2026-01-10T09:00:00Z") });
		const beforeReset = log();
		beforeReset.actions = beforeReset.actions.filter((a) => a.kind !== "reset");
		expect(logTallies(beforeReset).get(A_NOW)?.lapses).toBe(1);
		expect(tallies.get(B)).toEqual({ reviews: 1, lapses: 0, last: t("2026-01-02T09:00:00Z") });
		expect(tallies.has(A)).toBe(false);
	});
});
