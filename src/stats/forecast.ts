/** How many cards fall due on each of the coming days, from the cards' current schedules. */
import { addDays, daysBetween } from "../model/days";
import { dueDay } from "../schedule/status";
import type { StatsCard } from "./stats-cards";

export interface Forecast {
	/** Cards due before today (they are also counted in `days[0]`). */
	overdue: number;
	/** `days[0]` is today (due today or earlier), then one entry per following day. */
	days: { day: string; count: number }[];
}

/**
 * Due cards for `horizon` days from `today`. New cards are left out (they are not due, they
 * are introduced); a learning card counts on the local day of its due moment; a schedule whose
 * date cannot be read counts as due today, as the review queue treats it.
 */
export function forecastDue(cards: readonly StatsCard[], today: string, horizon: number, dayStartHour: number): Forecast {
	const days = Array.from({ length: Math.max(0, horizon) }, (_, i) => ({ day: addDays(today, i), count: 0 }));
	let overdue = 0;
	for (const card of cards) {
		const schedule = card.schedule;
		if (schedule === null || (schedule.type === "fsrs" && schedule.state === 0)) continue;
		const due = dueDay(schedule, dayStartHour);
		const offset = due === null ? 0 : daysBetween(today, due);
		if (offset < 0) overdue++;
		const index = Math.max(0, offset);
		if (index < days.length) days[index].count++;
	}
	return { overdue, days };
}
