/**
 * Shell-word processing as BuildKit's Dockerfile frontend does it for FROM lines, ARG values and
 * `--from`: quotes are removed (single quotes keep everything literal, double quotes still expand
 * `$`), the escape character keeps the next character literal, and `$V`, `${V}` and the forms
 * `${V:-w}`, `${V-w}`, `${V:+w}`, `${V+w}`, `${V:?w}`, `${V?w}`, `${V#p}`, `${V##p}`, `${V%p}`,
 * `${V%%p}`, `${V/p/r}` and `${V//p/r}` are expanded. Anything else after a name (`${V:2}`,
 * `${#V}`) is an error, as it is for BuildKit, which then refuses the build.
 *
 * Written from BuildKit's documented and observed behaviour; the code is our own.
 */

/** Why a word could not be processed: BuildKit fails the build with this reason. */
export class WordError extends Error {}

export interface WordOptions {
	/** The file's escape character. */
	escape: string;
	/** Keep the quote characters in the result (used to find heredoc words). */
	rawQuotes?: boolean;
	/** Keep escape characters in the result. */
	rawEscapes?: boolean;
	/** Leave unset variables as written instead of expanding them to nothing. */
	skipUnset?: boolean;
}

export interface WordResult {
	value: string;
	/** The result split at unquoted white space, quotes kept together (as `ProcessWords`). */
	words: string[];
	/** Names that were looked up and found. */
	matched: ReadonlySet<string>;
	/** Names that were looked up and not found. */
	unmatched: ReadonlySet<string>;
}

