// @vitest-environment jsdom
import { WorkspaceLeaf } from "obsidian";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { Rating } from "../../src/model/schedule";
import type { ReviewEntry } from "../../src/stats/log-format";
import { mergeLogs, type MergedLog } from "../../src/stats/merge";
import type { StatsCard } from "../../src/stats/stats-cards";
import { heatLevel, weekdayOf } from "../../src/ui/charts/heatmap";
import { STATS_VIEW_TYPE, StatsView, type StatsDataProvider } from "../../src/ui/stats-view";
import { csvPathOf } from "../../src/ui/export-csv-modal";
import { installObsidianDom } from "../mocks/obsidian-dom";
import { local } from "../helpers/tz";

beforeAll(() => installObsidianDom());

// Local times, so the figures are the same in every time zone.
const NOW = local(2026, 3, 10, 12);
const review = (day: number, hour: number, deck: string, rating: Rating, state: 0 | 2 = 2): ReviewEntry => ({
	kind: "review",
	time: local(2026, 3, day, hour).getTime(),
	card: "0123456789ab-0123456789ab",
	deck,
	rating,
	state,
	elapsedDays: 1,
	scheduledDays: 2,
	durationMs: 1000,
});

function makeView(log: Partial<MergedLog> = {}, cards: StatsCard[] = [], exported: string[] = [], provided: Partial<StatsDataProvider> = {}) {
	const merged: MergedLog = { ...mergeLogs([]), ...log };
	const provider: StatsDataProvider = {
		loadLog: () => Promise.resolve(merged),
		currentCards: () => cards,
		dayStartHour: () => 0,
		now: () => NOW,
		exportCsv: (csv, path) => {
			exported.push(csv, path);
			return Promise.resolve(`Saved ${path}`);
		},
		...provided,
	};
	return new StatsView(new WorkspaceLeaf(), provider);
}

const HISTORY = [
	review(10, 9, "space/docker", Rating.Good),
	review(10, 10, "space/docker", Rating.Again),
	review(9, 9, "space/k8s", Rating.Good),
	review(9, 10, "space/k8s", Rating.Easy, 0),
];
const CARDS: StatsCard[] = [
	{ id: "a", decks: ["space/docker"], schedule: { type: "classic", due: "2026-03-10", interval: 30, ease: 250 } },
	{ id: "b", decks: ["space/k8s"], schedule: { type: "classic", due: "2026-03-12", interval: 3, ease: 250 } },
	{ id: "c", decks: ["space/k8s"], schedule: null },
];

