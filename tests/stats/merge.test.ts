import { describe, expect, it } from "vitest";
import { cardId } from "../../src/stats/card-id";
import { formatLogLine, type LogEntry, type ReviewEntry } from "../../src/stats/log-format";
import { parseLogLine } from "../../src/stats/log-parse";
import { followRenames, mergeLogs } from "../../src/stats/merge";

const A = cardId("docker.md", "What is a stage?::A FROM section", 0);
const B = cardId("docker.md", "Final image base?::scratch", 0);

function review(iso: string, card: string, rating: 1 | 2 | 3 | 4 = 3, extra: Partial<ReviewEntry> = {}): ReviewEntry {
	return {
		kind: "review",
		time: Date.parse(iso),
		card,
		deck: "space/docker",
		rating,
		state: 2,
		elapsedDays: 4,
		scheduledDays: 12,
		durationMs: 5300,
		...extra,
	};
}

const lines = (...entries: LogEntry[]) => entries.map(formatLogLine).join("\n") + "\n";

describe("log line format", () => {
	it("writes the compact versioned JSON line and reads it back", () => {
		const entry = review("2026-11-26T09:00:00.000Z", A);
		const line = formatLogLine(entry);
		expect(JSON.parse(line)).toEqual({ v: 1, t: "2026-11-26T09:00:00.000Z", card: A, deck: "space/docker", r: 3, s: 2, e: 4, i: 12, d: 5300 });
		expect(parseLogLine(line)).toEqual({ ok: true, entry });
	});

	it("round-trips rename and undo records", () => {
		const rename: LogEntry = { kind: "rename", time: Date.parse("2026-01-02T00:00:00Z"), from: "a.md", to: "b/a.md" };
		const undo: LogEntry = { kind: "undo", time: Date.parse("2026-01-02T00:00:05Z"), card: A, reviewTime: Date.parse("2026-01-02T00:00:01Z") };
		expect(parseLogLine(formatLogLine(rename))).toEqual({ ok: true, entry: rename });
		expect(parseLogLine(formatLogLine(undo))).toEqual({ ok: true, entry: undo });
	});

	it.each([
		["{not json", "not valid JSON"],
		["[1,2]", "not a JSON object"],
		['{"t":"2026-01-01T00:00:00Z"}', "no format version"],
		['{"v":2,"t":"2026-01-01T00:00:00Z"}', "newer version"],
		['{"v":1,"t":"yesterday","card":"x","deck":"","r":3,"s":2,"e":0,"i":1,"d":0}', "bad time"],
		['{"v":1,"t":"2026-01-01T00:00:00Z","card":"x","deck":"","r":5,"s":2,"e":0,"i":1,"d":0}', "rating"],
		['{"v":1,"t":"2026-01-01T00:00:00Z","card":"x","deck":"","r":3,"s":7,"e":0,"i":1,"d":0}', "state"],
		['{"v":1,"t":"2026-01-01T00:00:00Z","card":"x","deck":"","r":3,"s":2,"e":-1,"i":1,"d":0}', "≥ 0"],
		['{"v":1,"t":"2026-01-01T00:00:00Z","deck":"","r":3,"s":2,"e":0,"i":1,"d":0}', "card id"],
		['{"v":1,"k":"rename","t":"2026-01-01T00:00:00Z","from":"a.md"}', "rename"],
		['{"v":1,"k":"teleport","t":"2026-01-01T00:00:00Z"}', "unknown kind"],
	])("rejects %s with a reason", (line, reason) => {
		const parsed = parseLogLine(line);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.reason).toContain(reason);
	});
});

