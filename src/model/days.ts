/**
 * Local calendar days. Scheduling works in the user's days, which start at a configurable
 * local hour ("next day starts at", default 4): a review at 01:00 still belongs to yesterday.
 * A day is written `YYYY-MM-DD`; arithmetic on days is pure calendar arithmetic, so daylight
 * saving changes never shift a due date.
 */

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** The local day that `moment` belongs to, when days start at `startHour` (0–23) local time. */
export function localDay(moment: Date, startHour: number): string {
	const shifted = new Date(moment.getFullYear(), moment.getMonth(), moment.getDate());
	if (moment.getHours() < startHour) shifted.setDate(shifted.getDate() - 1);
	return formatDay(shifted.getFullYear(), shifted.getMonth() + 1, shifted.getDate());
}

/** The moment the local day `day` starts (its `startHour` local time). */
export function dayStart(day: string, startHour: number): Date {
	const [y, m, d] = dayParts(day);
	return new Date(y, m - 1, d, startHour, 0, 0, 0);
}

/** `day` plus `n` calendar days (n may be negative). */
export function addDays(day: string, n: number): string {
	const [y, m, d] = dayParts(day);
	const date = new Date(Date.UTC(y, m - 1, d) + Math.round(n) * MS_PER_DAY);
	return formatDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	const [y1, m1, d1] = dayParts(from);
	const [y2, m2, d2] = dayParts(to);
	return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / MS_PER_DAY);
}

/** True when `day` is a real calendar day written `YYYY-MM-DD`. */
export function isDay(day: string): boolean {
	const match = DAY_PATTERN.exec(day);
	if (!match) return false;
	const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function formatDay(year: number, month: number, date: number): string {
	return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`;
}

function dayParts(day: string): [number, number, number] {
	const match = DAY_PATTERN.exec(day);
	if (!match) throw new RangeError(`not a day: ${day}`);
	return [Number(match[1]), Number(match[2]), Number(match[3])];
}
