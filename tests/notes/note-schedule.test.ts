import { describe, expect, it } from "vitest";
import { Rating } from "../../src/model/schedule";
import { readDueDay, readNoteSchedule } from "../../src/notes/note-schedule";
import { currentFsrs, rateNote, ratingAllowed } from "../../src/notes/rate-note";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";

const sm2 = { ...DEFAULT_SETTINGS, algorithm: "sm2" as const, loadBalance: false };
const fsrs = { ...DEFAULT_SETTINGS, algorithm: "fsrs" as const };
const ctx = { path: "n.md", initialEase: 250 };

describe("reading a note's schedule", () => {
	it("reads the three date formats the other plugin reads", () => {
		expect(readDueDay("2026-03-10")).toBe("2026-03-10");
		expect(readDueDay("10-03-2026")).toBe("2026-03-10");
		expect(readDueDay("Tue Mar 10 2026")).toBe("2026-03-10");
		expect(readDueDay("2026-02-30")).toBeNull();
		expect(readDueDay("soon")).toBeNull();
	});

	it("needs all three keys, like the other plugin", () => {
		expect(readNoteSchedule("---\nsr-due: 2026-03-10\nsr-interval: 3\n---\n").classic).toBeNull();
		expect(readNoteSchedule("---\nsr-due: 2026-03-10\nsr-interval: 3\nsr-ease: 250\n---\n").classic).toEqual({
			type: "classic",
			due: "2026-03-10",
			interval: 3,
			ease: 250,
		});
	});

	it("says why a present schedule cannot be read", () => {
		expect(readNoteSchedule("---\nsr-due: later\nsr-interval: 3\nsr-ease: 250\n---\n").problem).toMatch(/sr-due/);
	});
});

describe("rating a note", () => {
	const now = new Date(2026, 2, 10, 12);

	it("starts a new note from interval 1 and its first ease (SM-2)", () => {
		const r = rateNote({ classic: null, fsrs: null }, Rating.Good, now, sm2, { ...ctx, initialEase: 260 });
		expect(r.classic).toEqual({ type: "classic", due: "2026-03-13", interval: 2.6, ease: 260 });
		expect(r.state).toBe(0);
		expect(r.fsrs).toBeNull();
	});

	it("refuses Again under SM-2 only", () => {
		expect(ratingAllowed(Rating.Again, sm2)).toBe(false);
		expect(ratingAllowed(Rating.Again, fsrs)).toBe(true);
		expect(ratingAllowed(Rating.Hard, sm2)).toBe(true);
	});

	it("under FSRS keeps the SM-2 keys in step and whole days (no learning steps)", () => {
		const r = rateNote({ classic: null, fsrs: null }, Rating.Again, now, fsrs, ctx);
		expect(r.fsrs?.type).toBe("fsrs");
		expect(r.classic.ease).toBe(250);
		expect(r.classic.interval).toBeGreaterThanOrEqual(1);
		expect(r.memory?.stability).toBeGreaterThan(0);
	});

	it("under FSRS ignores sr-fsrs once the other plugin moved sr-due", () => {
		const first = rateNote({ classic: null, fsrs: null }, Rating.Good, now, fsrs, ctx);
		expect(currentFsrs({ classic: first.classic, fsrs: first.fsrs }, fsrs.nextDayStartsAt)).toEqual(first.fsrs);
		const moved = { ...first.classic, due: "2026-05-01" };
		expect(currentFsrs({ classic: moved, fsrs: first.fsrs }, fsrs.nextDayStartsAt)).toBeNull();
	});
});