const EOF = "";
/** A word without any character the lexer treats specially. */
const PLAIN = /^[^$'"<]*$/;
const HAS_SPACE = /\s/u;
const NONE: ReadonlySet<string> = new Set();
const SPECIAL_PARAMS = new Set(["@", "*", "#", "?", "-", "$", "!", "0"]);
const NAME_CHAR = /^[\p{L}\p{Nd}_]$/u;
const DIGIT = /^\p{Nd}$/u;
const SPACE = /^\s$/u;

/** Collects the result split into words: white space from expansions splits, quoted text does not. */
class WordSplitter {
	words: string[] = [];
	private buf = "";
	private inWord = false;

	char(ch: string): void {
		if (SPACE.test(ch)) {
			if (this.inWord && this.buf !== "") {
				this.words.push(this.buf);
				this.buf = "";
				this.inWord = false;
			}
		} else this.rawChar(ch);
	}

	rawChar(ch: string): void {
		this.buf += ch;
		this.inWord = true;
	}

	text(s: string): void {
		for (const ch of s) this.char(ch);
	}

	rawText(s: string): void {
		this.buf += s;
		this.inWord = true;
	}

	finish(): string[] {
		if (this.buf !== "") this.words.push(this.buf);
		this.buf = "";
		this.inWord = false;
		return this.words;
	}
}

/** One pass over one word: a cursor over its code points. */
class WordScanner {
	private readonly chars: string[];
	private pos = 0;
	readonly matched = new Set<string>();
	readonly unmatched = new Set<string>();
	private rawEscapes: boolean;

	constructor(
		word: string,
		private readonly env: ReadonlyMap<string, string>,
		private readonly opts: WordOptions,
	) {
		this.chars = Array.from(word);
		this.rawEscapes = opts.rawEscapes ?? false;
	}

	private peek(): string {
		return this.pos < this.chars.length ? this.chars[this.pos] : EOF;
	}

	private next(): string {
		return this.pos < this.chars.length ? this.chars[this.pos++] : EOF;
	}

	private lookup(name: string): string | undefined {
		const v = this.env.get(name);
		if (v === undefined) this.unmatched.add(name);
		else this.matched.add(name);
		return v;
	}

	/** Reads up to `stop` (consumed) or the end; a missing `stop` is an error. */
	readUntil(stop: string, rawEscapes: boolean): { value: string; words: string[] } {
		const saved = this.rawEscapes;
		this.rawEscapes = rawEscapes;
		try {
			return this.readUntilInner(stop);
		} finally {
			this.rawEscapes = saved;
		}
	}

	private readUntilInner(stop: string): { value: string; words: string[] } {
		let value = "";
		const words = new WordSplitter();
		while (this.peek() !== EOF) {
			const ch = this.peek();
			if (stop !== EOF && ch === stop) {
				this.next();
				return { value, words: words.finish() };
			}
			if (ch === "$") {
				const v = this.dollar();
				value += v;
				words.text(v);
			} else if (ch === "<") {
				const v = this.possibleHeredoc();
				value += v;
				words.rawText(v);
			} else if (ch === "'" || ch === '"') {
				const v = ch === "'" ? this.singleQuoted() : this.doubleQuoted();
				value += v;
				words.rawText(v);
			} else {
				let c = this.next();
				if (c === this.opts.escape) {
					if (this.rawEscapes) {
						words.rawChar(c);
						value += c;
					}
					c = this.next();
					if (c === EOF) break; // an escape at the very end is dropped
					words.rawChar(c);
				} else {
					words.char(c);
				}
				value += c;
			}
		}
		if (stop !== EOF) throw new WordError(`unexpected end of statement while looking for matching ${stop}`);
		return { value, words: words.finish() };
	}

	private singleQuoted(): string {
		let out = "";
		const open = this.next();
		if (this.opts.rawQuotes) out += open;
		for (;;) {
			const c = this.next();
			if (c === EOF) throw new WordError("unexpected end of statement while looking for matching single-quote");
			if (c === "'") {
				if (this.opts.rawQuotes) out += c;
				return out;
			}
			out += c;
		}
	}

	private doubleQuoted(): string {
		let out = "";
		const open = this.next();
		if (this.opts.rawQuotes) out += open;
		for (;;) {
			const p = this.peek();
			if (p === EOF) throw new WordError("unexpected end of statement while looking for matching double-quote");
			if (p === '"') {
				const c = this.next();
				if (this.opts.rawQuotes) out += c;
				return out;
			}
			if (p === "$") {
				out += this.dollar();
				continue;
			}
			let c = this.next();
			if (c === this.opts.escape) {
				if (this.rawEscapes) out += c;
				const after = this.peek();
				if (after === EOF) continue; // reported as a missing quote on the next turn
				// Only ", $ and the escape character itself can be escaped inside double quotes.
				if (after === '"' || after === "$" || after === this.opts.escape) c = this.next();
			}
			out += c;
		}
	}

	private possibleHeredoc(): string {
		this.next();
		if (this.peek() !== "<") return "<";
		this.next();
		let space = "";
		while (this.peek() === " " || this.peek() === "\t" || this.peek() === "\r") space += this.next();
		return `<<${space}`;
	}

	private name(): string {
		let name = "";
		for (let c = this.peek(); c !== EOF; c = this.peek()) {
			if (name === "" && DIGIT.test(c)) {
				while (this.peek() !== EOF && DIGIT.test(this.peek())) name += this.next();
				return name;
			}
			if (name === "" && SPECIAL_PARAMS.has(c)) return this.next();
			if (!NAME_CHAR.test(c)) break;
			name += this.next();
		}
		return name;
	}

	private dollar(): string {
		this.next(); // $
		if (this.peek() !== "{") {
			const name = this.name();
			if (name === "") return "$";
			const v = this.lookup(name);
			if (v === undefined && this.opts.skipUnset) return `$${name}`;
			return v ?? "";
		}
		this.next(); // {
		const first = this.peek();
		if (first === EOF) throw new WordError("syntax error: missing '}'");
		if (first === "{" || first === "}" || first === ":") throw new WordError("syntax error: bad substitution");
		const name = this.name();
		let op = this.next();
		if (op === EOF) throw new WordError("syntax error: missing '}'");
		if (op === "}") {
			const v = this.lookup(name);
			if (v === undefined && this.opts.skipUnset) return `\${${name}}`;
			return v ?? "";
		}
		if (op === "/") return this.replace(name);
		let ops = op;
		const nullIsUnset = op === ":";
		if (nullIsUnset) {
			op = this.next();
			ops += op;
		} else if (!"+-?#%".includes(op)) {
			throw new WordError(`unsupported modifier (${ops}) in substitution`);
		}
		const pattern = op === "#" || op === "%";
		if (nullIsUnset && pattern) throw new WordError(`unsupported modifier (${ops}) in substitution`);
		// The word is read before the modifier is judged, so `${V:2}` fails only after it.
		const word = this.readWord("}", pattern, "syntax error: missing '}'");
		const v = this.lookup(name);
		if (v === undefined && this.opts.skipUnset) return `\${${name}${ops}${word}}`;
		const unset = v === undefined || (nullIsUnset && v === "");
		switch (op) {
			case "-":
				return unset ? word : (v ?? "");
			case "+":
				return unset ? "" : word;
			case "?":
				if (v === undefined) throw new WordError(`${name}: ${word || "is not allowed to be unset"}`);
				if (unset) throw new WordError(`${name}: ${word || "is not allowed to be empty"}`);
				return v;
			case "#":
			case "%": {
				// `%`/`#` remove the shortest match, `%%`/`##` the longest.
				const greedy = word.startsWith(op);
				const p = greedy ? word.slice(1) : word;
				return trimPattern(p, v ?? "", greedy, op === "%");
			}
			default:
				throw new WordError(`unsupported modifier (${ops}) in substitution`);
		}
	}

	/** Reads a nested word up to `stop`, turning "ran out of text" into `missing`. */
	private readWord(stop: string, rawEscapes: boolean, missing: string): string {
		try {
			return this.readUntil(stop, rawEscapes).value;
		} catch (e) {
			if (e instanceof WordError && this.peek() === EOF) throw new WordError(missing);
			throw e;
		}
	}

	private replace(name: string): string {
		const all = this.peek() === "/";
		if (all) this.next();
		const pattern = this.readWord("/", true, "syntax error: missing '/' in ${}");
		const replacement = this.readWord("}", true, "syntax error: missing '}'");
		const v = this.lookup(name);
		if (v === undefined && this.opts.skipUnset) return `\${${name}/${pattern}/${replacement}}`;
		return replacePattern(pattern, v ?? "", replacement, all);
	}
}

/**
 * Processes one word.
 * @throws WordError when BuildKit would refuse it (an unclosed quote or brace, an unsupported
 * form, `${V:?…}` on an unset value, a bad pattern)
 */
export function processWord(word: string, env: ReadonlyMap<string, string>, opts: WordOptions): WordResult {
	// Most words have nothing to expand, unquote or unescape: they stay as they are.
	if (PLAIN.test(word) && !word.includes(opts.escape)) {
		const words = HAS_SPACE.test(word) ? word.split(/\s+/u).filter((w) => w !== "") : word === "" ? [] : [word];
		return { value: word, words, matched: NONE, unmatched: NONE };
	}
	const scanner = new WordScanner(word, env, opts);
	try {
		const { value, words } = scanner.readUntil(EOF, opts.rawEscapes ?? false);
		return { value, words, matched: scanner.matched, unmatched: scanner.unmatched };
	} catch (e) {
		if (e instanceof WordError) throw new WordError(`failed to process ${goQuote(word)}: ${e.message}`);
		throw e;
	}
}

/** A string in Go's `%q` form, as BuildKit's messages quote words. */
function goQuote(s: string): string {
	return JSON.stringify(s);
}

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

function trimPattern(pattern: string, value: string, greedy: boolean, suffix: boolean): string {
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
function replacePattern(pattern: string, value: string, replacement: string, all: boolean): string {
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
