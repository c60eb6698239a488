/**
 * How BuildKit's parser cuts an instruction's arguments before any expansion: leading
 * `--flag=value` words (quotes and escapes removed), whitespace-separated words (FROM), and
 * quote-aware words that keep their quotes (ARG).
 */

const WHITESPACE = /[\t\v\f\r ]+/;
const NO_WORDS: readonly string[] = [];
const SPACE = /^\s$/u;

/** White space as Go's unicode.IsSpace sees it, quick for ASCII. */
function isSpace(c: string): boolean {
	const code = c.charCodeAt(0);
	if (code < 128) return code === 32 || (code >= 9 && code <= 13);
	return SPACE.test(c);
}

/** Splits on runs of spaces and tabs, as BuildKit splits FROM arguments. */
export function splitWhitespace(rest: string): string[] {
	const t = rest.trim();
	return t === "" ? [] : t.split(WHITESPACE);
}

/**
 * The leading `--…` words of an instruction and the text after them. A quote inside a flag word
 * groups spaces and is removed; the escape character keeps the next character and is removed; a
 * lone `--` ends the flags.
 */
export function extractFlags(line: string, escape: string): { flags: readonly string[]; rest: string } {
	// Most instructions have no flag or one: no array grown for them.
	let flags: string[] = NO_WORDS as string[];
	let pos = 0;
	for (;;) {
		while (pos < line.length && isSpace(line[pos])) pos++;
		if (pos >= line.length) return { flags, rest: "" };
		if (!line.startsWith("--", pos)) return { flags, rest: line.slice(pos).trim() };
		// A flag word without quotes or escapes is taken as it is.
		let end = pos;
		while (end < line.length && !isSpace(line[end]) && line[end] !== '"' && line[end] !== "'" && line[end] !== escape) end++;
		if (end === line.length || isSpace(line[end])) {
			const word = line.slice(pos, end);
			pos = end;
			if (word === "--") return { flags, rest: line.slice(pos).trim() };
			if (flags === NO_WORDS) flags = [word];
			else flags.push(word);
			continue;
		}
		let word = "";
		let quote = "";
		let blankOk = false;
		for (; pos < line.length; pos++) {
			let c = line[pos];
			if (quote === "" && isSpace(c)) break;
			if (quote !== "" && c === quote) {
				quote = "";
				continue;
			}
			if (quote === "" && (c === "'" || c === '"')) {
				quote = c;
				blankOk = true;
				continue;
			}
			if (c === escape) {
				if (pos + 1 === line.length) {
					quote = "";
					continue; // an escape at the end of the line is dropped
				}
				c = line[++pos];
			}
			word += c;
		}
		if (word === "--") return { flags, rest: line.slice(pos).trim() };
		if (blankOk || word !== "") {
			if (flags === NO_WORDS) flags = [word];
			else flags.push(word);
		}
	}
}

/** One parsed `--name[=value]` flag. */
export interface Flag {
	name: string;
	value: string | null;
}

export function parseFlag(word: string): Flag {
	const eq = word.indexOf("=");
	return eq < 0 ? { name: word.slice(2), value: null } : { name: word.slice(2, eq), value: word.slice(eq + 1) };
}

/**
 * Words separated by white space, where quotes group (and are kept, to be removed when the word
 * is expanded) and the escape character keeps the next character (both kept), as BuildKit reads
 * `ARG` arguments.
 */
export function splitQuotedWords(rest: string, escape: string): string[] {
	const words: string[] = [];
	const chars = Array.from(rest);
	let word = "";
	let inWord = false;
	let quote = "";
	let blankOk = false;
	for (let i = 0; i < chars.length; i++) {
		const c = chars[i];
		if (!inWord) {
			if (isSpace(c)) continue;
			inWord = true;
		}
		if (quote === "") {
			if (isSpace(c)) {
				if (blankOk || word !== "") words.push(word);
				word = "";
				blankOk = false;
				inWord = false;
				continue;
			}
			if (c === "'" || c === '"') {
				quote = c;
				blankOk = true;
			}
			if (c === escape) {
				if (i + 1 === chars.length) continue; // an escape at the end of the line is dropped
				word += c;
				word += chars[++i];
				continue;
			}
			word += c;
		} else {
			if (c === quote) quote = "";
			// Inside double quotes the escape character keeps the next one; single quotes keep all.
			if (c === escape && quote === '"') {
				if (i + 1 === chars.length) {
					quote = "";
					continue;
				}
				word += c;
				word += chars[++i];
				continue;
			}
			word += c;
		}
	}
	if (inWord && (blankOk || word !== "")) words.push(word);
	return words;
}
