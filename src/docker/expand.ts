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
				return op === "%" ? trimSuffix(p, v ?? "", greedy) : trimPrefix(p, v ?? "", greedy);
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
		const re = shellPattern(pattern, true, false);
		const value = v ?? "";
		if (all) return replaceAll(re, value, replacement);
		re.lastIndex = 0;
		const m = re.exec(value);
		return m ? value.slice(0, m.index) + replacement + value.slice(m.index + m[0].length) : value;
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

const REGEX_SPECIAL = new Set(["[", "]", "{", "}", ".", "+", "(", ")", "|", "^", "$"]);

/**
 * A shell pattern as a regular expression: `*` any run of characters (shortest unless greedy),
 * `?` one character, a backslash keeps `*`, `?` and itself literal (and is dropped before `}` and
 * `/`); there are no bracket expressions. Every match is leftmost-first, as in Go.
 */
function shellPattern(pattern: string, greedy: boolean, anchored: boolean): RegExp {
	const chars = Array.from(pattern);
	let out = anchored ? "^" : "";
	for (let i = 0; i < chars.length; i++) {
		const c = chars[i];
		if (c === "*") {
			out += greedy ? "[^\\n]*" : "[^\\n]*?";
		} else if (c === "?") {
			out += "[^\\n]";
		} else if (c === "\\") {
			const n = chars[i + 1] ?? EOF;
			if (n === "}" || n === "/") continue;
			if (n !== "*" && n !== "?" && n !== "\\") throw new WordError(`invalid pattern (${pattern}) in substitution: invalid escape '\\${n}'`);
			out += `\\${n}`;
			i++;
		} else {
			out += REGEX_SPECIAL.has(c) ? `\\${c}` : c;
		}
	}
	return new RegExp(out, "gu");
}

function trimPrefix(pattern: string, value: string, greedy: boolean): string {
	const re = shellPattern(pattern, greedy, true);
	const m = re.exec(value);
	return m ? value.slice(m[0].length) : value;
}

/** Reverses a pattern but keeps each escape before the character it escapes. */
function reversePattern(pattern: string): string {
	const p = Array.from(pattern);
	const out: string[] = new Array<string>(p.length);
	const last = p.length - 1;
	for (let i = 0; i <= last; ) {
		if (p[i] === "\\" && i !== last) {
			out[last - i - 1] = "\\";
			out[last - i] = p[i + 1];
			i += 2;
		} else {
			out[last - i] = p[i];
			i++;
		}
	}
	return out.join("");
}

function reverse(s: string): string {
	return Array.from(s).reverse().join("");
}

/** The shortest (or longest) matching suffix is found as a prefix of the reversed text. */
function trimSuffix(pattern: string, value: string, greedy: boolean): string {
	return reverse(trimPrefix(reversePattern(pattern), reverse(value), greedy));
}

/**
 * Replaces every match as Go's `ReplaceAllString` does: an empty match right after a match is not
 * replaced, and in the replacement `$$` is a dollar and `$0`/`${0}` the whole match (there are no
 * groups, so any other `$name` is empty).
 */
function replaceAll(re: RegExp, value: string, replacement: string): string {
	let out = "";
	let lastEnd = 0;
	let search = 0;
	while (search <= value.length) {
		re.lastIndex = search;
		const m = re.exec(value);
		if (!m) break;
		const start = m.index;
		const end = start + m[0].length;
		out += value.slice(lastEnd, start);
		if (end > lastEnd || start === 0) out += expandTemplate(replacement, m[0]);
		lastEnd = end;
		const width = search < value.length ? (value.codePointAt(search)! > 0xffff ? 2 : 1) : 1;
		search = search + width > end ? search + width : end;
	}
	return out + value.slice(lastEnd);
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
