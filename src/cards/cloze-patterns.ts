/**
 * Cloze patterns (docs/format.md, "Cloze patterns"): the settings' patterns, written in the Spaced
 * Repetition plugin's syntax (`settings/cloze-pattern-syntax.ts`), compiled once and matched at
 * an opener in one line. A pattern is its fixed texts, the answer, an optional group number and
 * an optional hint. The answer (and a hint without closing text) runs to the first place where
 * the rest of the pattern can follow, so the answer never holds the text that closes it; every
 * search goes through a per-line index of occurrences, so a line costs linear time however many
 * openers it holds.
 */
import { readClozePattern, type ClozePatternToken } from "../settings/cloze-pattern-syntax";
import { effectiveClozePatterns, type ParserSettings } from "../settings/settings";

/** A pattern ready to match: its opener (the fixed text it starts with) and its pieces. */
export interface ClozePattern {
	opener: string;
	tokens: readonly ClozePatternToken[];
}

/** One match of a pattern at an opener. */
export interface PatternMatch {
	/** Offset just after the whole match in the line. */
	end: number;
	text: string;
	hint: string | null;
	/** The group number's digits as written, or null without one. */
	number: string | null;
}

/** The compiled cloze patterns the settings turn on; patterns that cannot be read are left out. */
export function clozePatternsOf(settings: Pick<ParserSettings, "clozeKinds" | "clozePatterns">): readonly ClozePattern[] {
	if (settings.clozePatterns !== lastPatterns || settings.clozeKinds !== lastKinds) {
		lastPatterns = settings.clozePatterns;
		lastKinds = settings.clozeKinds;
		lastCompiled = compile(effectiveClozePatterns(settings));
	}
	return lastCompiled;
}

// The parser asks once per cloze block: the settings' arrays are compiled once while they stay the same.
let lastPatterns: readonly string[] | null = null;
let lastKinds: readonly string[] | null = null;
let lastCompiled: readonly ClozePattern[] = [];

function compile(patterns: readonly string[]): ClozePattern[] {
	const out: ClozePattern[] = [];
	for (const pattern of patterns) {
		const read = readClozePattern(pattern);
		if (!read.ok) continue;
		const first = read.tokens[0];
		if (first.kind === "text") out.push({ opener: first.text, tokens: read.tokens });
	}
	return out;
}

/**
 * The occurrences of needles in one line, found by forward searches and remembered, then
 * looked up by position. Matching asks for "the first occurrence at or after" in any order:
 * each needle's occurrences are known up to where the searches reached, so a lookup is a binary
 * search, and each part of the line is searched once per needle.
 */
export class LineOccurrences {
	private readonly found = new Map<string, { at: number[]; searched: number }>();
	constructor(private readonly line: string) {}

	/** The first offset at or after `from` where `needle` starts, or -1. */
	find(needle: string, from: number): number {
		let known = this.found.get(needle);
		if (known === undefined) {
			known = { at: [], searched: 0 };
			this.found.set(needle, known);
		}
		const list = known.at;
		let low = 0;
		let high = list.length;
		while (low < high) {
			const mid = (low + high) >> 1;
			if (list[mid] < from) low = mid + 1;
			else high = mid;
		}
		if (low < list.length) return list[low];
		// Every occurrence before `searched` is listed: search on from there.
		while (known.searched <= this.line.length) {
			const at = this.line.indexOf(needle, known.searched);
			if (at < 0) {
				known.searched = this.line.length + 1;
				return -1;
			}
			list.push(at);
			known.searched = at + 1;
			if (at >= from) return at;
		}
		return -1;
	}
}

/**
 * The match of `pattern` whose opener starts at `at` in `line`, or null. The texts of the match
 * are taken from `source` (the line itself, or the line `line` masks: same length, same offsets).
 */
export function matchPattern(pattern: ClozePattern, line: string, at: number, occurrences: LineOccurrences, source = line): PatternMatch | null {
	const state: MatchState = { line, source, tokens: pattern.tokens, occurrences, text: "", hint: null, number: null };
	const end = matchFrom(state, 1, at + pattern.opener.length);
	return end < 0 ? null : { end, text: state.text, hint: state.hint, number: state.number };
}

