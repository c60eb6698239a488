/**
 * Status classes (src/index/status-keys.ts) against `siblingStatus` itself: whatever fast path a
 * segment takes to its class id, the class resolves to that segment's own status and overdue
 * flag, at several moments and day-start hours, also after the remembered dues start over.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { SegmentState } from "../../src/model/card";
import { StatusClasses, STATUS_NAMES } from "../../src/index/status-keys";
import { overdueDays, siblingStatus } from "../../src/schedule/status";
import { classic, fsrs } from "../builders";

const day = fc
	.tuple(fc.integer({ min: 2025, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
	.map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
const moment = fc
	.tuple(day, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
	.map(([d, h, m]) => `${d}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00.000Z`);
const segment: fc.Arbitrary<SegmentState> = fc.oneof(
	fc.constant<SegmentState>({ kind: "absent" }),
	fc.constant<SegmentState>({ kind: "ok", schedule: null }),
	fc.constant<SegmentState>({ kind: "unreadable", raw: "x", reason: "y" }),
	fc.tuple(fc.oneof(day, fc.constant("2025-02-30")), fc.integer({ min: 1, max: 50 })).map(([due, interval]) => classic(due, { interval })),
	fc.tuple(fc.oneof(moment, fc.constant("not a moment")), fc.constantFrom<0 | 1 | 2 | 3>(0, 1, 2, 3)).map(([due, state]) => fsrs(due, { state })),
);

function check(table: StatusClasses, segments: readonly SegmentState[], now: Date): void {
	const ids = segments.map((s) => table.classOf(s));
	const resolved = table.resolve(now);
	segments.forEach((s, i) => {
		expect(STATUS_NAMES[resolved.status[ids[i]]]).toBe(siblingStatus(s, now, table.dayStartHour));
		expect(resolved.overdue[ids[i]]).toBe(overdueDays(s, now, table.dayStartHour) > 0 ? 1 : 0);
	});
}

describe("status classes", () => {
	it("every segment's class resolves to its own status", () => {
		fc.assert(
			fc.property(fc.array(segment, { maxLength: 60 }), fc.integer({ min: 0, max: 23 }), moment, (segments, hour, now) => {
				const table = new StatusClasses(hour);
				check(table, segments, new Date(now));
				// The same segments again (now from the remembered dues), at another moment.
				check(table, segments, new Date(Date.parse(now) + 36 * 3600 * 1000));
			}),
			{ numRuns: 300 },
		);
	});
	it("stays right after many distinct FSRS moments", () => {
		const table = new StatusClasses(4);
		const segments: SegmentState[] = [];
		for (let i = 0; i < 9000; i++) {
			const due = new Date(Date.UTC(2025, 5, 1) + i * 997_000).toISOString();
			segments.push(fsrs(due, { state: (i % 4) as 0 | 1 | 2 | 3 }));
		}
		check(table, segments, new Date("2025-06-20T12:00:00Z"));
		check(table, segments.slice().reverse(), new Date("2025-06-20T12:00:00Z"));
	});
});
