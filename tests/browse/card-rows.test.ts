import { describe, expect, it } from "vitest";
import { buildCardRows, dueDayOf, rowMapping, ROW_DUE, ROW_LATER, ROW_LEARNING, ROW_NEW, type CardRows } from "../../src/browse/card-rows";
import { parseCardSearch } from "../../src/browse/card-search";
import { applyLogTallies } from "../../src/browse/row-log";
import { sortedRows } from "../../src/browse/row-sort";
import { compileSearch, filterRows } from "../../src/browse/search-eval";
import { CardIndex } from "../../src/index/card-index";
import { card, classic, fsrs, learning, NEW, noteForIndex } from "../builders";

const NOW = new Date(2026, 2, 10, 12, 0);

/** Six siblings: a.md (docker: SM-2 due, new, FSRS later with 9 lapses), b.md (k8s: learning, SM-2 later reversed). */
function sample(): { index: CardIndex; rows: CardRows } {
	const index = new CardIndex({ flashcardTags: ["#space"], dayStartHour: 4 });
	index.setFile(
		"a.md",
		noteForIndex({
			tags: ["#space/docker", "#todo"],
			cards: [
				card({ decks: ["space/docker"], segments: [classic("2026-03-08", { interval: 40, ease: 230 })], startLine: 0 }),
				card({ decks: ["space/docker"], segments: [NEW], startLine: 2 }),
				card({
					decks: ["space/docker/build"],
					segments: [fsrs(new Date(2026, 2, 20, 9), { interval: 12, difficulty: 7.5, lapses: 9, reps: 20 })],
					startLine: 4,
				}),
			],
		}),
	);
	index.setFile(
		"b.md",
		noteForIndex({
			tags: ["#space/k8s"],
			cards: [
				card({ decks: ["space/k8s"], segments: [learning(new Date(2026, 2, 10, 11))], startLine: 0 }),
				card({ decks: ["space/k8s"], segments: [classic("2026-03-13", { interval: 5 }), classic("2026-04-30", { interval: 60 })], startLine: 3 }),
			],
		}),
	);
	const rows = buildCardRows(index, NOW);
	rows.fillAllSchedules();
	rows.setNoteTexts(0, [
		[{ question: "What is a layer?", answer: "A filesystem diff", id: "a0", marks: { suspended: true, flag: 0 } }],
		[{ question: "What does COPY --from do?", answer: "Copies from a stage", id: "a1" }],
		[{ question: "Multi stage builds", answer: "Smaller images", id: "a2", marks: { suspended: false, flag: 3 } }],
	]);
	rows.setNoteTexts(1, [
		[{ question: "What is a pod?", answer: "Containers together", id: "b0" }],
		[
			{ question: "Service", answer: "Stable address", id: "b1" },
			{ question: "Stable address", answer: "Service", id: "b2" },
		],
	]);
	return { index, rows };
}

function search(expression: string, options: { buried?: string[] } = {}): string[] {
	const { index, rows } = sample();
	applyLogTallies(
		rows,
		new Map([
			["a0", { reviews: 6, lapses: 4, last: new Date(2026, 2, 9, 10).getTime() }],
			["b1", { reviews: 2, lapses: 0, last: new Date(2026, 1, 1).getTime() }],
		]),
	);
	const parsed = parseCardSearch(expression);
	if (!parsed.ok) throw new Error(parsed.error);
	const test = compileSearch(parsed.search, {
		rows,
		decks: index.decks,
		isBuried: (id) => (options.buried ?? []).includes(id),
		leechLapses: 8,
		dayStartHour: 4,
	});
	const all = new Int32Array(rows.length).map((_, i) => i);
	return [...filterRows(all, test)].map((row) => rows.id[row]);
}