interface MatchState {
	line: string;
	/** Where the answer, hint and number are read (see {@link matchPattern}). */
	source: string;
	tokens: readonly ClozePatternToken[];
	occurrences: LineOccurrences;
	text: string;
	hint: string | null;
	number: string | null;
}

/**
 * Matches tokens `k…` at `pos`; the end of the match or -1. Fields are set only on the path that
 * matched (each sets its own after the rest has matched). Optional parts are taken when the rest
 * matches with them, and skipped otherwise; a free text tries its possible ends nearest first.
 */
function matchFrom(state: MatchState, k: number, pos: number): number {
	const { line, tokens } = state;
	if (k === tokens.length) return pos;
	const token = tokens[k];
	switch (token.kind) {
		case "text":
			return line.startsWith(token.text, pos) ? matchFrom(state, k + 1, pos + token.text.length) : -1;
		case "number": {
			const number = readNumber(line, pos, token.pre, token.post);
			if (number !== null) {
				const end = matchFrom(state, k + 1, number.end);
				if (end >= 0) {
					state.number = number.digits;
					return end;
				}
			}
			return matchFrom(state, k + 1, pos);
		}
		case "hint": {
			if (line.startsWith(token.pre, pos)) {
				const start = pos + token.pre.length;
				if (token.post !== "") {
					const close = state.occurrences.find(token.post, start);
					if (close >= 0) {
						const end = matchFrom(state, k + 1, close + token.post.length);
						if (end >= 0) {
							state.hint = state.source.slice(start, close);
							return end;
						}
					}
				} else {
					for (const stop of freeTextEnds(state, k, start, 0)) {
						const end = matchFrom(state, stop.resume, stop.at);
						if (end >= 0) {
							state.hint = state.source.slice(start, stop.at);
							return end;
						}
					}
				}
			}
			return matchFrom(state, k + 1, pos);
		}
		case "answer":
			for (const stop of freeTextEnds(state, k, pos, 1)) {
				const end = matchFrom(state, stop.resume, stop.at);
				if (end >= 0) {
					state.text = state.source.slice(pos, stop.at);
					return end;
				}
			}
			return -1;
	}
}

/**
 * Where the free text of token `k`, starting at `from` and at least `least` characters long, may
 * end: at the nearest occurrence of each text that can come next (the opening text of an optional
 * part, or the next fixed text), nearest first, with the token to go on from there.
 */
function freeTextEnds(state: MatchState, k: number, from: number, least: number): { at: number; resume: number }[] {
	const stops: { at: number; resume: number }[] = [];
	for (let j = k + 1; j < state.tokens.length; j++) {
		const token = state.tokens[j];
		const needle = token.kind === "text" ? token.text : token.kind === "answer" ? "" : token.pre;
		if (needle !== "") {
			const at = state.occurrences.find(needle, from + least);
			if (at >= 0) stops.push({ at, resume: j });
		}
		if (token.kind === "text" || token.kind === "answer") break;
	}
	return stops.length > 1 ? stops.sort((a, b) => a.at - b.at || a.resume - b.resume) : stops;
}

/**
 * `pre`, digits, `post` at `pos`: the digits and the end, or null. No spaces around the digits:
 * the other plugin's pattern reads them as `(\d+)`, so `== 1;;x==` is the answer ` 1` with the
 * hint `x` there, and here.
 */
function readNumber(line: string, pos: number, pre: string, post: string): { digits: string; end: number } | null {
	if (!line.startsWith(pre, pos)) return null;
	let p = pos + pre.length;
	const start = p;
	while (p < line.length && line.charCodeAt(p) >= 48 && line.charCodeAt(p) <= 57) p++;
	if (p === start) return null;
	return line.startsWith(post, p) ? { digits: line.slice(start, p), end: p + post.length } : null;
}
