/**
 * The cloze pattern syntax of the Spaced Repetition plugin (docs/format.md, "Cloze patterns"):
 * a pattern such as `==[123;;]answer[;;hint]==` or `==answer==[^\[hint\]][\[^123\]]` names the
 * hidden text with the word `answer`, an optional group number with a bracketed part holding
 * digits, and an optional hint with a bracketed part holding the word `hint`. Everything else is
 * fixed text. Inside a bracketed part `\[` and `\]` stand for brackets. Pure: the settings check
 * patterns with it and the parser (`cards/cloze-patterns.ts`) compiles them from its tokens.
 */

/** One piece of a pattern, in order. */
export type ClozePatternToken =
	| { kind: "text"; text: string }
	| { kind: "answer" }
	/** The group number: `pre`, digits, `post`, all optional together. */
	| { kind: "number"; pre: string; post: string }
	/** The hint: `pre`, the hint's text, `post`, all optional together. */
	| { kind: "hint"; pre: string; post: string };

export type ClozePatternSyntax = { ok: true; tokens: ClozePatternToken[] } | { ok: false; error: string };

const ANSWER = "answer";
const HINT = "hint";

/** The tokens of `pattern`, or a sentence saying what to change. Never throws. */
export function readClozePattern(pattern: string): ClozePatternSyntax {
	const shown = pattern.length > 60 ? `${pattern.slice(0, 57)}…` : pattern;
	const fail = (what: string): ClozePatternSyntax => ({ ok: false, error: `The cloze pattern “${shown}” ${what}` });
	if (/[\r\n]/.test(pattern)) return fail("spans several lines: a pattern is one line.");
	const tokens: ClozePatternToken[] = [];
	let text = "";
	const flush = (): void => {
		if (text !== "") tokens.push({ kind: "text", text });
		text = "";
	};
	let answer = false;
	let number = false;
	let hint = false;
	let i = 0;
	while (i < pattern.length) {
		if (!answer && pattern.startsWith(ANSWER, i)) {
			flush();
			tokens.push({ kind: "answer" });
			answer = true;
			i += ANSWER.length;
			continue;
		}
		if (pattern[i] === "[") {
			const close = closingBracket(pattern, i + 1);
			if (close < 0) {
				text += pattern[i++];
				continue;
			}
			const content = pattern.slice(i + 1, close).replace(/\\([[\]])/g, "$1");
			const digits = content.match(/\d+/g);
			if (!number && digits) {
				if (digits.length > 1) return fail("has more than one number in its number part: write one, e.g. [123;;].");
				const at = content.search(/\d/);
				flush();
				tokens.push({ kind: "number", pre: content.slice(0, at), post: content.slice(at + digits[0].length) });
				number = true;
			} else if (!hint && content.includes(HINT)) {
				if (content.indexOf(HINT) !== content.lastIndexOf(HINT)) return fail("names the hint twice in its hint part.");
				const at = content.indexOf(HINT);
				flush();
				tokens.push({ kind: "hint", pre: content.slice(0, at), post: content.slice(at + HINT.length) });
				hint = true;
			} else {
				text += pattern.slice(i, close + 1);
			}
			i = close + 1;
			continue;
		}
		text += pattern[i++];
	}
	flush();
	if (!answer) return fail("has no answer: write the word answer where the hidden text goes, e.g. ==[123;;]answer[;;hint]==.");
	if (!number) return fail("has no number part in brackets, e.g. [123;;].");
	if (!hint) return fail("has no hint part in brackets, e.g. [;;hint].");
	if (tokens[0].kind !== "text") return fail("must begin with fixed text before the answer, e.g. == or {{.");
	const answerAt = tokens.findIndex((token) => token.kind === "answer");
	if (!hasTextAfter(tokens, answerAt)) return fail("needs fixed text after the answer, e.g. == or }}.");
	const hintAt = tokens.findIndex((token) => token.kind === "hint");
	const hintToken = tokens[hintAt];
	if (hintToken.kind === "hint" && hintToken.post === "" && !hasTextAfter(tokens, hintAt)) return fail("needs fixed text after the hint, e.g. ].");
	return { ok: true, tokens };
}

/** The offset of the `]` that closes a bracketed part opened before `from`, or -1. */
function closingBracket(pattern: string, from: number): number {
	for (let j = from; j < pattern.length; j++) {
		if (pattern[j] === "\\" && (pattern[j + 1] === "[" || pattern[j + 1] === "]")) j++;
		else if (pattern[j] === "]") return j;
	}
	return -1;
}

function hasTextAfter(tokens: readonly ClozePatternToken[], index: number): boolean {
	return tokens.slice(index + 1).some((token) => token.kind === "text");
}
