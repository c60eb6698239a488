/**
 * .dockerignore patterns, read as Docker reads them: one pattern a line, `#` comments, `!` for an
 * exception, paths cleaned and without a leading `/`; `*` and `?` stay inside one path part, `**`
 * spans any number of parts, `[…]` is a class and `\` keeps the next character literal. A path is
 * ignored when it or one of its parent folders matches.
 */

export interface IgnorePatterns {
	patterns: { text: string; exclusion: boolean; regex: RegExp | null }[];
	/** Whether any pattern starts with `!`: BuildKit's CopyIgnoredFile then checks nothing. */
	hasExclusions: boolean;
}

/** `a/./b/../c/` → `a/c`, as Go's path.Clean. */
export function cleanPath(p: string): string {
	const rooted = p.startsWith("/");
	const out: string[] = [];
	for (const part of p.split("/")) {
		if (part === "" || part === ".") continue;
		if (part === "..") {
			if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
			else if (!rooted) out.push("..");
			continue;
		}
		out.push(part);
	}
	const joined = out.join("/");
	return rooted ? `/${joined}` : joined === "" ? "." : joined;
}

const REGEX_SPECIAL = /[.+^${}()|\]\\]/;

/** The pattern as a regular expression over a whole slash-separated path, or null when it is malformed. */
function compile(pattern: string): RegExp | null {
	let re = "^";
	for (let i = 0; i < pattern.length; i++) {
		const c = pattern[i];
		if (c === "*") {
			if (pattern[i + 1] === "*") {
				i++;
				if (pattern[i + 1] === "/") {
					i++;
					re += "(?:.*/)?"; // `**/` may match no folder at all
				} else re += ".*";
			} else re += "[^/]*";
		} else if (c === "?") re += "[^/]";
		else if (c === "[") {
			const end = pattern.indexOf("]", i + 1);
			if (end < 0) return null;
			let body = pattern.slice(i + 1, end);
			if (body.startsWith("^") || body.startsWith("!")) body = `^${body.slice(1)}`;
			re += `[${body.replace(/\\/g, "\\\\")}]`;
			i = end;
		} else if (c === "\\") {
			const next = pattern[++i];
			if (next === undefined) return null;
			re += REGEX_SPECIAL.test(next) || next === "[" || next === "*" || next === "?" ? `\\${next}` : next;
		} else re += REGEX_SPECIAL.test(c) ? `\\${c}` : c;
	}
	try {
		return new RegExp(`${re}$`);
	} catch {
		return null;
	}
}

export function parseDockerignore(text: string): IgnorePatterns {
	const patterns: IgnorePatterns["patterns"] = [];
	for (const raw of text.split(/\r\n|\r|\n/)) {
		const line = raw.trim();
		if (line === "" || line.startsWith("#")) continue;
		const exclusion = line.startsWith("!");
		let p = (exclusion ? line.slice(1) : line).trim();
		if (p === "") continue;
		p = cleanPath(p);
		if (p.startsWith("/")) p = p.slice(1) || ".";
		patterns.push({ text: p, exclusion, regex: compile(p) });
	}
	return { patterns, hasExclusions: patterns.some((p) => p.exclusion) };
}

/** Whether a context path (as cleaned) or a parent folder of it matches a pattern. */
export function isIgnored(ignore: IgnorePatterns, path: string): boolean {
	const parts = path.split("/");
	for (const { regex } of ignore.patterns) {
		if (regex === null) continue;
		for (let n = parts.length; n >= 1; n--) if (regex.test(parts.slice(0, n).join("/"))) return true;
	}
	return false;
}

/** Whether a pattern ignores every entry of the context root (`*`, `**`, `**\/*`). */
export function ignoresRoot(ignore: IgnorePatterns): boolean {
	return ignore.patterns.some((p) => !p.exclusion && (p.text === "*" || p.text === "**" || p.text === "**/*"));
}
