import { UsageError } from "./io";

/** Parsed command-line arguments: positional paths and flags (repeatable flags collect). */
export interface ParsedArgs {
	positional: string[];
	flags: Map<string, string[]>;
}

/**
 * Parses `--flag value`, `--flag=value` and boolean `--flag`. `booleans` lists the flags that
 * take no value; any flag not in `booleans` or `valued` is a usage error.
 */
export function parseArgs(argv: string[], booleans: readonly string[], valued: readonly string[]): ParsedArgs {
	const positional: string[] = [];
	const flags = new Map<string, string[]>();
	const add = (name: string, value: string) => {
		const list = flags.get(name) ?? [];
		list.push(value);
		flags.set(name, list);
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === "--") {
			positional.push(...argv.slice(i + 1));
			break;
		}
		if (!arg.startsWith("--") || arg === "-") {
			positional.push(arg);
			continue;
		}
		const eq = arg.indexOf("=");
		const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
		if (booleans.includes(name)) {
			if (eq >= 0) throw new UsageError(`--${name} takes no value`);
			add(name, "true");
		} else if (valued.includes(name)) {
			const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
			if (value === undefined) throw new UsageError(`--${name} needs a value`);
			add(name, value);
		} else {
			throw new UsageError(`unknown option --${name}`);
		}
	}
	return { positional, flags };
}

/** The last value of a flag, or undefined. */
export function flagValue(args: ParsedArgs, name: string): string | undefined {
	const values = args.flags.get(name);
	return values ? values[values.length - 1] : undefined;
}

export function hasFlag(args: ParsedArgs, name: string): boolean {
	return args.flags.has(name);
}
