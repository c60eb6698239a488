import { describe, expect, it } from "vitest";
import type { Schedule } from "../../src/model/schedule";
import { Rating } from "../../src/model/schedule";
import { streaks } from "../../src/stats/activity";
import { toOptimizerCsv } from "../../src/stats/csv";
import { countByState, difficultyDistribution, intervalDistribution } from "../../src/stats/distribution";
import { forecastDue } from "../../src/stats/forecast";
import type { ReviewEntry, ReviewState } from "../../src/stats/log-format";
import { trueRetention } from "../../src/stats/retention";
import { elapsedDays, reviewEntry, reviewState } from "../../src/stats/review-entry";
import type { StatsCard } from "../../src/stats/stats-cards";
import { computeStats, knownDecks } from "../../src/stats/summary";
import { classic, classicSchedule, fsrsSchedule } from "../builders";
import { inTimeZone, local, TIME_ZONES } from "../helpers/tz";

const HOUR = 4;

/** A review at local time y-m-d h:00 in the current zone. */
function at(y: number, m: number, d: number, h: number, deck: string, rating: Rating, state: ReviewState = 2, card = "c"): ReviewEntry {
	return { kind: "review", time: local(y, m, d, h).getTime(), card, deck, rating, state, elapsedDays: 1, scheduledDays: 3, durationMs: 1000 };
}

const card = (schedule: Schedule | null, decks = ["space/docker"]): StatsCard => ({ id: "x", decks, schedule });

