/**
 * The shell patterns of `${V#p}`, `${V%p}` and `${V/p/r}` in a word (process-word.ts): `*`, `?`
 * and a backslash, no bracket expressions, matched in time linear in the text times the pattern,
 * with Go's leftmost-longest choices and `ReplaceAllString`'s template, as BuildKit does.
 */
import { WordError } from "./word-error";

/** The end of the pattern. */
const EOF = "";

/** One piece of a shell pattern: a character, `?` (any one) or `*` (any run). */
type Glob = string | typeof ANY_ONE | typeof ANY_RUN;
const ANY_ONE = 1;
const ANY_RUN = 2;

/**
 * Reads a shell pattern: `*` any run of characters, `?` one character, a backslash keeps `*`, `?`
 * and itself literal (and is dropped before `}` and `/`); there are no bracket expressions. As in
 * Go's regular expressions, neither `*` nor `?` matches a newline.
 */
function readPattern(pattern: string): Glob[] {
	const chars = Array.from(pattern);
	const out: Glob[] = [];
	for (let i = 0; i < chars.length; i++) {
		const c = chars[i];
		if (c === "*") out.push(ANY_RUN);
		else if (c === "?") out.push(ANY_ONE);
		else if (c === "\\") {
			const n = chars[i + 1] ?? EOF;
			if (n === "}" || n === "/") continue;
			if (n !== "*" && n !== "?" && n !== "\\") throw new WordError(`invalid pattern (${pattern}) in substitution: invalid escape '\\${n}'`);
			out.push(n);
			i++;
		} else out.push(c);
	}
	return out;
}

/** Adds to `set` the pattern positions reachable from `i` without reading: a `*` may match nothing. */
function close(glob: readonly Glob[], set: Uint8Array, i: number): void {
	for (; i <= glob.length && set[i] === 0; i++) {
		set[i] = 1;
		if (glob[i] !== ANY_RUN) return;
	}
}

/**
 * Where a match of the whole pattern that starts at `start` can end, shortest first: the set of
 * pattern positions is carried along the text, so the work is the text's length times the
 * pattern's, whatever the pattern (a backtracking matcher can take exponential time).
 */
function matchEnds(glob: readonly Glob[], text: readonly string[], start: number): number[] {
	const ends: number[] = [];
	let set = new Uint8Array(glob.length + 1);
	close(glob, set, 0);
	for (let p = start; ; p++) {
		if (set[glob.length] === 1) ends.push(p);
		if (p === text.length) return ends;
		const c = text[p];
		const next = new Uint8Array(glob.length + 1);
		let any = false;
		for (let i = 0; i < glob.length; i++) {
			if (set[i] === 0) continue;
			const g = glob[i];
			if (g === ANY_RUN) {
				if (c !== "\n") {
					close(glob, next, i);
					any = true;
				}
			} else if (g === ANY_ONE ? c !== "\n" : g === c) {
				close(glob, next, i + 1);
				any = true;
			}
		}
		if (!any) return ends;
		set = next;
	}
}

/** `%`/`#` remove the shortest matching prefix, `%%`/`##` the longest (Go's lazy or greedy match). */
function trimPrefix(glob: readonly Glob[], value: readonly string[], greedy: boolean): readonly string[] {
	const ends = matchEnds(glob, value, 0);
	if (ends.length === 0) return value;
	return value.slice(greedy ? ends[ends.length - 1] : ends[0]);
}

export function trimPattern(pattern: string, value: string, greedy: boolean, suffix: boolean): string {
	const glob = readPattern(pattern);
	const chars = Array.from(value);
	// The shortest (or longest) matching suffix is the same prefix of the reversed text and pattern.
	if (suffix) return trimPrefix(glob.reverse(), chars.reverse(), greedy).slice().reverse().join("");
	return trimPrefix(glob, chars, greedy).join("");
}

/** The leftmost match at or after `from`, the longest there (Go's greedy leftmost-first match). */
function firstMatch(glob: readonly Glob[], text: readonly string[], from: number): { start: number; end: number } | null {
	for (let start = from; start <= text.length; start++) {
		const ends = matchEnds(glob, text, start);
		if (ends.length > 0) return { start, end: ends[ends.length - 1] };
	}
	return null;
}

/**
 * `${V/p/r}` replaces the first match as it is; `${V//p/r}` every match as Go's
 * `ReplaceAllString` does: an empty match right after a match is not replaced, and in the
 * replacement `$$` is a dollar and `$0`/`${0}` the whole match (there are no groups, so any
 * other `$name` is empty).
 */
export function replacePattern(pattern: string, value: string, replacement: string, all: boolean): string {
	const glob = readPattern(pattern);
	const text = Array.from(value);
	if (!all) {
		const m = firstMatch(glob, text, 0);
		return m ? text.slice(0, m.start).join("") + replacement + text.slice(m.end).join("") : value;
	}
	let out = "";
	let lastEnd = 0;
	for (let search = 0; search <= text.length;) {
		const m = firstMatch(glob, text, search);
		if (!m) break;
		out += text.slice(lastEnd, m.start).join("");
		if (m.end > lastEnd || m.start === 0) out += expandTemplate(replacement, text.slice(m.start, m.end).join(""));
		lastEnd = m.end;
		search = search + 1 > m.end ? search + 1 : m.end;
	}
	return out + text.slice(lastEnd).join("");
}

const TEMPLATE_NAME = /^[\p{L}\p{Nd}_]+/u;

function expandTemplate(template: string, match: string): string {
	let out = "";
	let rest = template;
	for (let at = rest.indexOf("$"); at >= 0; at = rest.indexOf("$")) {
		out += rest.slice(0, at);
		rest = rest.slice(at + 1);
		if (rest.startsWith("$")) {
			out += "$";
			rest = rest.slice(1);
			continue;
		}
		const brace = rest.startsWith("{");
		const body = brace ? rest.slice(1) : rest;
		const name = TEMPLATE_NAME.exec(body)?.[0];
		if (!name || (brace && body[name.length] !== "}")) {
			out += "$"; // not a reference: the dollar stays
			continue;
		}
		rest = body.slice(name.length + (brace ? 1 : 0));
		if (/^0$/.test(name)) out += match;
	}
	return out + rest;
}
