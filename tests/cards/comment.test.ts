import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readSchedulingComment, readSegment } from "../../src/cards/comment";

describe("readSchedulingComment", () => {
	it("reads classic segments in sibling order", () => {
		expect(readSchedulingComment("<!--SR:!2025-05-06,1,170!2025-05-07,2.5,250-->")).toEqual([
			{ kind: "ok", schedule: { type: "classic", due: "2025-05-06", interval: 1, ease: 170 } },
			{ kind: "ok", schedule: { type: "classic", due: "2025-05-07", interval: 2.5, ease: 250 } },
		]);
	});
	it("reads DD-MM-YYYY and ddd MMM DD YYYY dates and the old form without !", () => {
		const due = (raw: string) => {
			const seg = readSchedulingComment(raw)?.[0];
			return seg?.kind === "ok" && seg.schedule?.type === "classic" ? seg.schedule.due : null;
		};
		expect(due("<!--SR:!06-05-2025,1,170-->")).toBe("2025-05-06");
		expect(due("<!--SR:!Tue May 06 2025,1,170-->")).toBe("2025-05-06");
		expect(due("<!--SR:2025-05-06,1,170-->")).toBe("2025-05-06");
		expect(due("<!--SR:Tue May 06 2025,1,170-->")).toBe("2025-05-06");
	});
	it("reads 2000-01-01 as the new placeholder", () => {
		expect(readSchedulingComment("<!--SR:!2000-01-01,1,250-->")).toEqual([{ kind: "ok", schedule: null }]);
	});
	it("reads FSRS segments, with LAST as - or a time", () => {
		const [a, b] =
			readSchedulingComment(
				"<!--SR:!fsrs,2025-06-01T08:00:00.000Z,3,3.2,5.1,2,4,1,0,2025-05-29T08:00:00.000Z!fsrs,2025-06-02T08:00:00Z,0,0,0,0,0,0,0,--->",
			) ?? [];
		expect(a).toEqual({
			kind: "ok",
			schedule: {
				type: "fsrs",
				due: "2025-06-01T08:00:00.000Z",
				interval: 3,
				stability: 3.2,
				difficulty: 5.1,
				state: 2,
				reps: 4,
				lapses: 1,
				learningStep: 0,
				lastReview: "2025-05-29T08:00:00.000Z",
			},
		});
		expect(b.kind === "ok" && b.schedule?.type === "fsrs" && b.schedule.lastReview).toBe(null);
	});
	it.each([
		["<!--SR:!2025-02-30,1,250-->", "not a date"],
		["<!--SR:!2025-05-06,-3,250-->", "negative"],
		["<!--SR:!2025-05-06,NaN,250-->", "not a number"],
		["<!--SR:!2025-05-06,1,99999999-->", "out of range"],
		["<!--SR:!2025-05-06,1-->", "fields"],
		["<!--SR:!fsrs,2025-06-01T08:00:00Z,3,3.2,5.1,7,4,1,0,--->", "state"],
		["<!--SR:!fsrs,yesterday,3,3.2,5.1,2,4,1,0,--->", "ISO"],
	])("reports %s as unreadable (%s)", (raw, reason) => {
		const [segment] = readSchedulingComment(raw) ?? [];
		expect(segment.kind).toBe("unreadable");
		if (segment.kind === "unreadable") expect(segment.reason).toContain(reason);
	});
	it("returns null for other comments", () => {
		expect(readSchedulingComment("<!-- a note -->")).toBeNull();
	});
	it("reads a comment without --> as far as it goes (the parser finds one ending a line)", () => {
		expect(readSchedulingComment("<!--SR:!2025-05-06,1,250")).toEqual([
			{ kind: "ok", schedule: { type: "classic", due: "2025-05-06", interval: 1, ease: 250 } },
		]);
	});
});

describe("readSchedulingComment's in-place fast path", () => {
	// Biased to values near the limits, so that both the accepted and the rejected sides are hit often.
	const num = (min: number, max: number, width: number) => fc.integer({ min, max }).map((n) => String(n).padStart(width, "0"));
	const decimal = fc.oneof(
		{ arbitrary: num(0, 12, 1), weight: 3 },
		{ arbitrary: num(9990, 10010, 1), weight: 2 },
		{ arbitrary: num(99990, 100010, 1), weight: 2 },
		{ arbitrary: fc.tuple(num(0, 999, 1), num(0, 999, 1)).map(([a, b]) => `${a}.${b}`), weight: 2 },
		{ arbitrary: fc.constantFrom("", "-1", "1.", ".5", "x", " 3", "1234567", "0.1234567", "2.5"), weight: 1 },
	);
	const date = fc.oneof(
		{ arbitrary: fc.tuple(num(1999, 2030, 4), num(0, 13, 2), num(0, 32, 2)).map(([y, m, d]) => `${y}-${m}-${d}`), weight: 8 },
		{ arbitrary: fc.constantFrom("2024-02-29", "2023-02-29", "2000-01-01", "2025-1-5", "06-05-2025", "Tue May 06 2025"), weight: 1 },
	);
	const edge = <T>(usual: fc.Arbitrary<T>, ...edges: T[]) => fc.oneof({ arbitrary: usual, weight: 4 }, { arbitrary: fc.constantFrom(...edges), weight: 1 });
	const moment = fc.oneof(
		{
			arbitrary: fc
				.tuple(
					date,
					edge(num(0, 23, 2), "24", "25", "7"),
					edge(num(0, 59, 2), "60", "61"),
					edge(fc.constantFrom("", ":00", ":59", ":60", ":00.123"), ":61", ":62", ":00.1234567890", ":00.123456789", "."),
					edge(fc.constantFrom("Z", "+02:00", "-0530"), "+2", "", "z", "+02:0"),
				)
				.map(([d, h, m, s, z]) => `${d}T${h}:${m}${s}${z}`),
			weight: 6,
		},
		{ arbitrary: fc.constantFrom("-", "", "2025-06-01T08:00:00.000Z", "2025-06-01"), weight: 1 },
	);
	const small = edge(num(0, 12, 1), "1.5", "-1", "", "x");
	const count = edge(num(0, 4, 1), "9999999", "10000000", "10000001", "1.5", "-2", "");
	const classic = fc.tuple(date, decimal, decimal).map((f) => f.join(","));
	const fsrs = fc
		.tuple(
			edge(fc.constant("fsrs"), "FSRS", "fsrs "),
			moment,
			edge(small, "99999", "100000", "100001"),
			edge(small, "999999", "1000001"),
			small,
			count,
			count,
			count,
			count,
			moment,
		)
		.map((f) => f.join(","));
	const segment = fc.oneof(
		classic,
		fsrs,
		fc.tuple(classic, fc.constantFrom(",1", " ", ",")).map(([a, b]) => a + b),
	);

	it("reads every segment exactly as the general segment reader does", () => {
		fc.assert(
			fc.property(fc.array(segment, { minLength: 1, maxLength: 3 }), fc.boolean(), (segments, bang) => {
				const states = readSchedulingComment(`<!--SR:${bang ? "!" : ""}${segments.join("!")}-->`);
				expect(states).toEqual(segments.map((s) => readSegment(s.trim())));
			}),
			{ numRuns: 5000 },
		);
	});
});