describe("StatsView", () => {
	it("is the statistics view type with a sentence-case title", () => {
		const view = makeView();
		expect(view.getViewType()).toBe(STATS_VIEW_TYPE);
		expect(view.getDisplayText()).toBe("Review statistics");
	});

	it("draws the heat map, forecast, retention table, counts and distributions as SVG", async () => {
		const view = makeView({ reviews: HISTORY }, CARDS);
		await view.onOpen();
		const root = view.contentEl;
		expect(root.querySelector("script")).toBeNull();
		const cells = root.querySelectorAll(".sn-stats-heatmap rect.sn-stats-heat");
		expect(cells).toHaveLength(365);
		const last = cells[cells.length - 1];
		expect(last.getAttribute("data-day")).toBe("2026-03-10");
		expect(last.getAttribute("data-count")).toBe("2");
		expect(last.classList.contains("sn-stats-heat-4")).toBe(true);
		expect(last.querySelector("title")?.textContent).toBe("2026-03-10: 2 reviews");
		expect(cells[cells.length - 2].classList.contains("sn-stats-heat-4")).toBe(true);
		expect(cells[0].classList.contains("sn-stats-heat-0")).toBe(true);
		// Heat map cells are SVG elements in the SVG namespace.
		expect(last.namespaceURI).toBe("http://www.w3.org/2000/svg");

		const tiles = [...root.querySelectorAll(".sn-stats-tile")].map((t) => t.textContent);
		expect(tiles).toEqual(["1Due today", "2 daysCurrent streak", "2 daysLongest streak", "4Reviews this year", "2 of 365Days studied"]);

		const forecastBars = [...root.querySelectorAll("svg[aria-label='Cards due in the next 30 days'] rect.sn-stats-bar")];
		expect(forecastBars).toHaveLength(30);
		expect(forecastBars.slice(0, 3).map((b) => b.getAttribute("data-value"))).toEqual(["1", "0", "1"]);

		const rows = [...root.querySelectorAll(".sn-stats-retention tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));
		expect(rows).toEqual([
			["All", "66.7 %", "66.7 %", "66.7 %"],
			["space", "66.7 %", "66.7 %", "66.7 %"],
			["space/docker", "50.0 %", "50.0 %", "50.0 %"],
			["space/k8s", "100.0 %", "100.0 %", "100.0 %"],
		]);
		expect(root.querySelector(".sn-stats-legend")?.textContent).toContain("Mature: 1");
		expect([...root.querySelectorAll("h4")].map((h) => h.textContent)).toEqual([
			"Reviews per day",
			"Forecast",
			"True retention",
			"Cards",
			"Intervals",
			"Difficulty",
			"Calibration",
		]);
	});

	it("draws predicted beside actual recall by interval for the chosen deck", async () => {
		const withMemory = (day: number, deck: string, rating: Rating, rt: number, elapsedDays: number): ReviewEntry => ({
			...review(day, 9, deck, rating),
			elapsedDays,
			memory: { stability: 5, difficulty: 5, retrievability: rt },
		});
		const reviews = [
			withMemory(8, "space/docker", Rating.Good, 0.9, 3),
			withMemory(9, "space/docker", Rating.Again, 0.8, 2),
			withMemory(9, "space/k8s", Rating.Good, 0.7, 20),
		];
		const view = makeView({ reviews });
		await view.onOpen();
		const bars = () => [...view.contentEl.querySelectorAll("svg.sn-calibration-chart rect")].map((r) => r.querySelector("title")?.textContent);
		expect(bars()).toEqual([
			"2–3 d: predicted 85% (2 reviews)",
			"2–3 d: actual 50% (2 reviews)",
			"16–30 d: predicted 70% (1 reviews)",
			"16–30 d: actual 100% (1 reviews)",
		]);
		const select = view.contentEl.querySelector<HTMLSelectElement>("select.sn-stats-deck")!;
		select.value = "space/k8s";
		select.dispatchEvent(new Event("change"));
		expect(bars()).toEqual(["16–30 d: predicted 70% (1 reviews)", "16–30 d: actual 100% (1 reviews)"]);
	});

	it("narrows every figure to the deck chosen at the top, and switches the forecast to 90 days", async () => {
		const view = makeView({ reviews: HISTORY }, CARDS);
		await view.onOpen();
		const select = view.contentEl.querySelector<HTMLSelectElement>("select.sn-stats-deck");
		expect([...(select?.options ?? [])].map((o) => o.value)).toEqual(["", "space", "space/docker", "space/k8s"]);
		select!.value = "space/k8s";
		select!.dispatchEvent(new Event("change"));
		const rows = [...view.contentEl.querySelectorAll(".sn-stats-retention tbody tr td:first-child")].map((td) => td.textContent);
		expect(rows).toEqual(["All", "space", "space/k8s"]);
		expect(view.contentEl.querySelector(".sn-stats-legend")?.textContent).toContain("Total: 2");
		expect(view.contentEl.querySelector<HTMLSelectElement>("select.sn-stats-deck")?.value).toBe("space/k8s");
		const ninety = [...view.contentEl.querySelectorAll(".sn-stats-switch button")].find((b) => b.textContent === "90 days") as HTMLButtonElement;
		ninety.click();
		expect(view.contentEl.querySelectorAll("svg[aria-label='Cards due in the next 90 days'] rect.sn-stats-bar")).toHaveLength(90);
	});

	it("reports skipped log lines and exports the optimizer CSV", async () => {
		const exported: string[] = [];
		const view = makeView({ reviews: HISTORY, problems: [{ file: "logs/phone.jsonl", line: 7, reason: "not valid JSON" }] }, CARDS, exported);
		await view.onOpen();
		expect(view.contentEl.querySelector(".sn-stats-warning")?.textContent).toBe("1 unreadable log line was skipped (first: logs/phone.jsonl, line 7).");
		view.contentEl.querySelector<HTMLButtonElement>(".sn-stats-export")!.click();
		// It asks where, proposing a file in a folder of its own rather than the vault's root.
		const input = document.body.querySelector<HTMLInputElement>(".sn-export-csv-path");
		expect(input?.value).toBe("Spaced Notes/review-log.csv");
		const exportButton = () => [...document.body.querySelectorAll<HTMLButtonElement>(".sn-export-csv button")].find((b) => b.textContent === "Export");
		input!.value = "notes.txt";
		input!.dispatchEvent(new Event("input"));
		exportButton()!.click();
		expect(document.body.querySelector(".sn-export-csv-error")?.textContent).toBe("The file name must end in .csv.");
		expect(exported).toHaveLength(0);
		input!.value = "Exports//optimizer.csv";
		input!.dispatchEvent(new Event("input"));
		exportButton()!.click();
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(exported).toHaveLength(2);
		expect(exported[0].split("\n")[0]).toBe("card_id,review_time,review_rating,review_state,review_duration");
		expect(exported[0].trim().split("\n")).toHaveLength(5);
		expect(exported[1]).toBe("Exports/optimizer.csv");
		expect(view.contentEl.textContent).toContain("Saved Exports/optimizer.csv");
		expect(document.body.querySelector(".sn-export-csv")).toBeNull();
	});

	it("says so when there is nothing yet, instead of empty charts", async () => {
		const view = makeView();
		await view.onOpen();
		expect(view.contentEl.querySelector(".sn-stats-empty")?.textContent).toMatch(/^No reviews and no cards yet\./);
		expect(view.contentEl.querySelector("svg")).toBeNull();
	});

	it("says 'Loading statistics…' while the log is read, and what failed when it cannot be", async () => {
		let release: (log: MergedLog) => void = () => {};
		const view = makeView({}, CARDS, [], { loadLog: () => new Promise((resolve) => (release = resolve)) });
		const opened = view.onOpen();
		expect(view.contentEl.querySelector(".sn-stats-loading")?.textContent).toBe("Loading statistics…");
		release({ ...mergeLogs([]), reviews: HISTORY });
		await opened;
		expect(view.contentEl.querySelector(".sn-stats-loading")).toBeNull();
		expect(view.contentEl.querySelectorAll(".sn-stats-tile")).toHaveLength(5);
		const failing = makeView({}, CARDS, [], { loadLog: () => Promise.reject(new Error("disk gone")) });
		await failing.onOpen();
		expect(failing.contentEl.querySelector(".sn-stats-warning")?.textContent).toBe("The statistics could not be read: disk gone");
	});

	it("reads again after a review was saved, once the answers pause", async () => {
		vi.useFakeTimers();
		try {
			let reviews: ReviewEntry[] = [];
			let changed: () => void = () => {};
			const view = makeView({}, CARDS, [], {
				loadLog: () => Promise.resolve({ ...mergeLogs([]), reviews }),
				onChange: (listener) => {
					changed = listener;
					return () => (changed = () => {});
				},
			});
			await view.onOpen();
			const reviewsThisYear = () => view.contentEl.querySelectorAll(".sn-stats-tile-value")[3]?.textContent;
			expect(reviewsThisYear()).toBe("0");
			reviews = HISTORY;
			changed();
			changed();
			await vi.advanceTimersByTimeAsync(2500);
			expect(reviewsThisYear()).toBe("4");
		} finally {
			vi.useRealTimers();
		}
	});

	it("an all-SM-2 collection gets a sentence, not an empty difficulty chart; the charts fill the view's width", async () => {
		const view = makeView({ reviews: HISTORY }, CARDS);
		Object.defineProperty(view.contentEl, "clientWidth", { configurable: true, value: 1200 });
		await view.onOpen();
		expect(view.contentEl.querySelector("svg[aria-label='Difficulty distribution']")).toBeNull();
		expect(view.contentEl.querySelector(".sn-stats-no-difficulty")?.textContent).toMatch(/^No card has a difficulty yet/);
		// Drawn for the view's width (not a 400-unit chart stretched up to 640 px), so labels keep their size.
		expect(view.contentEl.querySelector("svg[aria-label='Interval distribution']")?.getAttribute("viewBox")).toBe("0 0 1168 150");
	});

	it("never cuts the forecast's first label ('oday'): it starts at the chart's left edge", async () => {
		const view = makeView({ reviews: HISTORY }, CARDS);
		await view.onOpen();
		const first = view.contentEl.querySelector("svg[aria-label='Cards due in the next 30 days'] text.sn-stats-label");
		expect(first?.textContent).toBe("Today");
		expect(first?.getAttribute("text-anchor")).toBe("start");
		expect(Number(first?.getAttribute("x"))).toBeGreaterThanOrEqual(0);
	});

	it("keeps no listener of a redrawn element: switching the forecast many times draws once per click", async () => {
		const view = makeView({ reviews: HISTORY }, CARDS);
		await view.onOpen();
		const cleanups = () => (view as unknown as { cleanups: unknown[] }).cleanups.length;
		const before = cleanups();
		for (let i = 0; i < 5; i++) {
			const button = [...view.contentEl.querySelectorAll<HTMLButtonElement>(".sn-stats-switch button")].find(
				(b) => b.textContent === (i % 2 ? "30 days" : "90 days"),
			);
			button!.click();
		}
		expect(view.contentEl.querySelectorAll("svg[aria-label='Cards due in the next 90 days']")).toHaveLength(1);
		expect(cleanups()).toBe(before);
	});
});

describe("heat map helpers", () => {
	it("shades by share of the busiest day and finds weekdays", () => {
		expect([0, 1, 25, 26, 50, 75, 76, 100].map((n) => heatLevel(n, 100))).toEqual([0, 1, 1, 2, 2, 3, 4, 4]);
		expect(weekdayOf("2026-03-09")).toBe(0); // a Monday
		expect(weekdayOf("2026-03-15")).toBe(6);
	});
});

describe("the CSV export's path", () => {
	it("is normalized, must name a .csv file and stay inside the vault", () => {
		expect(csvPathOf(" /Exports//log.csv ")).toEqual({ ok: true, path: "Exports/log.csv" });
		expect(csvPathOf("")).toMatchObject({ ok: false });
		expect(csvPathOf("notes/log.txt")).toEqual({ ok: false, message: "The file name must end in .csv." });
		expect(csvPathOf("../outside.csv")).toEqual({ ok: false, message: "The path must stay inside the vault." });
	});
});