describe("buildCardRows", () => {
	it("fills the columns read from comments per file: on demand, or for a sort or search that reads them", () => {
		const { index } = sample();
		const rows = buildCardRows(index, NOW);
		expect(rows.status[2]).toBe(ROW_LATER);
		expect(rows.due[2]).toBe(10);
		expect(Number.isNaN(rows.interval[2])).toBe(true);
		expect(rows.lineOf(2)).toBe(4);
		expect([rows.interval[2], rows.lapses[2]]).toEqual([12, 9]);
		expect(rows.allSchedulesRead).toBe(false);
		sortedRows(rows, "interval", false);
		expect(rows.allSchedulesRead).toBe(true);
		const other = buildCardRows(index, NOW);
		const parsed = parseCardSearch("prop:ivl>30");
		if (!parsed.ok) throw new Error(parsed.error);
		compileSearch(parsed.search, { rows: other, decks: index.decks, isBuried: () => false, leechLapses: 8, dayStartHour: 4 });
		expect(other.interval[5]).toBe(60);
	});

	it("has one row per sibling with the index's facts", () => {
		const { rows } = sample();
		expect(rows.length).toBe(6);
		expect([...rows.status]).toEqual([ROW_DUE, ROW_NEW, ROW_LATER, ROW_LEARNING, ROW_LATER, ROW_LATER]);
		expect(rows.overdue[0]).toBe(1);
		expect([...rows.due]).toEqual([-2, NaN, 10, 0, 3, 51]);
		expect(dueDayOf(rows, 0)).toBe("2026-03-08");
		expect(dueDayOf(rows, 1)).toBe("");
		expect(rows.interval[0]).toBe(40);
		expect(rows.ease[0]).toBeCloseTo(2.3);
		expect(rows.difficulty[2]).toBe(7.5);
		expect(Number.isNaN(rows.ease[2])).toBe(true);
		expect(rows.lapses[2]).toBe(9);
		expect(rows.reviews[2]).toBe(20);
		expect(rows.deckOf(2)).toBe("space/docker/build");
		expect(rows.pathOf(4)).toBe("b.md");
		expect([rows.card[5], rows.sibling[5], rows.line[5]]).toEqual([1, 1, 3]);
	});

	it("takes text, ids and marks from a parse, and refuses one that does not match the index", () => {
		const { rows } = sample();
		expect(rows.question[2]).toBe("Multi stage builds");
		expect(rows.text[2]).toBe("multi stage builds\nsmaller images");
		expect([rows.suspended[0], rows.flag[2]]).toEqual([1, 3]);
		expect(rows.setNoteTexts(1, [[{ question: "only one", answer: "", id: "x" }]])).toBe(false);
		expect(rows.id[3]).toBe("b0");
		expect(rows.allTextRead).toBe(true);
	});

	it("counts SM-2 lapses and reviews from the log, keeps FSRS's own lapses", () => {
		const { rows } = sample();
		applyLogTallies(
			rows,
			new Map([
				["a0", { reviews: 6, lapses: 4, last: 1 }],
				["a2", { reviews: 3, lapses: 1, last: 2 }],
			]),
		);
		expect([rows.reviews[0], rows.lapses[0], rows.lastAnswer[0]]).toEqual([6, 4, 1]);
		expect([rows.reviews[2], rows.lapses[2]]).toEqual([20, 9]);
	});
});

describe("rowMapping", () => {
	it("finds each row again in a table built after a note changed, or -1 when its card is gone", () => {
		const { index, rows } = sample();
		index.setFile("a.md", noteForIndex({ tags: ["#space/docker"], cards: [card({ decks: ["space/docker"], segments: [NEW], startLine: 0 })] }));
		index.setFile("0.md", noteForIndex({ tags: ["#space/x"], cards: [card({ decks: ["space/x"], segments: [NEW], startLine: 0 })] }));
		const next = buildCardRows(index, NOW);
		const map = rowMapping(rows, next);
		expect([0, 1, 2, 3, 4, 5].map(map)).toEqual([1, -1, -1, 2, 3, 4]);
	});
});