describe.each(TIME_ZONES)("figures in %s", (tz) => {
	// today = 2026-03-10 (the clock is 2026-03-10 12:00 local, days start at 04:00)
	const now = () => local(2026, 3, 10, 12);

	it("true retention per period, per deck and overall", () => {
		inTimeZone(tz, () => {
			const history = [
				at(2026, 3, 10, 9, "space/docker", Rating.Good), // day 0
				at(2026, 3, 10, 2, "space/docker", Rating.Again), // 02:00 → still 03-09
				at(2026, 3, 4, 9, "space/docker", Rating.Hard), // 6 days ago: inside 7
				at(2026, 3, 3, 9, "space/k8s", Rating.Again), // 7 days ago: outside 7, inside 30
				at(2026, 3, 3, 9, "space/k8s", Rating.Good, 0), // new card: never counted
				at(2026, 3, 8, 9, "space/k8s", Rating.Again, 3), // relearning: never counted
				at(2025, 3, 11, 9, "space/k8s", Rating.Easy), // 364 days ago: inside 365
				at(2025, 3, 10, 9, "space/k8s", Rating.Easy), // 365 days ago: outside
				at(2026, 3, 11, 9, "space/k8s", Rating.Again), // tomorrow (clock skew): ignored
			];
			const table = trueRetention(history, "2026-03-10", HOUR);
			// 7 days: docker Good, Again, Hard → 2/3. 30 days: + k8s Again → 2/4. 365: + k8s Easy → 3/5.
			expect(table.overall.map((f) => [f.days, f.passed, f.reviews])).toEqual([
				[7, 2, 3],
				[30, 2, 4],
				[365, 3, 5],
			]);
			expect(table.overall[0].retention).toBeCloseTo(2 / 3, 10);
			expect(table.decks.map((d) => [d.deck, d.figures.map((f) => `${f.passed}/${f.reviews}`)])).toEqual([
				["space", ["2/3", "2/4", "3/5"]],
				["space/docker", ["2/3", "2/3", "2/3"]],
				["space/k8s", ["0/0", "0/1", "1/2"]],
			]);
			expect(table.decks[2].figures[0].retention).toBeNull();
		});
	});

	it("forecast of due cards from classic days and FSRS moments", () => {
		inTimeZone(tz, () => {
			const cards = [
				card(classicSchedule({ due: "2026-03-08", interval: 5 })), // overdue → today
				card(classicSchedule({ due: "2026-03-10", interval: 5 })), // today
				card(classicSchedule({ due: "2026-03-12", interval: 5 })), // +2
				card(fsrsSchedule({ due: local(2026, 3, 11, 3).toISOString(), state: 2, interval: 9 })), // 03:00 on the 11th belongs to the 10th
				card(fsrsSchedule({ due: local(2026, 3, 11, 5).toISOString(), state: 1, interval: 0 })), // learning, +1
				card(fsrsSchedule({ due: local(2026, 4, 8, 10).toISOString(), state: 2, interval: 30 })), // +29: inside 30
				card(fsrsSchedule({ due: local(2026, 4, 9, 10).toISOString(), state: 2, interval: 30 })), // +30: outside 30, inside 90
				card(fsrsSchedule({ due: local(2026, 6, 8, 10).toISOString(), state: 2, interval: 90 })), // +90: outside both
				card(null), // new: never forecast
				card(fsrsSchedule({ due: local(2026, 3, 1, 10).toISOString(), state: 0, interval: 0 })), // FSRS new
			];
			const forecast = forecastDue(cards, "2026-03-10", 90, HOUR);
			expect(forecast.overdue).toBe(1);
			expect(forecast.days.slice(0, 3).map((d) => [d.day, d.count])).toEqual([
				["2026-03-10", 3],
				["2026-03-11", 1],
				["2026-03-12", 1],
			]);
			expect(forecast.days[29]).toEqual({ day: "2026-04-08", count: 1 });
			expect(forecast.days[30]).toEqual({ day: "2026-04-09", count: 1 });
			const report = computeStats({ reviews: [], cards, now: now(), dayStartHour: HOUR });
			expect(report.dueNext).toEqual({ days30: 6, days90: 7 });
		});
	});

	it("streaks: today not yet studied does not break the current one", () => {
		inTimeZone(tz, () => {
			const days = [
				[3, 1],
				[3, 2],
				[3, 3],
				[3, 4],
				[3, 7],
				[3, 8],
				[3, 9],
			];
			const history = days.map(([m, d]) => at(2026, m, d, 10, "s", Rating.Good));
			expect(streaks(history, "2026-03-10", HOUR)).toEqual({ current: 3, longest: 4 });
			expect(streaks([...history, at(2026, 3, 11, 1, "s", Rating.Good)], "2026-03-10", HOUR)).toEqual({ current: 4, longest: 4 });
			expect(streaks(history, "2026-03-11", HOUR)).toEqual({ current: 0, longest: 4 });
			expect(streaks([], "2026-03-11", HOUR)).toEqual({ current: 0, longest: 0 });
		});
	});

	it("activity: the past year by local day, and deck filters", () => {
		inTimeZone(tz, () => {
			const history = [
				at(2026, 3, 10, 9, "space/docker", Rating.Good),
				at(2026, 3, 10, 3, "space/docker", Rating.Good), // → 03-09
				at(2026, 3, 9, 9, "Space/K8s", Rating.Good),
				at(2025, 3, 10, 9, "space/docker", Rating.Good), // 365 days ago: outside the year
			];
			const report = computeStats({ reviews: history, cards: [], now: now(), dayStartHour: HOUR });
			expect(report.activity).toHaveLength(365);
			expect(report.activity[0].day).toBe("2025-03-11");
			expect(report.activity.slice(-2).map((d) => [d.day, d.count, d.durationMs])).toEqual([
				["2026-03-09", 2, 2000],
				["2026-03-10", 1, 1000],
			]);
			expect(report.totals).toEqual({ reviews: 3, daysStudied: 2, durationMs: 3000, allTime: 4 });
			const k8s = computeStats({ reviews: history, cards: [], now: now(), dayStartHour: HOUR, decks: ["#space/k8s"] });
			expect(k8s.totals.reviews).toBe(1);
			expect(knownDecks(history, [card(null, ["space/docker/x"])])).toEqual(["space", "space/docker", "space/docker/x", "Space/K8s"]);
		});
	});
});

describe("card counts and distributions", () => {
	const cards = [
		card(null),
		card(fsrsSchedule({ due: "2026-03-01T00:00:00Z", state: 0, interval: 0 })),
		card(fsrsSchedule({ due: "2026-03-01T00:00:00Z", state: 1, interval: 0, difficulty: 1 })),
		card(fsrsSchedule({ due: "2026-03-01T00:00:00Z", state: 3, interval: 0, difficulty: 10 })),
		card(classicSchedule({ due: "2026-03-01", interval: 0 })),
		card(classicSchedule({ due: "2026-03-01", interval: 1 })),
		card(classicSchedule({ due: "2026-03-01", interval: 20.9 })),
		card(fsrsSchedule({ due: "2026-03-01T00:00:00Z", state: 2, interval: 21, difficulty: 5.5 })),
		card(fsrsSchedule({ due: "2026-03-01T00:00:00Z", state: 2, interval: 800, difficulty: 7 })),
	];

	it("new / learning / young / mature with the 21-day line", () => {
		expect(countByState(cards)).toEqual({ new: 2, learning: 3, young: 2, mature: 2, total: 9 });
	});

	it("intervals of young and mature cards in day buckets", () => {
		const buckets = intervalDistribution(cards);
		const counts = Object.fromEntries(buckets.filter((b) => b.count > 0).map((b) => [b.label, b.count]));
		expect(counts).toEqual({ "1 d": 1, "14–20 d": 1, "21–29 d": 1, "730+ d": 1 });
	});

	it("FSRS difficulty as 0–100 % in tenths; classic cards have none", () => {
		const { buckets, without } = difficultyDistribution(cards);
		// D 1 → 0 %, D 10 → 100 % (last bucket), D 5.5 → 50 %, D 7 → 66.7 %
		expect(Object.fromEntries(buckets.filter((b) => b.count > 0).map((b) => [b.label, b.count]))).toEqual({
			"0–10 %": 1,
			"50–60 %": 1,
			"60–70 %": 1,
			"90–100 %": 1,
		});
		expect(without).toBe(3);
	});
});

