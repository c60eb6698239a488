/**
 * Moving a sibling between the two algorithms. A classic (SM-2) schedule read while FSRS is on
 * gets its memory state the way FSRS itself converts SM-2 history (fsrs-rs
 * `memory_state_from_sm2`); an FSRS schedule read while SM-2 is on becomes a classic schedule
 * through the inverse of that same formula, so converting back and forth keeps the ease.
 */
import { default_w } from "ts-fsrs";
import { addDays, dayStart, isDay, localDay } from "../model/days";
import type { ClassicSchedule, FsrsSchedule } from "../model/schedule";

/** Anki's "historical retention": the retention SM-2 reviews are assumed to have had. */
const SM2_HISTORICAL_RETENTION = 0.9;
/** Ease range (×100) a converted FSRS schedule may get: where SM-2 eases normally live. */
const CONVERTED_EASE_RANGE: readonly [number, number] = [130, 350];

const S_MIN = 0.001;

export interface MemoryState {
	stability: number;
	difficulty: number;
}

/**
 * FSRS memory state of an SM-2 card (docs/scheduling.md): with `decay = -w[20]`,
 * `S = max(interval, 0.001) · (0.9^(1/decay) − 1) / (retention^(1/decay) − 1)` and
 * `D = 11 − (ease − 1) / (e^{w8} · S^{−w9} · (e^{(1−retention)·w10} − 1))`, D clamped to [1, 10].
 * @param easeFactor ease as a factor (2.5, not 250)
 * @param interval interval in days
 * @param w FSRS-6 parameters (21 numbers); the ts-fsrs defaults unless given
 */
export function memoryStateFromSm2(easeFactor: number, interval: number, retention = SM2_HISTORICAL_RETENTION, w: readonly number[] = default_w): MemoryState {
	const decay = -w[20];
	const factor = Math.pow(0.9, 1 / decay) - 1;
	const stability = (Math.max(interval, S_MIN) * factor) / (Math.pow(retention, 1 / decay) - 1);
	const growth = Math.exp(w[8]) * Math.pow(stability, -w[9]) * Math.expm1((1 - retention) * w[10]);
	const difficulty = 11 - (easeFactor - 1) / growth;
	return { stability, difficulty: Math.min(10, Math.max(1, difficulty)) };
}

/**
 * The FSRS schedule a classic schedule stands for: state review, memory state by
 * {@link memoryStateFromSm2}, last review = due − interval days (at the start of that local
 * day), due at the start of the due day. Null when the due day cannot be read (treat as new).
 */
export function fsrsFromClassic(classic: ClassicSchedule, dayStartHour: number): FsrsSchedule | null {
	if (!isDay(classic.due) || !Number.isFinite(classic.interval) || !Number.isFinite(classic.ease)) return null;
	const interval = Math.max(0, classic.interval);
	const { stability, difficulty } = memoryStateFromSm2(classic.ease / 100, interval);
	const lastDay = addDays(classic.due, -interval);
	return {
		type: "fsrs",
		due: dayStart(classic.due, dayStartHour).toISOString(),
		interval,
		stability,
		difficulty,
		state: 2,
		reps: 1,
		lapses: 0,
		learningStep: 0,
		lastReview: dayStart(lastDay, dayStartHour).toISOString(),
	};
}

/**
 * The classic schedule an FSRS schedule stands for, for SM-2 mode: due on the local day of the
 * FSRS due moment, the FSRS interval, and the ease that {@link memoryStateFromSm2} would turn
 * back into this difficulty at this stability (clamped to {@link CONVERTED_EASE_RANGE}).
 * Null for a new card (state 0) or an unreadable due moment.
 */
export function classicFromFsrs(schedule: FsrsSchedule, dayStartHour: number, w: readonly number[] = default_w): ClassicSchedule | null {
	const due = new Date(schedule.due);
	if (schedule.state === 0 || Number.isNaN(due.getTime())) return null;
	const retention = SM2_HISTORICAL_RETENTION;
	const stability = Math.max(schedule.stability, S_MIN);
	const growth = Math.exp(w[8]) * Math.pow(stability, -w[9]) * Math.expm1((1 - retention) * w[10]);
	const easeFactor = 1 + (11 - schedule.difficulty) * growth;
	const [low, high] = CONVERTED_EASE_RANGE;
	const ease = Math.min(high, Math.max(low, Math.round(easeFactor * 100)));
	const interval = Math.round(Math.max(0, schedule.interval) * 10) / 10;
	return { type: "classic", due: localDay(due, dayStartHour), interval, ease };
}
