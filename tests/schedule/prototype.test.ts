/**
 * ts-fsrs adds methods to Date.prototype when imported. Our modules must not depend on them:
 * results are the same with and without them.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import { previewFsrs, scheduleFsrs } from "../../src/schedule/fsrs";
import { classicFromFsrs, fsrsFromClassic } from "../../src/schedule/convert";
import { previewSm2 } from "../../src/schedule/sm2";
import { siblingStatus } from "../../src/schedule/status";
import { Rating, type ClassicSchedule } from "../../src/model/schedule";

const ADDED = ["scheduler", "diff", "format", "dueFormat"] as const;

function everything(): unknown {
	const now = new Date("2026-03-10T12:00:00Z");
	const classic: ClassicSchedule = { type: "classic", due: "2026-03-08", interval: 12, ease: 250 };
	const first = scheduleFsrs(null, Rating.Good, now, DEFAULT_SETTINGS, "k");
	const converted = fsrsFromClassic(classic, 4);
	return {
		previewNew: previewFsrs(null, now, DEFAULT_SETTINGS, "k"),
		previewClassic: previewFsrs(classic, now, DEFAULT_SETTINGS, "k"),
		again: scheduleFsrs(first, Rating.Again, new Date(first.due), DEFAULT_SETTINGS, "k"),
		sm2: previewSm2(classic, "2026-03-10", DEFAULT_SETTINGS),
		converted,
		back: converted && classicFromFsrs(converted, 4),
		status: siblingStatus({ kind: "ok", schedule: first }, now, 4),
	};
}

describe("Date.prototype additions of ts-fsrs", () => {
	it("exist once ts-fsrs is loaded (what this test guards against)", () => {
		for (const name of ADDED) expect(typeof (Date.prototype as unknown as Record<string, unknown>)[name]).toBe("function");
	});

	it("are never needed by our modules", () => {
		const withThem = everything();
		const proto = Date.prototype as unknown as Record<string, unknown>;
		const saved = ADDED.map((name) => [name, Object.getOwnPropertyDescriptor(Date.prototype, name)] as const);
		try {
			for (const name of ADDED) delete proto[name];
			expect(typeof proto.format).toBe("undefined");
			expect(everything()).toEqual(withThem);
		} finally {
			for (const [name, descriptor] of saved) if (descriptor) Object.defineProperty(Date.prototype, name, descriptor);
		}
	});
});
