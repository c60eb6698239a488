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
import { EOF, WordScanner, type WordOptions } from "./word-scanner";
import { WordError } from "./word-error";

export interface WordResult {
	value: string;
	/** The result split at unquoted white space, quotes kept together (as `ProcessWords`). */
	words: string[];
	/** Names that were looked up and found. */
	matched: ReadonlySet<string>;
	/** Names that were looked up and not found. */
	unmatched: ReadonlySet<string>;
}

/** A word without any character the lexer treats specially. */
const PLAIN = /^[^$'"<]*$/;
const HAS_SPACE = /\s/u;
const NONE: ReadonlySet<string> = new Set();

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