describe("compileSearch", () => {
	it("status words and is: words", () => {
		expect(search("due")).toEqual(["a0"]);
		expect(search("is:new")).toEqual(["a1"]);
		expect(search("is:learning")).toEqual(["b0"]);
		expect(search("is:overdue")).toEqual(["a0"]);
		expect(search("is:suspended")).toEqual(["a0"]);
		expect(search("is:flagged")).toEqual(["a2"]);
		expect(search("is:leech")).toEqual(["a2"]);
		expect(search("is:buried", { buried: ["b2"] })).toEqual(["b2"]);
		expect(search("-is:suspended -is:new")).toEqual(["a2", "b0", "b1", "b2"]);
	});

	it("tags match a card's decks and the note's other tags, with sub-decks", () => {
		expect(search("#space/docker")).toEqual(["a0", "a1", "a2"]);
		expect(search("#space/docker/build")).toEqual(["a2"]);
		expect(search("#todo")).toEqual(["a0", "a1", "a2"]);
		expect(search("#space -#space/docker")).toEqual(["b0", "b1", "b2"]);
	});

	it("flag:, prop:, due: and rated:", () => {
		expect(search("flag:3")).toEqual(["a2"]);
		expect(search("flag:0")).toEqual(["a0", "a1", "b0", "b1", "b2"]);
		expect(search("prop:ivl>30")).toEqual(["a0", "b2"]);
		expect(search("prop:lapses>=4")).toEqual(["a0", "a2"]);
		expect(search("prop:ease<2.5")).toEqual(["a0"]);
		expect(search("prop:difficulty>7")).toEqual(["a2"]);
		expect(search("prop:due=3")).toEqual(["b1"]);
		expect(search("due:<7")).toEqual(["a0", "b0", "b1"]);
		expect(search("due:0")).toEqual(["a0", "b0"]);
		expect(search("prop:reviews>5")).toEqual(["a0", "a2"]);
		expect(search("rated:1")).toEqual([]);
		expect(search("rated:2")).toEqual(["a0"]);
		expect(search("rated:60")).toEqual(["a0", "b1"]);
	});

	it("free text in question or answer, any case, with alternatives", () => {
		expect(search("STABLE")).toEqual(["b1", "b2"]);
		expect(search('"what is a"')).toEqual(["a0", "b0"]);
		expect(search("what -pod")).toEqual(["a0", "a1"]);
		expect(search("pod, #space/docker/build")).toEqual(["a2", "b0"]);
	});
});

describe("sortedRows", () => {
	it("sorts by a number column with missing values last, either direction", () => {
		const { rows } = sample();
		expect([...sortedRows(rows, "due", false)].map((r) => rows.id[r])).toEqual(["a0", "b0", "b1", "a2", "b2", "a1"]);
		expect([...sortedRows(rows, "due", true)].map((r) => rows.id[r])).toEqual(["b2", "a2", "b1", "b0", "a0", "a1"]);
	});

	it("sorts by text, deck, state and note", () => {
		const { rows } = sample();
		expect([...sortedRows(rows, "question", false)].map((r) => rows.id[r])).toEqual(["a2", "b1", "b2", "a1", "a0", "b0"]);
		expect([...sortedRows(rows, "deck", true)].map((r) => rows.id[r])).toEqual(["b0", "b1", "b2", "a2", "a0", "a1"]);
		expect([...sortedRows(rows, "state", false)].map((r) => rows.id[r])).toEqual(["a0", "b0", "a1", "a2", "b1", "b2"]);
		expect([...sortedRows(rows, "note", true)].map((r) => rows.id[r])).toEqual(["b0", "b1", "b2", "a0", "a1", "a2"]);
		expect([...sortedRows(rows, "ease", false)].map((r) => rows.id[r])).toEqual(["a0", "b1", "b2", "b0", "a2", "a1"]);
	});
});
