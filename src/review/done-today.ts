/**
 * How many new cards and reviews each deck has had today, from the review log, so that the
 * daily limits hold across sessions (and devices), not just within one session.
 */
import { localDay } from "../model/days";
import type { DoneTodayCounts } from "./session-item";
import type { ReviewEntry } from "../stats/log-format";

/**
 * Counts today's answers per deck key (the deck lower-cased, as sessions key their limits):
 * an answer to a new card (state 0) counts as a new card, one to a review card (state 2) as a
 * review; learning and relearning steps count against neither limit.
 */
export function doneToday(reviews: readonly ReviewEntry[], now: Date, dayStartHour: number): Record<string, DoneTodayCounts> {
	const today = localDay(now, dayStartHour);
	const counts: Record<string, DoneTodayCounts> = {};
	for (let i = reviews.length - 1; i >= 0; i--) {
		const entry = reviews[i];
		if (entry.time > now.getTime()) continue;
		if (localDay(new Date(entry.time), dayStartHour) !== today) {
			// The merged log is in time order: everything earlier is an earlier day.
			break;
		}
		if (entry.state !== 0 && entry.state !== 2) continue;
		const key = entry.deck.toLowerCase();
		const deck = (counts[key] ??= { new: 0, reviews: 0 });
		if (entry.state === 0) deck.new++;
		else deck.reviews++;
	}
	return counts;
}
