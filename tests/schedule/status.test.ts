import { describe, expect, it } from "vitest";
import type { SegmentState } from "../../src/model/card";
import { dueDay, isDueNow, overdueDays, siblingStatus } from "../../src/schedule/status";
import { classic, fsrs } from "../builders";
import { inTimeZone, local, TIME_ZONES } from "../helpers/tz";

describe("siblingStatus: new siblings", () => {
	const now = new Date("2026-03-10T12:00:00Z");
	it.each<[string, SegmentState]>([
		["absent", { kind: "absent" }],
		["placeholder", { kind: "ok", schedule: null }],
		["unreadable", { kind: "unreadable", raw: "!x", reason: "bad" }],
		["fsrs state 0", fsrs("2030-01-01T00:00:00Z", { state: 0 })],
	])("%s is new and available now", (_name, segment) => {
		expect(siblingStatus(segment, now, 4)).toBe("new");
		expect(isDueNow(segment, now, 4)).toBe(true);
		expect(overdueDays(segment, now, 4)).toBe(0);
	});
});

for (const tz of TIME_ZONES) {
	describe(`siblingStatus in ${tz}`, () => {
		it("classic due day switches at the 4 a.m. boundary, not at midnight", () => {
			inTimeZone(tz, () => {
				const seg = classic("2026-03-10");
				expect(siblingStatus(seg, local(2026, 3, 9, 23, 30), 4)).toBe("later");
				expect(siblingStatus(seg, local(2026, 3, 10, 0, 30), 4)).toBe("later");
				expect(siblingStatus(seg, local(2026, 3, 10, 3, 59), 4)).toBe("later");
				expect(siblingStatus(seg, local(2026, 3, 10, 4, 0), 4)).toBe("due");
				expect(isDueNow(seg, local(2026, 3, 10, 4, 0), 4)).toBe(true);
				// With days starting at midnight, 00:30 is already the due day.
				expect(siblingStatus(seg, local(2026, 3, 10, 0, 30), 0)).toBe("due");
				expect(siblingStatus(seg, local(2026, 3, 9, 23, 30), 0)).toBe("later");
			});
		});

		it("counts overdue local days", () => {
			inTimeZone(tz, () => {
				const seg = classic("2026-03-10");
				expect(overdueDays(seg, local(2026, 3, 13, 0, 30), 4)).toBe(2);
				expect(overdueDays(seg, local(2026, 3, 13, 4, 30), 4)).toBe(3);
				expect(overdueDays(seg, local(2026, 3, 1, 12), 4)).toBe(0);
			});
		});

		it("an FSRS review is due from the start of the local day its due moment falls on", () => {
			inTimeZone(tz, () => {
				// Due at 15:00 local on 10 March: due for the whole of that local day.
				const seg = fsrs(local(2026, 3, 10, 15).toISOString(), { state: 2 });
				expect(dueDay(seg.kind === "ok" && seg.schedule ? seg.schedule : fail(), 4)).toBe("2026-03-10");
				expect(siblingStatus(seg, local(2026, 3, 10, 3, 0), 4)).toBe("later");
				expect(siblingStatus(seg, local(2026, 3, 10, 4, 0), 4)).toBe("due");
				expect(isDueNow(seg, local(2026, 3, 10, 9, 0), 4)).toBe(true);
				expect(siblingStatus(seg, local(2026, 3, 11, 2, 0), 4)).toBe("due");
				// A due moment at 02:00 local belongs to the previous local day.
				const early = fsrs(local(2026, 3, 10, 2).toISOString(), { state: 2 });
				expect(siblingStatus(early, local(2026, 3, 9, 23, 30), 4)).toBe("due");
				expect(siblingStatus(early, local(2026, 3, 9, 3, 30), 4)).toBe("later");
			});
		});

		it("learning siblings are learning, due only once their moment has come", () => {
			inTimeZone(tz, () => {
				for (const state of [1, 3] as const) {
					const seg = fsrs(local(2026, 3, 10, 0, 40).toISOString(), { state: state });
					expect(siblingStatus(seg, local(2026, 3, 10, 0, 30), 4)).toBe("learning");
					expect(isDueNow(seg, local(2026, 3, 10, 0, 30), 4)).toBe(false);
					expect(isDueNow(seg, local(2026, 3, 10, 0, 40), 4)).toBe(true);
					expect(siblingStatus(seg, local(2026, 3, 12), 4)).toBe("learning");
					expect(overdueDays(seg, local(2026, 3, 12), 4)).toBe(0);
				}
			});
		});
	});
}

describe("siblingStatus with an unreadable stored date", () => {
	it("treats it as due rather than hiding the card", () => {
		const now = new Date("2026-03-10T12:00:00Z");
		expect(siblingStatus(fsrs("garbage", { state: 2 }), now, 4)).toBe("due");
		expect(isDueNow(fsrs("garbage", { state: 1 }), now, 4)).toBe(true);
		expect(siblingStatus(classic("2026-02-30"), now, 4)).toBe("due");
	});
});

function fail(): never {
	throw new Error("expected a schedule");
}
