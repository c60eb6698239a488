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

/** How many due strings of one kind the fast path remembers before starting over. */
const MAX_REMEMBERED = 4096;

/** A copy with its own storage, so a map key does not keep a whole note's text alive. */
function detach(text: string): string {
	return text.length < 13 ? text : ` ${text}`.slice(1);
}

/** Interns status classes; ids are stable for the lifetime of the table. */
export class StatusClasses {
	private readonly ids = new Map<string, number>();
	private readonly representatives: SegmentState[] = [];
	private readonly classicIds = new Map<string, number>();
	/** Per FSRS state (0–3), class ids by due moment as written. */
	private readonly fsrsIds = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
	private absentId = -1;
	private unreadableId = -1;
	private placeholderId = -1;
	private cache: { time: number; hour: number; resolved: ResolvedStatuses } | null = null;

	/** @param dayStartHour the "next day starts at" hour the due days are computed with */
	constructor(readonly dayStartHour: number) {}

	/** Number of classes so far. */
	get size(): number {
		return this.representatives.length;
	}

	/** The class id of a segment (a new class is added when none matches). */
	classOf(segment: SegmentState): number {
		// Fast paths: classes without a date have one id each; due days repeat across the vault,
		// so remember them as written (classic day, or FSRS state and moment).
		if (segment.kind !== "ok") {
			if (segment.kind === "absent") return this.absentId >= 0 ? this.absentId : (this.absentId = this.intern(segment));
			return this.unreadableId >= 0 ? this.unreadableId : (this.unreadableId = this.intern(segment));
		}
		const schedule = segment.schedule;
		if (schedule === null) return this.placeholderId >= 0 ? this.placeholderId : (this.placeholderId = this.intern(segment));
		const byDue = schedule.type === "classic" ? this.classicIds : this.fsrsIds[schedule.state];
		if (byDue === undefined) return this.intern(segment);
		const known = byDue.get(schedule.due);
		if (known !== undefined) return known;
		const id = this.intern(segment);
		// A cache only: bounded, since FSRS moments are nearly all distinct.
		if (byDue.size >= MAX_REMEMBERED) byDue.clear();
		byDue.set(detach(schedule.due), id);
		return id;
	}

	/** The id of the segment's class, added when new. */
	private intern(segment: SegmentState): number {
		const key = this.keyOf(segment);
		let id = this.ids.get(key);
		if (id === undefined) {
			id = this.representatives.length;
			this.representatives.push(segment);
			this.ids.set(key, id);
			this.cache = null;
		}
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
