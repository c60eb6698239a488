/** Reviews per local day (the heat map) and streaks of days with reviews. */
import { addDays, daysBetween, localDay } from "../model/days";
import type { ReviewEntry } from "./log-format";

export interface DayActivity {
	/** Local day, `YYYY-MM-DD`. */
	day: string;
	/** Answers given that day. */
	count: number;
	/** Time spent answering, ms. */
	durationMs: number;
}

export interface Streaks {
	/**
	 * Days in a row with reviews up to today; when today has none yet, up to yesterday (the
	 * streak is not broken before the day is over).
	 */
	current: number;
	/** The longest run of days in a row with reviews. */
	longest: number;
}

/** Every local day from `from` to `to` (inclusive), with the answers given on it. */
export function reviewsPerDay(reviews: readonly ReviewEntry[], from: string, to: string, dayStartHour: number): DayActivity[] {
	const length = daysBetween(from, to) + 1;
	if (length <= 0) return [];
	const days: DayActivity[] = [];
	for (let i = 0; i < length; i++) days.push({ day: addDays(from, i), count: 0, durationMs: 0 });
	for (const review of reviews) {
		const index = daysBetween(from, localDay(new Date(review.time), dayStartHour));
		if (index < 0 || index >= length) continue;
		days[index].count++;
		days[index].durationMs += review.durationMs;
	}
	return days;
}

/** The set of local days with at least one answer. */
function reviewDays(reviews: readonly ReviewEntry[], dayStartHour: number): Set<string> {
	const days = new Set<string>();
	for (const review of reviews) days.add(localDay(new Date(review.time), dayStartHour));
	return days;
}

/** Current and longest streak, `today` being the current local day. */
export function streaks(reviews: readonly ReviewEntry[], today: string, dayStartHour: number): Streaks {
	const days = reviewDays(reviews, dayStartHour);
	let current = 0;
	let day = days.has(today) ? today : addDays(today, -1);
	while (days.has(day)) {
		current++;
		day = addDays(day, -1);
	}
	const sorted = [...days].sort();
	let longest = 0;
	let run = 0;
	for (let i = 0; i < sorted.length; i++) {
		run = i > 0 && daysBetween(sorted[i - 1], sorted[i]) === 1 ? run + 1 : 1;
		longest = Math.max(longest, run);
	}
	return { current, longest };
}
