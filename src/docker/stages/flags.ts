/**
 * An instruction's flags as BuildKit's Dockerfile frontend checks them in step 1 of the stage
 * builder (build-stages.ts), with its "did you mean" wording for a typo.
 */
import { closestName } from "../suggest";
import type { Flag } from "../words";

/** Flags that may be given more than once. */
const REPEATABLE = new Set(["exclude", "mount"]);
/** Flags that are true or false (`--link`, `--link=false`). */
const BOOLEAN_FLAGS = new Set(["link", "parents", "keep-git-dir", "unpack"]);

/** `reason (did you mean X?)` when an option is within two edits of `value`, as BuildKit words it. */
export function suggest(reason: string, value: string, options: readonly string[], caseSensitive: boolean): string {
	const best = closestName(value, options, caseSensitive);
	return best === null ? reason : `${reason} (did you mean ${best}?)`;
}

/**
 * Reads an instruction's flags as BuildKit does: each must be one the instruction knows, given
 * once (unless it may repeat), with a value.
 * @returns the flags, or BuildKit's reason for refusing them
 */
export function readFlags(flags: readonly Flag[], known: readonly string[]): readonly Flag[] | string {
	for (let i = 0; i < flags.length; i++) {
		const flag = flags[i];
		if (!known.includes(flag.name)) return suggest(`unknown flag: --${flag.name}`, flag.name, known, true);
		// An instruction has a handful of flags: looking back is cheaper than a set.
		if (!REPEATABLE.has(flag.name)) for (let j = 0; j < i; j++) if (flags[j].name === flag.name) return `duplicate flag specified: --${flag.name}`;
		if (BOOLEAN_FLAGS.has(flag.name)) {
			if (flag.value === "") return `missing a value on flag: --${flag.name}`;
			if (flag.value !== null && !/^(true|false)$/i.test(flag.value)) return `expecting boolean value for flag --${flag.name}, not: ${flag.value}`;
		} else if (flag.value === null) {
			return `missing a value on flag: --${flag.name}`;
		}
	}
	return flags;
}

/** The value of the first flag of that name (null when it has none, undefined when it is absent). */
export function flagValue(flags: readonly Flag[], name: string): string | null | undefined {
	for (const f of flags) if (f.name === name) return f.value;
	return undefined;
}
