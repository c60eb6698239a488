import { describe, expect, it } from "vitest";
import { readSchedulingComment } from "../../src/cards/comment";

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
		const [a, b] = readSchedulingComment(
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
		expect(readSchedulingComment("<!--SR:!2025-05-06,1,250")).toBeNull();
	});
});
