/**
 * Rating a whole note (docs/scheduling.md, "Note review"). Under SM-2, exactly as the Spaced
 * Repetition plugin schedules notes: its SM-2 (the cards' variant, with load balancing over the
 * notes due per day), from interval 1 and the note's first ease (`initial-ease.ts`) for a new
 * note. Under FSRS, FSRS without learning steps (a note comes back after whole days), and the SM-2
 * keys are kept in step so the other plugin still reads the note's due day.
 */
import { addDays, daysBetween, localDay } from "../model/days";
import { Rating, type ClassicSchedule, type FsrsSchedule } from "../model/schedule";
import { scheduleFsrs, retrievability } from "../schedule/fsrs";
import { scheduleSm2, type DueHistogram } from "../schedule/sm2";
import { dueDay } from "../schedule/status";
import type { SchedulingSettings } from "../settings/settings";
import type { FsrsMemory, ReviewState } from "../stats/log-format";
import type { NoteSchedule } from "./note-schedule";

export interface RateContext {
	/** The note's vault path: seeds FSRS fuzz. */
	path: string;
	/** The first ease of a new note (`initialNoteEase`). */
	initialEase: number;
	/** Notes due per local day, for SM-2 load balancing. */
	dueOn?: DueHistogram;
}

export interface NoteRating {
	classic: ClassicSchedule;
	fsrs: FsrsSchedule | null;
	/** For the review log. */
	state: ReviewState;
	elapsedDays: number;
	scheduledDays: number;
	ease?: number;
	memory?: FsrsMemory;
}

/** Again exists for notes only under FSRS (the other plugin's notes have Easy, Good, Hard). */
export function ratingAllowed(rating: Rating, settings: Pick<SchedulingSettings, "algorithm">): boolean {
	return rating !== Rating.Again || settings.algorithm === "fsrs";
}

/**
 * The FSRS memory the note's frontmatter holds, when `sr-fsrs` agrees with `sr-due`: when the
 * other plugin rated the note since, `sr-due` moved and the SM-2 keys are the newer ones.
 */
export function currentFsrs(schedule: NoteSchedule, dayStartHour: number): FsrsSchedule | null {
	if (schedule.fsrs === null) return null;
	if (schedule.classic !== null && dueDay(schedule.fsrs, dayStartHour) !== schedule.classic.due) return null;
	return schedule.fsrs;
}

/** The note's new schedule after `rating` at `now`. */
export function rateNote(schedule: NoteSchedule, rating: Rating, now: Date, settings: SchedulingSettings, ctx: RateContext): NoteRating {
	const today = localDay(now, settings.nextDayStartsAt);
	const classic = schedule.classic;
	if (settings.algorithm === "sm2") {
		const from: ClassicSchedule = classic ?? { type: "classic", due: today, interval: 1, ease: ctx.initialEase };
		const next = scheduleSm2(from, rating, today, settings, ctx.dueOn);
		return {
			classic: next,
			fsrs: null,
			state: classic === null ? 0 : 2,
			elapsedDays: classic === null ? 0 : sinceLastReview(classic, today),
			scheduledDays: next.interval,
			ease: next.ease,
		};
	}
	const fsrsBefore = currentFsrs(schedule, settings.nextDayStartsAt);
	const next = scheduleFsrs(fsrsBefore ?? classic, rating, now, settings, `note:${ctx.path}`, { shortTerm: false });
	const day = dueDay(next, settings.nextDayStartsAt) ?? addDays(today, Math.max(1, Math.round(next.interval)));
	const elapsed = fsrsBefore?.lastReview
		? Math.max(0, daysBetween(localDay(new Date(fsrsBefore.lastReview), settings.nextDayStartsAt), today))
		: classic
			? sinceLastReview(classic, today)
			: 0;
	const memory: FsrsMemory = { stability: next.stability, difficulty: next.difficulty };
	if (fsrsBefore && fsrsBefore.stability > 0) memory.retrievability = retrievability(fsrsBefore.stability, elapsed);
	return {
		classic: { type: "classic", due: day, interval: Math.max(0, daysBetween(today, day)), ease: classic?.ease ?? ctx.initialEase },
		fsrs: next,
		state: fsrsBefore ? fsrsBefore.state : classic ? 2 : 0,
		elapsedDays: elapsed,
		scheduledDays: next.interval,
		memory,
	};
}

/** Days since the review that set this classic schedule: its interval, plus the days it is overdue. */
function sinceLastReview(classic: ClassicSchedule, today: string): number {
	return Math.max(0, Math.round(classic.interval) + daysBetween(classic.due, today));
}
