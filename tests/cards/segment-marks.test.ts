import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readSchedulingComment } from "../../src/cards/comment";
import { parseNote } from "../../src/cards/parse";
import { formatMarks, splitMarks } from "../../src/cards/segment-marks";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import { formatSegment } from "../../src/writeback/format";
import { scheduleArbitrary } from "../writeback/note-gen";

const FSRS = "!fsrs,2026-12-07T10:00:00.000Z,11,11.16,9.586,2,2,0,0,2026-11-26T10:00:00.000Z";

describe("marks at the end of a segment (docs/format.md, Suspended and flagged cards)", () => {
	it("reads suspended and flags on classic, FSRS and placeholder segments", () => {
		expect(readSchedulingComment("<!--SR:!2026-02-01,12,250,s-->")).toEqual([
			{ kind: "ok", schedule: { type: "classic", due: "2026-02-01", interval: 12, ease: 250 }, marks: { suspended: true, flag: 0 } },
		]);
		expect(readSchedulingComment("<!--SR:!2026-02-01,12,250,f3!2000-01-01,1,250,s-->")).toEqual([
			{ kind: "ok", schedule: { type: "classic", due: "2026-02-01", interval: 12, ease: 250 }, marks: { suspended: false, flag: 3 } },
			{ kind: "ok", schedule: null, marks: { suspended: true, flag: 0 } },
		]);
		const [fsrs] = readSchedulingComment(`<!--SR:${FSRS},s,f7-->`) ?? [];
		expect(fsrs).toMatchObject({ kind: "ok", schedule: { type: "fsrs", lastReview: "2026-11-26T10:00:00.000Z" }, marks: { suspended: true, flag: 7 } });
		expect(readSchedulingComment(`<!--SR: ${FSRS},f1 -->`)?.[0]).toMatchObject({ marks: { suspended: false, flag: 1 } });
	});

	it("keeps the marks of an unreadable schedule and reports the schedule as before", () => {
		expect(readSchedulingComment("<!--SR:!2025-13-01,4,250,s-->")?.[0]).toMatchObject({
			kind: "unreadable",
			raw: "2025-13-01,4,250",
			marks: { suspended: true, flag: 0 },
		});
	});

	it("takes nothing else for a mark: f0, f8, a mark before the schedule's last field, the wrong order", () => {
		for (const raw of [
			"<!--SR:!2026-02-01,12,250,f8-->",
			"<!--SR:!2026-02-01,12,250,f0-->",
			"<!--SR:!2026-02-01,12,250,f3,s-->",
			"<!--SR:!2026-02-01,12,s,250-->",
		]) {
			const [state] = readSchedulingComment(raw) ?? [];
			expect(state.kind, raw).toBe("unreadable");
		}
		expect(readSchedulingComment("<!--SR:!2026-02-01,12,250-->")?.[0]).not.toHaveProperty("marks");
	});

	it("puts the marks on the parsed sibling", () => {
		const note = parseNote("#flashcards\n\nq:::a <!--SR:!2026-02-01,12,250!2000-01-01,1,250,s,f2-->\n", { path: "n.md", settings: DEFAULT_SETTINGS });
		expect(note.cards[0].siblings.map((s) => s.marks)).toEqual([undefined, { suspended: true, flag: 2 }]);
		expect(note.problems).toEqual([]);
	});

	it("round-trips any schedule with any marks, through the fast and the general reader", () => {
		const marks = fc.record({ suspended: fc.boolean(), flag: fc.integer({ min: 0, max: 7 }) });
		fc.assert(
			fc.property(
				fc.array(fc.record({ schedule: fc.option(scheduleArbitrary, { nil: null }), marks }), { minLength: 1, maxLength: 4 }),
				fc.boolean(),
				(siblings, spaced) => {
					const segments = siblings.map((s) => formatSegment(s.schedule) + formatMarks(s.marks));
					const raw = `<!--SR:${spaced ? "\u00a0" : ""}${segments.join("")}-->`;
					const read = readSchedulingComment(raw) ?? [];
					expect(read).toHaveLength(siblings.length);
					read.forEach((state, i) => {
						expect(state.kind).toBe("ok");
						if (state.kind !== "ok") return;
						expect(formatSegment(state.schedule)).toBe(formatSegment(siblings[i].schedule));
						const m = siblings[i].marks;
						expect(state.marks ?? { suspended: false, flag: 0 }).toEqual(m);
						expect(splitMarks(segments[i])).toEqual({ schedule: formatSegment(siblings[i].schedule), marks: formatMarks(m) });
					});
				},
			),
			{ numRuns: 300 },
		);
	});
});

describe("the chip of a marked card", () => {
	it("reads suspended when every side is, and names flags and suspended sides in its title", async () => {
		const { cardChipLabel } = await import("../../src/schedule/chip-label");
		const now = new Date(2026, 2, 10, 12);
		const all = readSchedulingComment("<!--SR:!2026-03-20,10,250,s,f1-->") ?? [];
		expect(cardChipLabel(all, now, 4)).toMatchObject({ text: "suspended", state: "suspended" });
		expect(cardChipLabel(all, now, 4).title).toMatch(/Suspended\. Flag red\.$/);
		const one = readSchedulingComment("<!--SR:!2026-03-20,10,250!2026-03-12,2,250,s-->") ?? [];
		const label = cardChipLabel(one, now, 4);
		expect(label.text).toBe("in 10 d");
		expect(label.title).toMatch(/Side 2: suspended\.$/);
		expect(cardChipLabel(readSchedulingComment("<!--SR:!2026-03-20,10,250-->") ?? [], now, 4).title).not.toMatch(/uspended/);
	});
});
