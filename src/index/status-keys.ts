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
import type { SegmentState } from "../model/card";
import { dueDay, overdueDays, siblingStatus, type SiblingStatus } from "../schedule/status";

/** Status codes used in the count tables; the order is the one of {@link STATUS_NAMES}. */
export const DUE = 0;
export const NEW = 1;
export const LEARNING = 2;
const LATER = 3;
export const STATUS_NAMES: readonly SiblingStatus[] = ["due", "new", "learning", "later"];

const CODE_OF: Record<SiblingStatus, number> = { due: DUE, new: NEW, learning: LEARNING, later: LATER };

/** The status of every class at one moment. */
export interface ResolvedStatuses {
	/** Status code per class id. */
	status: Uint8Array;
	/** 1 when a class is overdue (a review due before today), per class id. */
	overdue: Uint8Array;
	/** 1 when a class is suspended (docs/format.md, "Suspended and flagged cards"): counted as later, never due. */
	suspended: Uint8Array;
}

/** Whether a segment carries the suspended mark. */
export function isSuspended(segment: SegmentState): boolean {
	return segment.kind !== "absent" && segment.marks?.suspended === true;
}

/**
 * The key of a segment's status class: the fields `siblingStatus` reads (kind, schedule type,
 * FSRS state, due local day). Segments with equal keys have equal statuses at every moment.
 */
function statusKeyOf(segment: SegmentState, dayStartHour: number): string {
	if (segment.kind !== "ok") return segment.kind;
	const schedule = segment.schedule;
	if (schedule === null) return "placeholder";
	const day = dueDay(schedule, dayStartHour) ?? "?";
	return schedule.type === "fsrs" ? `f${schedule.state}:${day}` : `c:${day}`;
}

/** Gives status keys at one day start hour (a summary records which hour its keys used). */
export interface StatusKeyer {
	readonly dayStartHour: number;
	keyOf(segment: SegmentState): string;
}

/** {@link statusKeyOf} at one day start hour, with a memo of due strings (they repeat across notes). */
export function statusKeyer(dayStartHour: number): StatusKeyer {
	const classic = new Map<string, string>();
	const fsrs = [new Map<string, string>(), new Map<string, string>(), new Map<string, string>(), new Map<string, string>()];
	const keyOf = (segment: SegmentState): string => {
		// Suspended siblings are a class of their own: never due, whatever their schedule.
		if (isSuspended(segment)) return `S${statusKeyOf(segment, dayStartHour)}`;
		if (segment.kind !== "ok" || segment.schedule === null) return statusKeyOf(segment, dayStartHour);
		const schedule = segment.schedule;
		const memo = schedule.type === "classic" ? classic : fsrs[schedule.state];
		if (memo === undefined) return statusKeyOf(segment, dayStartHour);
		let key = memo.get(schedule.due);
		if (key === undefined) {
			key = statusKeyOf(segment, dayStartHour);
			// A cache only: bounded, since FSRS moments are nearly all distinct.
			if (memo.size >= 4096) memo.clear();
			memo.set(flat(schedule.due), key);
		}
		return key;
	};
	return { dayStartHour, keyOf };
}

/** Interns status classes by key; ids are stable for the lifetime of the table. */
export class StatusClasses implements StatusKeyer {
	private readonly ids = new Map<string, number>();
	private readonly representatives: SegmentState[] = [];
	private cache: { time: number; hour: number; resolved: ResolvedStatuses } | null = null;
	private readonly keyer: StatusKeyer;

	/** @param dayStartHour the "next day starts at" hour the due days are computed with */
	constructor(readonly dayStartHour: number) {
		this.keyer = statusKeyer(dayStartHour);
	}

	/** The status key of a segment at this table's day start hour. */
	keyOf(segment: SegmentState): string {
		return this.keyer.keyOf(segment);
	}

	/** A segment of class `id` (every segment of a class has the same status at any moment). */
	representative(id: number): SegmentState {
		return this.representatives[id];
	}

	/** Number of classes so far. */
	get size(): number {
		return this.representatives.length;
	}

	/** The class id of a segment (a new class is added when none matches). */
	classOf(segment: SegmentState): number {
		return this.classOfKey(this.keyOf(segment), () => segment);
	}

	/**
	 * The class id of a status key. `representative` gives a segment with that key; it is called
	 * only for a key not seen before (keys repeat across the vault: due days, not moments).
	 */
	classOfKey(key: string, representative: () => SegmentState): number {
		let id = this.ids.get(key);
		if (id === undefined) {
			id = this.representatives.length;
			this.representatives.push(representative());
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
		const suspended = new Uint8Array(count);
		for (let id = 0; id < count; id++) {
			const segment = this.representatives[id];
			if (isSuspended(segment)) {
				status[id] = LATER;
				suspended[id] = 1;
				continue;
			}
			status[id] = CODE_OF[siblingStatus(segment, now, this.dayStartHour)];
			overdue[id] = overdueDays(segment, now, this.dayStartHour) > 0 ? 1 : 0;
		}
		const resolved = { status, overdue, suspended };
		this.cache = { time, hour: this.dayStartHour, resolved };
		return resolved;
	}
}

/** A copy with its own storage (V8 shares a slice's parent from 13 characters on). */
function flat(text: string): string {
	return text.length < 13 ? text : ` ${text}`.slice(1);
}
