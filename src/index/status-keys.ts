/**
 * Status classes of siblings, so that counting 100,000 siblings at a given moment costs one
 * table lookup each instead of one date computation each.
 *
 * `siblingStatus` (src/schedule/status.ts) stays the only authority on what a status is. It
 * depends on `now` only through the sibling's kind (new / learning / review) and its due local
 * day, so every sibling with the same (schedule type, FSRS state, due day) has the same status
 * at any moment. The index gives each sibling the id of its class; a query resolves each class
 * once, by calling `siblingStatus` on one representative segment of it.
 */
import type { SegmentState } from "../cards/types";
import { dueDay, overdueDays, siblingStatus, type SiblingStatus } from "../schedule/status";

/** Status codes used in the count tables; the order is the one of {@link STATUS_NAMES}. */
export const DUE = 0;
export const NEW = 1;
export const LEARNING = 2;
export const LATER = 3;
export const STATUS_NAMES: readonly SiblingStatus[] = ["due", "new", "learning", "later"];

const CODE_OF: Record<SiblingStatus, number> = { due: DUE, new: NEW, learning: LEARNING, later: LATER };

/** The status of every class at one moment. */
export interface ResolvedStatuses {
	/** Status code per class id. */
	status: Uint8Array;
	/** 1 when a class is overdue (a review due before today), per class id. */
	overdue: Uint8Array;
}

/** Interns status classes; ids are stable for the lifetime of the table. */
export class StatusClasses {
	private readonly ids = new Map<string, number>();
	private readonly representatives: SegmentState[] = [];
	private readonly classicIds = new Map<string, number>();
	private cache: { time: number; hour: number; resolved: ResolvedStatuses } | null = null;

	/** @param dayStartHour the "next day starts at" hour the due days are computed with */
	constructor(readonly dayStartHour: number) {}

	/** Number of classes so far. */
	get size(): number {
		return this.representatives.length;
	}

	/** The class id of a segment (a new class is added when none matches). */
	classOf(segment: SegmentState): number {
		// Fast path: classic due days repeat across the vault, so remember them as written.
		const classicDue = segment.kind === "ok" && segment.schedule?.type === "classic" ? segment.schedule.due : null;
		if (classicDue !== null) {
			const known = this.classicIds.get(classicDue);
			if (known !== undefined) return known;
		}
		const key = this.keyOf(segment);
		let id = this.ids.get(key);
		if (id === undefined) {
			id = this.representatives.length;
			this.representatives.push(segment);
			this.ids.set(key, id);
			this.cache = null;
		}
		if (classicDue !== null) this.classicIds.set(classicDue.length < 13 ? classicDue : ` ${classicDue}`.slice(1), id);
		return id;
	}

	/** Status and overdue flag of every class at `now` (cached for repeated queries at one moment). */
	resolve(now: Date): ResolvedStatuses {
		const time = now.getTime();
		if (this.cache && this.cache.time === time && this.cache.hour === this.dayStartHour) return this.cache.resolved;
		const count = this.representatives.length;
		const status = new Uint8Array(count);
		const overdue = new Uint8Array(count);
		for (let id = 0; id < count; id++) {
			const segment = this.representatives[id];
			status[id] = CODE_OF[siblingStatus(segment, now, this.dayStartHour)];
			overdue[id] = overdueDays(segment, now, this.dayStartHour) > 0 ? 1 : 0;
		}
		const resolved = { status, overdue };
		this.cache = { time, hour: this.dayStartHour, resolved };
		return resolved;
	}

	/** The fields `siblingStatus` reads: kind, schedule type, FSRS state, due local day. */
	private keyOf(segment: SegmentState): string {
		if (segment.kind !== "ok") return segment.kind;
		const schedule = segment.schedule;
		if (schedule === null) return "placeholder";
		const day = dueDay(schedule, this.dayStartHour) ?? "?";
		return schedule.type === "fsrs" ? `f${schedule.state}:${day}` : `c:${day}`;
	}
}
