/** Flags every command shares (docs/cli.md): `--tag` (repeatable), `--now`, `--algorithm`. */
import type { SpacedNotesSettings } from "../settings/settings";
import { flagValue, type ParsedArgs } from "./args";
import { UsageError } from "./io";

export const COMMON_VALUED_FLAGS = ["tag", "now", "algorithm"] as const;

/** Applies `--tag` and `--algorithm` over the settings read from the vault. */
export function applyCommonFlags(settings: SpacedNotesSettings, args: ParsedArgs): SpacedNotesSettings {
	const result = { ...settings };
	const tags = args.flags.get("tag");
	if (tags) {
		result.flashcardTags = tags.map((t) => {
			const tag = t.trim();
			if (!/^#?[^\s#]+$/.test(tag)) throw new UsageError(`not a tag: '${t}'`);
			return tag.startsWith("#") ? tag : `#${tag}`;
		});
	}
	const algorithm = flagValue(args, "algorithm");
	if (algorithm !== undefined) {
		if (algorithm !== "fsrs" && algorithm !== "sm2") throw new UsageError(`--algorithm must be fsrs or sm2, not '${algorithm}'`);
		result.algorithm = algorithm;
	}
	return result;
}

/** The years `--now` may name: schedules computed further out would not fit a date. */
const NOW_YEARS = { min: 1970, max: 2999 };

/** The clock: `--now ISO-8601`, or the real time. A day that does not exist (2026-02-30) is refused. */
export function resolveNow(args: ParsedArgs): Date {
	const value = flagValue(args, "now");
	if (value === undefined) return new Date();
	const date = new Date(value);
	const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
	if (!day || Number.isNaN(date.getTime())) throw new UsageError(`--now must be an ISO 8601 date or time, not '${value}'`);
	const [year, month, dayOfMonth] = [Number(day[1]), Number(day[2]), Number(day[3])];
	const calendar = new Date(Date.UTC(year, month - 1, dayOfMonth));
	if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== dayOfMonth) throw new UsageError(`--now names a day that does not exist: '${value}'`);
	if (year < NOW_YEARS.min || year > NOW_YEARS.max) throw new UsageError(`--now must be a date from ${NOW_YEARS.min} to ${NOW_YEARS.max}, not '${value}'`);
	return date;
}
