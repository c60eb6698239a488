/**
 * Inline markup removed from context entries (heading texts, callout titles): a context is
 * shown as plain text, so `## **6. Interview Tips**` reads `6. Interview Tips`.
 */
import { Char } from "../model/char-codes";

/** Emphasis delimiters that may occur in `text`; without any, it is returned as is. */
const MARKUP = /[*_=`]/;

/**
 * `text` with bold, italic (`**x**`, `__x__`, `*x*`, `_x_`), highlight (`==x==`) and code-span
 * (`` `x` ``) delimiters removed, their text kept. Text inside a code span is kept verbatim;
 * `_` inside a word (`snake_case`) and a `*` next to spaces (`2 * 3`) are not markup.
 */
export function withoutEmphasis(text: string): string {
	if (!MARKUP.test(text)) return text;
	let out = "";
	let from = 0;
	let i = text.indexOf("`");
	while (i >= 0) {
		let j = i;
		while (text.charCodeAt(j) === Char.Backtick) j++;
		const fence = text.slice(i, j);
		const close = closingRun(text, fence, j);
		if (close < 0) {
			i = text.indexOf("`", j);
			continue;
		}
		out += stripDelimiters(text.slice(from, i)) + text.slice(j, close);
		from = close + fence.length;
		i = text.indexOf("`", from);
	}
	return out + stripDelimiters(text.slice(from));
}

/** Start of the next run of exactly `fence` backticks at or after `from`, or -1. */
function closingRun(text: string, fence: string, from: number): number {
	let at = text.indexOf(fence, from);
	while (at >= 0) {
		let end = at + fence.length;
		if (text.charCodeAt(end) !== Char.Backtick) return at;
		while (text.charCodeAt(end) === Char.Backtick) end++;
		at = text.indexOf(fence, end);
	}
	return -1;
}

const STRONG_STAR = /\*\*([^\s*](?:.*?[^\s])?)\*\*/g;
const STRONG_UNDERSCORE = /(^|[^\p{L}\p{N}_])__([^\s_](?:.*?[^\s])?)__(?![\p{L}\p{N}_])/gu;
const HIGHLIGHT = /==([^\s=](?:.*?[^\s])?)==/g;
const EM_STAR = /\*([^\s*](?:[^*]*[^\s*])?)\*/g;
const EM_UNDERSCORE = /(^|[^\p{L}\p{N}_])_([^\s_](?:[^_]*[^\s_])?)_(?![\p{L}\p{N}_])/gu;

function stripDelimiters(text: string): string {
	if (!MARKUP.test(text)) return text;
	return text.replace(STRONG_STAR, "$1").replace(STRONG_UNDERSCORE, "$1$2").replace(HIGHLIGHT, "$1").replace(EM_STAR, "$1").replace(EM_UNDERSCORE, "$1$2");
}