describe("optimizer CSV", () => {
	it("has the optimizer's header and one row per answer in time order", () => {
		const rows = [
			{ ...at(2026, 3, 10, 9, "d", Rating.Hard, 2, "0123456789ab-0123456789ab"), time: 1773133200000, durationMs: 5300.4 },
			{ ...at(2026, 3, 10, 9, "d", Rating.Again, 0, "ffffffffffff-000000000000"), time: 1773100000000, durationMs: 0 },
		];
		expect(toOptimizerCsv(rows)).toEqual({
			text:
				"card_id,review_time,review_rating,review_state,review_duration\n" +
				"ffffffffffff-000000000000,1773100000000,1,0,0\n" +
				"0123456789ab-0123456789ab,1773133200000,2,2,5300\n",
			skipped: 0,
		});
	});

	it("leaves out and counts rows a synced or hand-edited log could hold: formulas, bad ratings, bad numbers", () => {
		const good = { ...at(2026, 3, 10, 9, "d", Rating.Good, 2, "0123456789ab-0123456789ab"), time: 1773133200000, durationMs: 100 };
		const bad = [
			{ ...good, card: '=HYPERLINK("http://x")' },
			{ ...good, card: "+cmd|' /C calc'!A0" },
			{ ...good, card: "@SUM(1)" },
			{ ...good, card: "0123456789AB-0123456789AB" },
			{ ...good, rating: 7 as Rating },
			{ ...good, state: 9 as 0 },
			{ ...good, durationMs: Number.NaN },
		];
		const csv = toOptimizerCsv([good, ...bad]);
		expect(csv.skipped).toBe(bad.length);
		expect(csv.text.split("\n").filter((l) => l !== "")).toEqual([
			"card_id,review_time,review_rating,review_state,review_duration",
			"0123456789ab-0123456789ab,1773133200000,3,2,100",
		]);
	});
});

describe("reviewEntry", () => {
	it("records state before, elapsed and scheduled days and the card id", () => {
		inTimeZone("UTC", () => {
			const before = classic("2026-03-08", { interval: 4 });
			const entry = reviewEntry({
				time: local(2026, 3, 10, 9),
				path: "n.md",
				card: { source: "Q::A", decks: ["space/docker", "other"] },
				sibling: 0,
				rating: Rating.Good,
				before,
				after: classicSchedule({ due: "2026-03-20", interval: 10 }),
				durationMs: 4200.6,
				dayStartHour: HOUR,
			});
			expect(entry).toMatchObject({ deck: "space/docker", rating: 3, state: 2, elapsedDays: 6, scheduledDays: 10, durationMs: 4201 });
			expect(entry.card).toMatch(/^[0-9a-f]{12}-[0-9a-f]{12}$/);
		});
	});

	it("reads states and elapsed days of FSRS and new siblings", () => {
		inTimeZone("UTC", () => {
			expect(reviewState(null)).toBe(0);
			expect(reviewState(classicSchedule({ due: "2026-03-08", interval: 0 }))).toBe(3);
			expect(reviewState(fsrsSchedule({ due: "2026-03-08T00:00:00Z", state: 1, interval: 0 }))).toBe(1);
			const s = fsrsSchedule({ due: "2026-03-08T00:00:00Z", state: 2, interval: 3, lastReview: "2026-03-05T05:00:00Z" });
			expect(elapsedDays(s, new Date("2026-03-10T03:00:00Z"), HOUR)).toBe(4); // 03:00 still belongs to the 9th
			expect(elapsedDays(null, new Date(), HOUR)).toBe(0);
		});
	});
});
