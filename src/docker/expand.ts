/**
 * Build-arg expansion for FROM lines and `--from` values, following the Dockerfile shell-word
 * rules that matter there: `$V`, `${V}`, `${V:-default}`, `${V-default}`, `${V:+alt}`,
 * `${V+alt}`, and the escape character before `$` for a literal dollar.
 */

/** Args BuildKit predefines for FROM lines; their values depend on the build, so we keep them as written. */
export const PLATFORM_ARGS: ReadonlySet<string> = new Set([
	"TARGETPLATFORM",
	"TARGETOS",
	"TARGETARCH",
	"TARGETVARIANT",
	"BUILDPLATFORM",
	"BUILDOS",
	"BUILDARCH",
	"BUILDVARIANT",
]);

export interface ExpandResult {
	value: string;
	/** Names used that were neither declared nor predefined. */
	undefinedNames: string[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * Expands build args in `word`. Declared args without a value and undeclared names expand to
 * "" (as BuildKit does); platform args are kept literally because their value is not known here.
 */
export function expandArgs(word: string, args: ReadonlyMap<string, string | null>, escape: string): ExpandResult {
	const undefinedNames: string[] = [];
	const value = expand(word, args, escape, undefinedNames, 0);
	return { value, undefinedNames };
}

function lookup(name: string, args: ReadonlyMap<string, string | null>): string | null | undefined {
	return args.get(name);
}

function expand(word: string, args: ReadonlyMap<string, string | null>, escape: string, undef: string[], depth: number): string {
	let out = "";
	for (let i = 0; i < word.length; i++) {
		const c = word[i];
		if (c === escape && word[i + 1] === "$") {
			out += "$";
			i++;
			continue;
		}
		if (c !== "$") {
			out += c;
			continue;
		}
		if (word[i + 1] === "{") {
			const close = matchingBrace(word, i + 1);
			if (close < 0 || depth > 8) {
				out += word.slice(i);
				break;
			}
			out += expandBraced(word.slice(i + 2, close), args, escape, undef, depth);
			i = close;
			continue;
		}
		const m = NAME.exec(word.slice(i + 1));
		if (!m) {
			out += c;
			continue;
		}
		out += resolve(m[0], `$${m[0]}`, args, undef);
		i += m[0].length;
	}
	return out;
}

function matchingBrace(word: string, open: number): number {
	let depth = 0;
	for (let j = open; j < word.length; j++) {
		if (word[j] === "{") depth++;
		else if (word[j] === "}" && --depth === 0) return j;
	}
	return -1;
}

function resolve(name: string, literal: string, args: ReadonlyMap<string, string | null>, undef: string[]): string {
	const v = lookup(name, args);
	if (v !== undefined) return v ?? "";
	if (PLATFORM_ARGS.has(name)) return literal;
	undef.push(name);
	return "";
}

function expandBraced(inner: string, args: ReadonlyMap<string, string | null>, escape: string, undef: string[], depth: number): string {
	const m = NAME.exec(inner);
	if (!m) return `\${${inner}}`;
	const name = m[0];
	const rest = inner.slice(name.length);
	if (rest === "") return resolve(name, `\${${name}}`, args, undef);
	const op = /^(:-|:\+|-|\+|:\?|\?)/.exec(rest);
	if (!op) return `\${${inner}}`; // pattern forms (#, %, /) are left as written
	const word = rest.slice(op[0].length);
	const raw = lookup(name, args);
	if (raw === undefined && !PLATFORM_ARGS.has(name) && (op[0] === ":-" || op[0] === "-")) {
		// Undeclared but defaulted: the default is the intended value, nothing to warn about.
		return expand(word, args, escape, undef, depth + 1);
	}
	const platformLiteral = raw === undefined && PLATFORM_ARGS.has(name);
	// A declared ARG without a value is unset for `-` / `+`, as in BuildKit.
	const isSet = platformLiteral || (raw !== undefined && raw !== null);
	const nonEmpty = platformLiteral || (raw !== undefined && raw !== null && raw !== "");
	const sub = () => expand(word, args, escape, undef, depth + 1);
	const self = platformLiteral ? `\${${name}}` : (raw ?? "");
	switch (op[0]) {
		case ":-":
			return nonEmpty ? self : sub();
		case "-":
			return isSet ? self : sub();
		case ":+":
			return nonEmpty ? sub() : "";
		case "+":
			return isSet ? sub() : "";
		default:
			// `?` forms make the build fail when unset; we show the value or nothing.
			return self;
	}
}
