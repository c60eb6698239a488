/**
 * One pass over one shell word (process-word.ts): quotes, the escape character, heredoc markers
 * and every `$` form BuildKit expands, read code point by code point.
 */
import { replacePattern, trimPattern } from "./shell-pattern";
import { WordError } from "./word-error";
import { WordSplitter } from "./word-splitter";

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

/** The end of the word. */
export const EOF = "";
const SPECIAL_PARAMS = new Set(["@", "*", "#", "?", "-", "$", "!", "0"]);
const NAME_CHAR = /^[\p{L}\p{Nd}_]$/u;
const DIGIT = /^\p{Nd}$/u;

/** One pass over one word: a cursor over its code points. */
export class WordScanner {
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
