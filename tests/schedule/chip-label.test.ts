import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readSchedulingComment } from "../../src/cards/comment";
import type { SegmentState } from "../../src/model/card";
import { cardChipLabel, chipLabel } from "../../src/schedule/chip-label";
import { addDays, localDay } from "../../src/model/days";
import { isDueNow, overdueDays, siblingStatus } from "../../src/schedule/status";
import { classic, fsrs } from "../builders";
import { inTimeZone, local, TIME_ZONES } from "../helpers/tz";

/** Segments as the parser reads them from a real comment. */
function segments(comment: string): SegmentState[] {
	const read = readSchedulingComment(comment);
	if (read === null) throw new Error(`not a comment: ${comment}`);
	return read;
}

describe("chipLabel", () => {
	const now = local(2025, 6, 10, 12);

	it.each<[string, SegmentState]>([
		["absent", { kind: "absent" }],
		["the 2000-01-01 placeholder", segments("<!--SR:!2000-01-01,1,250-->")[0]],
		["FSRS state 0", fsrs(local(2030, 1, 1), { state: 0 })],
	])("%s is new", (_name, segment) => {
		expect(chipLabel(segment, now, 4)).toMatchObject({ text: "new", state: "new" });
	});

	it("classic reviews: due today, in N days, overdue N days", () => {
		expect(chipLabel(classic("2025-06-10"), now, 4)).toMatchObject({ text: "due today", state: "due" });
		expect(chipLabel(classic("2025-06-22"), now, 4)).toMatchObject({ text: "in 12 d", state: "later" });
		expect(chipLabel(classic("2025-06-07"), now, 4)).toMatchObject({ text: "overdue 3 d", state: "overdue" });
		expect(chipLabel(classic("2025-09-08"), now, 4)).toMatchObject({ text: "in 3 mo", state: "later" });
	});

	it("the hover title holds the due day, interval and ease", () => {
		const label = chipLabel(segments("<!--SR:!2025-06-22,12,270-->")[0], now, 4);
		expect(label.title).toBe("Due 2025-06-22. Interval 12 d, ease 270.");
	});

	it("FSRS reviews by local day, with stability and difficulty on hover", () => {
		const label = chipLabel(fsrs(local(2025, 6, 13, 9), { state: 2, interval: 12, stability: 11.34, difficulty: 5.06, reps: 4, lapses: 1 }), now, 4);
		expect(label).toMatchObject({ text: "in 3 d", state: "later" });
		expect(label.title).toBe("Due 2025-06-13. Interval 12 d, stability 11.3 d, difficulty 5.1, 4 reviews, 1 lapse.");
		expect(chipLabel(fsrs(local(2025, 6, 8, 9), { state: 2 }), now, 4)).toMatchObject({ text: "overdue 2 d", state: "overdue" });
	});

	it("the day starts at the configured hour: 02:00 still belongs to yesterday", () => {
		const early = local(2025, 6, 11, 2);
		expect(chipLabel(classic("2025-06-10"), early, 4).text).toBe("due today");
		expect(chipLabel(classic("2025-06-10"), early, 0).text).toBe("overdue 1 d");
	});

	it("FSRS learning steps by the exact moment", () => {
		const later = new Date(now.getTime() + 8 * 60_000);
		expect(chipLabel(fsrs(later, { state: 1, interval: 0 }), now, 4)).toMatchObject({ text: "in 8 min", state: "learning" });
		expect(chipLabel(fsrs(new Date(now.getTime() - 60_000), { state: 3, interval: 0 }), now, 4)).toMatchObject({ text: "due now", state: "learning" });
		expect(chipLabel(fsrs("garbage", { state: 1, interval: 0 }), now, 4).text).toBe("due now");
	});

	it("an unreadable segment says so and gives the reason", () => {
		const label = chipLabel({ kind: "unreadable", raw: "!2025-13-45,3,250", reason: "bad date" }, now, 4);
		expect(label.state).toBe("unreadable");
		expect(label.title).toContain("!2025-13-45,3,250");
		expect(label.title).toContain("bad date");
	});

	it("an unreadable stored due date counts as due today, as the scheduler does", () => {
		expect(chipLabel(fsrs("not a date", { state: 2 }), now, 4)).toMatchObject({ text: "due today", state: "due" });
	});

	it("agrees with siblingStatus and overdueDays for any classic due day, in several time zones", () => {
		for (const tz of TIME_ZONES) {
			inTimeZone(tz, () => {
				fc.assert(
					fc.property(
						fc.integer({ min: -400, max: 400 }),
						fc.integer({ min: 0, max: 23 }),
						fc.integer({ min: 0, max: 23 }),
						(offset, hour, startHour) => {
							const moment = local(2025, 3, 30, hour);
							const segment = classic(addDays(localDay(moment, startHour), offset));
							const label = chipLabel(segment, moment, startHour);
							const status = siblingStatus(segment, moment, startHour);
							expect(label.state === "later").toBe(status === "later");
							expect(label.state === "due" || label.state === "overdue").toBe(status === "due" && isDueNow(segment, moment, startHour));
							if (label.state === "overdue") expect(label.text).toBe(`overdue ${overdueDays(segment, moment, startHour)} d`);
							if (offset > 0 && offset < 30) expect(label.text).toBe(`in ${offset} d`);
						},
					),
					{ numRuns: 150 },
				);
			});
		}
	});
});

describe("cardChipLabel", () => {
	const now = local(2025, 6, 10, 12);

	it("shows the most urgent sibling and lists every side on hover", () => {
		const label = cardChipLabel(segments("<!--SR:!2025-06-22,12,270!2025-06-08,3,250-->"), now, 4);
		expect(label).toMatchObject({ text: "overdue 2 d", state: "overdue" });
		expect(label.title.split("\n")).toEqual([
			"Side 1: in 12 d. Due 2025-06-22. Interval 12 d, ease 270.",
			"Side 2: overdue 2 d. Due 2025-06-08. Interval 3 d, ease 250.",
		]);
	});

	it("orders: unreadable, overdue (most days first), due, new, waiting (soonest first)", () => {
		const pick = (...s: SegmentState[]): string => cardChipLabel(s, now, 4).text;
		expect(pick(classic("2025-06-08"), { kind: "unreadable", raw: "x", reason: "bad" })).toBe("unreadable");
		expect(pick(classic("2025-06-08"), classic("2025-06-01"))).toBe("overdue 9 d");
		expect(pick({ kind: "absent" }, classic("2025-06-10"))).toBe("due today");
		expect(pick(classic("2025-06-30"), { kind: "absent" })).toBe("new");
		expect(pick(classic("2025-06-30"), classic("2025-06-12"))).toBe("in 2 d");
	});

	it("a single sibling keeps its own title; none is new", () => {
		expect(cardChipLabel([classic("2025-06-22")], now, 4)).toEqual(chipLabel(classic("2025-06-22"), now, 4));
		expect(cardChipLabel([], now, 4).text).toBe("new");
	});
});
