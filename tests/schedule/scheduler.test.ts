import { describe, expect, it } from "vitest";
import type { SegmentState } from "../../src/model/card";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import { classicFromFsrs } from "../../src/schedule/convert";
import { addDays, localDay } from "../../src/model/days";
import { scheduleFsrs } from "../../src/schedule/fsrs";
import { answer, durationLabel, intervalLabel, previewAnswers } from "../../src/schedule/scheduler";
import { scheduleSm2 } from "../../src/schedule/sm2";
import { Rating, type ClassicSchedule } from "../../src/model/schedule";
import { inTimeZone, local } from "../helpers/tz";

const fsrsSettings = { ...DEFAULT_SETTINGS, fuzz: false };
const sm2Settings = { ...DEFAULT_SETTINGS, algorithm: "sm2" as const };
const ctx = { cardKey: "note.md|card|0" };
const NOW = new Date("2026-01-01T09:00:00Z");

describe("answer", () => {
	it("uses FSRS by default and treats absent, placeholder and unreadable segments as new", () => {
		const expected = scheduleFsrs(null, Rating.Easy, NOW, fsrsSettings, ctx.cardKey);
		const segments: SegmentState[] = [{ kind: "absent" }, { kind: "ok", schedule: null }, { kind: "unreadable", raw: "!bad", reason: "bad date" }];
		for (const segment of segments) expect(answer(segment, Rating.Easy, NOW, fsrsSettings, ctx)).toEqual(expected);
	});

	it("uses SM-2 on the local day of the answer", () => {
		inTimeZone("Asia/Shanghai", () => {
			const late = local(2026, 1, 2, 2, 0); // still 1 January's local day (starts at 4)
			const s = answer({ kind: "absent" }, Rating.Good, late, sm2Settings, ctx);
			expect(s).toEqual({ type: "classic", due: addDays("2026-01-01", 3), interval: 3, ease: 250 });
		});
	});

	it("passes the due histogram to SM-2 load balancing", () => {
		const prev: ClassicSchedule = { type: "classic", due: "2026-01-01", interval: 4, ease: 250 };
		const full = (day: string) => (day === "2026-01-11" ? 9 : 0);
		const s = answer({ kind: "ok", schedule: prev }, Rating.Good, NOW, sm2Settings, { ...ctx, dueOn: full });
		expect(s.interval).toBe(9);
	});

	it("converts an FSRS segment for SM-2", () => {
		const f = scheduleFsrs(scheduleFsrs(null, Rating.Easy, NOW, fsrsSettings, "k"), Rating.Good, new Date("2026-01-09T09:00:00Z"), fsrsSettings, "k");
		const converted = classicFromFsrs(f, 4);
		expect(converted?.interval).toBe(f.interval);
		const at = new Date(f.due);
		expect(answer({ kind: "ok", schedule: f }, Rating.Good, at, sm2Settings, ctx)).toEqual(
			scheduleSm2(converted, Rating.Good, localDay(at, 4), sm2Settings),
		);
	});
});

describe("previewAnswers", () => {
	it("labels the FSRS buttons of a new card", () => {
		const p = previewAnswers({ kind: "absent" }, NOW, fsrsSettings, ctx);
		expect([p[Rating.Again].label, p[Rating.Hard].label, p[Rating.Good].label, p[Rating.Easy].label]).toEqual(["1 min", "6 min", "10 min", "8 d"]);
		expect(p[Rating.Good].schedule).toEqual(answer({ kind: "absent" }, Rating.Good, NOW, fsrsSettings, ctx));
	});

	it("labels the SM-2 buttons", () => {
		const prev: ClassicSchedule = { type: "classic", due: "2026-01-01", interval: 100, ease: 270 };
		const p = previewAnswers({ kind: "ok", schedule: prev }, NOW, sm2Settings, ctx);
		expect([p[Rating.Again].label, p[Rating.Hard].label, p[Rating.Good].label, p[Rating.Easy].label]).toEqual(["today", "1.7 mo", "9 mo", "1 y"]);
	});
});

describe("labels", () => {
	it("reads naturally", () => {
		expect([30_000, 60_000, 600_000, 5_400_000, 7_200_000].map(durationLabel)).toEqual(["1 min", "1 min", "10 min", "1.5 h", "2 h"]);
		expect([0, 1, 2.5, 3, 29, 75, 365, 438].map(intervalLabel)).toEqual(["today", "1 d", "2.5 d", "3 d", "29 d", "2.5 mo", "1 y", "1.2 y"]);
	});
});
