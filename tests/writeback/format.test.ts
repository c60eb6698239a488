import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { NEW_SEGMENT, ScheduleFormatError, formatComment, formatSegment, plainDecimal } from "../../src/writeback/format";
import { readSchedulingComment } from "../../src/cards/comment";
import type { FsrsSchedule } from "../../src/model/schedule";
import { classicSchedule, fsrsSchedule, REVIEWED_FSRS } from "../builders";
import { scheduleArbitrary } from "./note-gen";

/** The schedules whose segments the tests spell out, every value stated. */
const CLASSIC = classicSchedule({ due: "2025-05-06", interval: 1, ease: 170 });
const FSRS = REVIEWED_FSRS;
describe("formatSegment", () => {
	it("writes the new placeholder for null", () => {
		expect(formatSegment(null)).toBe("!2000-01-01,1,250");
		expect(NEW_SEGMENT).toBe("!2000-01-01,1,250");
	});

	it("writes classic segments as the other plugin does", () => {
		expect(formatSegment(CLASSIC)).toBe("!2025-05-06,1,170");
		expect(formatSegment({ ...CLASSIC, interval: 2.5, ease: 230 })).toBe("!2025-05-06,2.5,230");
		expect(formatSegment({ ...CLASSIC, interval: 0, ease: 130 })).toBe("!2025-05-06,0,130");
		expect(formatSegment({ ...CLASSIC, ease: 249.6 })).toBe("!2025-05-06,1,250");
	});

	it("writes FSRS segments with at most 4 decimals and no trailing zeros", () => {
		expect(formatSegment(FSRS)).toBe("!fsrs,2026-01-09T09:00:00.000Z,8,8.2956,3.2828,2,1,0,0,2026-01-01T09:00:00.000Z");
		expect(formatSegment({ ...FSRS, stability: 0.123456789, difficulty: 5.10000001, lastReview: null })).toBe(
			"!fsrs,2026-01-09T09:00:00.000Z,8,0.1235,5.1,2,1,0,0,-",
		);
		expect(formatSegment({ ...FSRS, interval: 0.00694444, state: 1, learningStep: 1 })).toBe(
			"!fsrs,2026-01-09T09:00:00.000Z,0.0069,8.2956,3.2828,1,1,0,1,2026-01-01T09:00:00.000Z",
		);
	});

	it("refuses values that would write NaN, Infinity or garbage", () => {
		const bad: unknown[] = [
			classicSchedule({ interval: Number.NaN }),
			classicSchedule({ interval: Number.POSITIVE_INFINITY }),
			classicSchedule({ interval: -1 }),
			classicSchedule({ ease: Number.NaN }),
			classicSchedule({ due: "2025-02-30" }),
			classicSchedule({ due: "06-05-2025" }),
			fsrsSchedule({ stability: Number.NaN }),
			fsrsSchedule({ difficulty: Number.NEGATIVE_INFINITY }),
			fsrsSchedule({ reps: 1.5 }),
			fsrsSchedule({ lapses: -1 }),
			fsrsSchedule({ due: "tomorrow" }),
			fsrsSchedule({ due: "2026-01-09T09:00:00.000Z-->" }),
			fsrsSchedule({ lastReview: "2026-13-01T00:00:00Z" }),
			fsrsSchedule({ state: 7 as 0 }),
		];
		for (const schedule of bad) {
			expect(() => formatSegment(schedule as FsrsSchedule)).toThrow(ScheduleFormatError);
		}
	});

	it("never writes NaN, Infinity or exponent notation for any finite input", () => {
		const finite = fc.double({ min: 0, max: 1e6, noNaN: true });
		fc.assert(
			fc.property(finite, finite, finite, (interval, stability, difficulty) => {
				const text = formatSegment(fsrsSchedule({ interval, stability, difficulty })) + formatSegment(classicSchedule({ interval, ease: stability }));
				expect(text).not.toMatch(/NaN|Infinity|e[+-]/);
				const numbers = formatSegment(fsrsSchedule({ interval, stability, difficulty })).split(",").slice(2, 5);
				for (const n of numbers) expect(n).toMatch(/^\d+(\.\d{0,3}[1-9])?$/);
			}),
		);
	});

	it("writes classic intervals as their shortest exact decimal", () => {
		fc.assert(
			fc.property(fc.double({ min: 0, max: 1e30, noNaN: true }), (interval) => {
				const segment = formatSegment(classicSchedule({ interval }));
				const written = segment.split(",")[1];
				expect(written).not.toMatch(/e/);
				expect(Number(written)).toBe(interval === 0 ? 0 : interval);
			}),
		);
	});
});

describe("plainDecimal", () => {
	it("expands exponent notation exactly", () => {
		expect(plainDecimal(1e-7)).toBe("0.0000001");
		expect(plainDecimal(1.25e-7)).toBe("0.000000125");
		expect(plainDecimal(1e21)).toBe("1000000000000000000000");
		expect(plainDecimal(1.5e22)).toBe("15000000000000000000000");
		expect(plainDecimal(2.5)).toBe("2.5");
	});
});

describe("formatComment", () => {
	it("concatenates segments directly", () => {
		expect(formatComment(["!2025-05-06,1,170", "!2025-05-07,2,150"])).toBe("<!--SR:!2025-05-06,1,170!2025-05-07,2,150-->");
		expect(formatComment([formatSegment(null)])).toBe("<!--SR:!2000-01-01,1,250-->");
	});
});

describe("round trip with the reader", () => {
	it("every written segment reads back as the schedule written", () => {
		fc.assert(
			fc.property(fc.array(scheduleArbitrary, { minLength: 1, maxLength: 4 }), (schedules) => {
				const raw = formatComment(schedules.map(formatSegment));
				const read = readSchedulingComment(raw);
				expect(read).toEqual(schedules.map((schedule) => ({ kind: "ok", schedule })));
			}),
		);
	});

	it("the placeholder reads back as new", () => {
		expect(readSchedulingComment(formatComment([formatSegment(null), formatSegment(classicSchedule())]))).toEqual([
			{ kind: "ok", schedule: null },
			{ kind: "ok", schedule: classicSchedule() },
		]);
	});
});
