/**
 * Segments of a scheduling comment, one per sibling, as the parser reads them. The schedules
 * come from ./schedules, so their defaults are documented there.
 */
import type { SegmentState } from "../../src/model/card";
import type { ClassicSchedule, FsrsSchedule } from "../../src/model/schedule";
import { classicSchedule, fsrsSchedule } from "./schedules";

/** No segment at all: a sibling that was never reviewed. */
export const NEW: SegmentState = { kind: "absent" };

/** A readable classic segment due on the local day `due` (`YYYY-MM-DD`); other values default as in {@link classicSchedule} (interval 3, ease 250). */
export function classic(due: string, overrides: Partial<Omit<ClassicSchedule, "type" | "due">> = {}): SegmentState {
	return { kind: "ok", schedule: classicSchedule({ ...overrides, due }) };
}

/**
 * A readable FSRS segment due at `due` (a moment, or its ISO text as stored, valid or not);
 * other values default as in {@link fsrsSchedule}: in review (state 2), interval 5, stability 5,
 * difficulty 5, reps 3, lapses 0, learningStep 0, last reviewed 2025-12-01T09:00:00.000Z.
 */
export function fsrs(due: Date | string, overrides: Partial<Omit<FsrsSchedule, "type" | "due">> = {}): SegmentState {
	return { kind: "ok", schedule: fsrsSchedule({ ...overrides, due: typeof due === "string" ? due : due.toISOString() }) };
}

/**
 * An FSRS segment in its learning steps, due at `due`. Defaults: state 1 at its second step
 * (learningStep 1), interval 0, stability 1; the rest as in {@link fsrs}.
 */
export function learning(due: Date | string, overrides: Partial<Omit<FsrsSchedule, "type" | "due">> = {}): SegmentState {
	return fsrs(due, { state: 1, interval: 0, stability: 1, learningStep: 1, ...overrides });
}