describe("mergeLogs", () => {
	it("merges several device files in time order and drops duplicate lines", () => {
		const phone = lines(review("2026-03-01T08:00:00Z", A), review("2026-03-03T08:00:00Z", A, 1));
		const laptop = lines(review("2026-03-02T20:00:00Z", B), review("2026-03-01T08:00:00Z", A), review("2026-03-04T07:00:00Z", B, 4));
		const merged = mergeLogs([
			{ name: "logs/phone.jsonl", text: phone },
			{ name: "logs/laptop.jsonl", text: laptop },
		]);
		expect(merged.problems).toEqual([]);
		expect(merged.duplicates).toBe(1);
		expect(merged.reviews.map((r) => [new Date(r.time).toISOString(), r.card, r.rating])).toEqual([
			["2026-03-01T08:00:00.000Z", A, 3],
			["2026-03-02T20:00:00.000Z", B, 3],
			["2026-03-03T08:00:00.000Z", A, 1],
			["2026-03-04T07:00:00.000Z", B, 4],
		]);
	});

	it("gives the same result whatever the order of the files", () => {
		const f1 = { name: "1.jsonl", text: lines(review("2026-03-01T08:00:00Z", A), review("2026-03-01T08:00:00Z", B)) };
		const f2 = { name: "2.jsonl", text: lines(review("2026-03-01T08:00:00Z", A, 2)) };
		expect(mergeLogs([f1, f2]).reviews).toEqual(mergeLogs([f2, f1]).reviews);
	});

	it("skips corrupt lines, reports file and line, and keeps the rest", () => {
		const good = formatLogLine(review("2026-03-01T08:00:00Z", A));
		const text = [
			good,
			'{"v":1,"t":"2026-03-01T09:00:00Z","card":',
			"",
			"garbage",
			good.replace('"r":3', '"r":9'),
			formatLogLine(review("2026-03-02T08:00:00Z", B)),
		].join("\r\n");
		const merged = mergeLogs([{ name: "logs/tablet.jsonl", text }]);
		expect(merged.reviews.map((r) => r.card)).toEqual([A, B]);
		expect(merged.problems).toEqual([
			{ file: "logs/tablet.jsonl", line: 2, reason: "not valid JSON" },
			{ file: "logs/tablet.jsonl", line: 4, reason: "not valid JSON" },
			{ file: "logs/tablet.jsonl", line: 5, reason: "rating 'r' is not 1–4" },
		]);
	});

	it("never throws, whatever the text", () => {
		for (const text of ["\u0000\u0001", 'null\n1\n"x"', "{}".repeat(1000), "\n\n\n"]) {
			expect(() => mergeLogs([{ name: "x", text }])).not.toThrow();
		}
	});

	it("drops an answer named by an undo record", () => {
		const t = "2026-03-01T08:00:00Z";
		const text = lines(
			review(t, A, 1),
			{ kind: "undo", time: Date.parse("2026-03-01T08:00:03Z"), card: A, reviewTime: Date.parse(t) },
			review("2026-03-01T08:00:04Z", A, 3),
		);
		const merged = mergeLogs([{ name: "d.jsonl", text }]);
		expect(merged.undone).toBe(1);
		expect(merged.reviews.map((r) => r.rating)).toEqual([3]);
	});
});

describe("renames", () => {
	const src = "What is a stage?::A FROM section";

	it("resolves ids derived with the old path to the new one, through chains", () => {
		const text = lines(
			review("2026-01-01T10:00:00Z", cardId("inbox/docker.md", src, 0)),
			{ kind: "rename", time: Date.parse("2026-01-05T10:00:00Z"), from: "inbox/docker.md", to: "space/docker.md" },
			review("2026-01-06T10:00:00Z", cardId("space/docker.md", src, 0)),
			{ kind: "rename", time: Date.parse("2026-01-07T10:00:00Z"), from: "space/docker.md", to: "space/containers/docker.md" },
			review("2026-01-08T10:00:00Z", cardId("space/containers/docker.md", src, 0)),
		);
		const merged = mergeLogs([{ name: "d.jsonl", text }]);
		const now = cardId("space/containers/docker.md", src, 0);
		expect(merged.reviews.map((r) => r.card)).toEqual([now, now, now]);
		expect(merged.renames).toHaveLength(2);
	});

	it("keeps a new note created later at the old path apart", () => {
		const before = review("2026-01-01T10:00:00Z", cardId("a.md", src, 0));
		const after = review("2026-01-09T10:00:00Z", cardId("a.md", src, 0));
		const result = followRenames([before, after], [{ kind: "rename", time: Date.parse("2026-01-05T00:00:00Z"), from: "a.md", to: "b.md" }]);
		expect(result.map((r) => r.card)).toEqual([cardId("b.md", src, 0), cardId("a.md", src, 0)]);
		// The input is not changed.
		expect(before.card).toBe(cardId("a.md", src, 0));
	});

	it("applies renames recorded on another device", () => {
		const phone = lines(review("2026-01-01T10:00:00Z", cardId("a.md", src, 1)));
		const laptop = lines({ kind: "rename", time: Date.parse("2026-01-02T00:00:00Z"), from: "a.md", to: "z/a.md" });
		const merged = mergeLogs([
			{ name: "phone.jsonl", text: phone },
			{ name: "laptop.jsonl", text: laptop },
		]);
		expect(merged.reviews[0].card).toBe(cardId("z/a.md", src, 1));
	});
});
