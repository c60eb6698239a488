/**
 * Time-zone helpers for tests: Node re-reads `process.env.TZ` when it changes, so a test can
 * run the same checks in several zones.
 */
import { afterAll, beforeAll } from "vitest";

export const TIME_ZONES = ["UTC", "Asia/Shanghai", "America/New_York"] as const;

/** Runs `fn` with the process time zone set to `tz`, restoring the previous zone afterwards. */
export function inTimeZone<T>(tz: string, fn: () => T): T {
	const previous = process.env.TZ;
	process.env.TZ = tz;
	try {
		return fn();
	} finally {
		if (previous === undefined) delete process.env.TZ;
		else process.env.TZ = previous;
	}
}

/** A local moment in the current process time zone (month 1-based). */
export function local(y: number, m: number, d: number, h = 0, min = 0): Date {
	return new Date(y, m - 1, d, h, min, 0, 0);
}

/** Sets the process time zone to `tz` for the whole test file, restoring the previous one after it. */
export function pinTimeZone(tz: string): void {
	let previous: string | undefined;
	beforeAll(() => {
		previous = process.env.TZ;
		process.env.TZ = tz;
	});
	afterAll(() => {
		if (previous === undefined) delete process.env.TZ;
		else process.env.TZ = previous;
	});
}
