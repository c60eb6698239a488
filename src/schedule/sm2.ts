/**
 * SM-2 as the Spaced Repetition plugin schedules it (docs/scheduling.md, "SM-2"), so
 * vaults reviewed with that plugin keep their rhythm. Works in local days only.
 */
import type { SchedulingSettings } from "../settings/settings";
import { addDays, daysBetween, isDay } from "../model/days";
import { Rating, type ClassicSchedule } from "../model/schedule";

/** The Spaced Repetition plugin's own ceiling for SM-2 intervals, in days. */
export const SM2_MAXIMUM_INTERVAL = 36525;
/** Lowest ease ×100 SM-2 allows. */
const SM2_MINIMUM_EASE = 130;

/** The settings SM-2 reads. */
export type Sm2Settings = Pick<SchedulingSettings, "baseEase" | "easyBonus" | "lapseFactor" | "loadBalance" | "maximumInterval">;

/** How many cards are already due on a local day (`YYYY-MM-DD`); used by load balancing. */
export type DueHistogram = (day: string) => number;

const EMPTY_HISTOGRAM: DueHistogram = () => 0;

/**
 * The next classic schedule after answering `rating` on local day `today`.
 * @param previous the sibling's classic schedule, or null for a new card (interval 1, base ease)
 * @param today the local day of the review (see `days.ts` `localDay`)
 * @param dueHistogram cards due per day, for load balancing (the answered card itself should not
 *   be counted); ignored when load balancing is off
 * @returns interval rounded to one decimal, ease ×100, due = today + interval (whole days)
 */
export function scheduleSm2(
	previous: ClassicSchedule | null,
	rating: Rating,
	today: string,
	settings: Sm2Settings,
	dueHistogram: DueHistogram = EMPTY_HISTOGRAM,
): ClassicSchedule {
	let ease = previous ? previous.ease : settings.baseEase;
	if (!Number.isFinite(ease) || ease <= 0) ease = settings.baseEase;
	// The formula needs a stored interval of at least one day (a card failed with Again has 0).
	const stored = previous && Number.isFinite(previous.interval) ? Math.max(1, previous.interval) : 1;
	const overdue = previous && isDay(previous.due) ? Math.max(0, daysBetween(previous.due, today)) : 0;

	let interval: number;
	switch (rating) {
		case Rating.Easy:
			ease += 20;
			interval = (((stored + overdue) * ease) / 100) * settings.easyBonus;
			break;
		case Rating.Good:
			interval = ((stored + overdue / 2) * ease) / 100;
			break;
		case Rating.Hard:
			ease = Math.max(SM2_MINIMUM_EASE, ease - 20);
			interval = Math.max(1, (stored + overdue / 4) * settings.lapseFactor);
			break;
		case Rating.Again:
			ease = Math.max(SM2_MINIMUM_EASE, ease - 20);
			interval = 0;
			break;
	}

	return finish(interval, ease, today, settings, dueHistogram);
}

/**
 * {@link scheduleSm2} for a review-ahead session (docs/scheduling.md, "Custom study"): a card
 * answered before its due day gets the intervals of Anki's filtered decks with rescheduling.
 * The days actually waited earn the ease, but Good and Easy never shorten the interval, Hard at
 * most halves its usual factor, and Easy gets half its bonus; the ease changes as usual. Again,
 * and any card already due, are scheduled exactly as by {@link scheduleSm2}.
 */
export function scheduleSm2Early(
	previous: ClassicSchedule | null,
	rating: Rating,
	today: string,
	settings: Sm2Settings,
	dueHistogram: DueHistogram = EMPTY_HISTOGRAM,
): ClassicSchedule {
	const early = previous && isDay(previous.due) ? daysBetween(today, previous.due) : 0;
	if (previous === null || early <= 0 || rating === Rating.Again) return scheduleSm2(previous, rating, today, settings, dueHistogram);
	let ease = Number.isFinite(previous.ease) && previous.ease > 0 ? previous.ease : settings.baseEase;
	const scheduled = Number.isFinite(previous.interval) ? Math.max(1, previous.interval) : 1;
	const waited = Math.max(0, scheduled - early);
	let interval: number;
	if (rating === Rating.Hard) {
		interval = Math.max(1, waited * settings.lapseFactor, (scheduled * settings.lapseFactor) / 2);
		ease = Math.max(SM2_MINIMUM_EASE, ease - 20);
	} else {
		interval = Math.max((waited * ease) / 100, scheduled);
		if (rating === Rating.Easy) {
			interval *= settings.easyBonus - (settings.easyBonus - 1) / 2;
			ease += 20;
		}
	}
	return finish(interval, ease, today, settings, dueHistogram);
}

/** Load balancing, the ceiling and rounding to one decimal, then the due day. */
function finish(interval: number, ease: number, today: string, settings: Sm2Settings, dueHistogram: DueHistogram): ClassicSchedule {
	if (settings.loadBalance && interval > 0) interval = balance(Math.round(interval), today, dueHistogram);
	interval = Math.min(interval, sm2Ceiling(settings));
	interval = Math.round(interval * 10) / 10;
	return { type: "classic", due: addDays(today, interval), interval, ease };
}

/** The four outcomes of {@link scheduleSm2} ({@link scheduleSm2Early} when `early`), one per answer button. */
export function previewSm2(
	previous: ClassicSchedule | null,
	today: string,
	settings: Sm2Settings,
	dueHistogram: DueHistogram = EMPTY_HISTOGRAM,
	early = false,
): Record<Rating, ClassicSchedule> {
	const schedule = early ? scheduleSm2Early : scheduleSm2;
	return {
		[Rating.Again]: schedule(previous, Rating.Again, today, settings, dueHistogram),
		[Rating.Hard]: schedule(previous, Rating.Hard, today, settings, dueHistogram),
		[Rating.Good]: schedule(previous, Rating.Good, today, settings, dueHistogram),
		[Rating.Easy]: schedule(previous, Rating.Easy, today, settings, dueHistogram),
	};
}

/** Half-width of the load-balancing window for a rounded interval (0 = no balancing). */
export function fuzzWindow(interval: number): number {
	if (interval <= 7) return 0;
	if (interval <= 21) return 1;
	if (interval <= 180) return Math.min(3, Math.floor(0.05 * interval));
	return Math.min(7, Math.floor(0.025 * interval));
}

/**
 * The interval in [I−f, I+f] whose day has the fewest cards due, searching I, I−1, I+1, I−2 …:
 * the first empty day wins, else the least loaded (earliest in search order on ties).
 */
function balance(interval: number, today: string, dueHistogram: DueHistogram): number {
	const f = fuzzWindow(interval);
	let best = interval;
	let bestLoad = Number.POSITIVE_INFINITY;
	for (let step = 0; step <= 2 * f; step++) {
		const offset = step === 0 ? 0 : step % 2 === 1 ? -(step + 1) / 2 : step / 2;
		const candidate = interval + offset;
		if (candidate < 1) continue;
		const load = dueHistogram(addDays(today, candidate));
		if (load <= 0) return candidate;
		if (load < bestLoad) {
			best = candidate;
			bestLoad = load;
		}
	}
	return best;
}

/**
 * SM-2's ceiling: the plugin's 36525 days, unless the user lowered the shared maximum-interval
 * setting below its default (36500, the FSRS default), in which case that lower value applies.
 */
function sm2Ceiling(settings: Sm2Settings): number {
	return settings.maximumInterval > 0 && settings.maximumInterval < 36500 ? settings.maximumInterval : SM2_MAXIMUM_INTERVAL;
}
