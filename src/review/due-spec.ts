/**
 * "Set due date" inputs (docs/cli.md, "set"): `in 3 days` or `3` (days from today), `2026-02-01`,
 * a range of days `2026-02-01..2026-02-10` or `3-7` (days from today). A range spreads many
 * cards evenly over its days, in a seeded order, so a backlog is cut into equal daily shares.
 */
import { addDays, daysBetween, isDay } from "../model/days";
import { shuffledIndexes } from "./seeded-order";

/** A first and last local day (equal for a single day). */
export interface DueSpec {
	first: string;
	last: string;
}

/** Days further than this are refused: surely a typo. */
const MAX_DAYS = 36_500;

/** Reads a due spec relative to `today`; a message when it cannot be read. Never throws. */
export function parseDueSpec(input: string, today: string): DueSpec | string {
	const text = input.trim().toLowerCase();
	const offset = /^(?:in\s+)?\+?(\d{1,5})(?:\s*days?)?$/.exec(text);
	if (offset) return checked(addDays(today, Number(offset[1])), addDays(today, Number(offset[1])), today);
	const offsets = /^(?:in\s+)?(\d{1,5})\s*(?:-|\.\.)\s*(\d{1,5})(?:\s*days?)?$/.exec(text);
	if (offsets) return checked(addDays(today, Number(offsets[1])), addDays(today, Number(offsets[2])), today);
	const days = /^(\d{4}-\d{2}-\d{2})(?:\s*\.\.\s*(\d{4}-\d{2}-\d{2}))?$/.exec(text);
	if (days) {
		if (!isDay(days[1]) || (days[2] !== undefined && !isDay(days[2]))) return `"${input.trim()}" names a day that does not exist.`;
		return checked(days[1], days[2] ?? days[1], today);
	}
	return `"${input.trim()}" is not a due date: write "in 3 days", "2026-02-01", a range "2026-02-01..2026-02-10" or "3-7" (days from today).`;
}

function checked(first: string, last: string, today: string): DueSpec | string {
	if (daysBetween(first, last) < 0) return `The range ends (${last}) before it starts (${first}).`;
	if (daysBetween(today, first) < 0) return `${first} is in the past: a due date is today or later.`;
	if (daysBetween(today, last) > MAX_DAYS) return `${last} is more than ${MAX_DAYS} days away.`;
	return { first, last };
}

/**
 * The due day of each of `count` cards: all on the day of a single-day spec; over a range, as
 * evenly as whole cards allow (the first days take one more when it does not divide), cards
 * taken in a shuffled order repeatable from `seed`.
 */
export function spreadDueDays(spec: DueSpec, count: number, seed: string): string[] {
	const span = daysBetween(spec.first, spec.last) + 1;
	const out = new Array<string>(count);
	const order = shuffledIndexes(count, seed);
	for (let k = 0; k < count; k++) out[order[k]] = addDays(spec.first, Math.floor((k * span) / count));
	return out;
}
