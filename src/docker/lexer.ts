/**
 * Turns Dockerfile text into logical instructions the way BuildKit's parser does: parser
 * directives at the very top, line continuations with the escape character, comments and empty
 * lines dropped (also inside continuations), heredoc bodies skipped (they are no instructions).
 */

import { processWord } from "./expand/process-word";
import { extractFlags, parseFlag, splitWhitespace, type Flag } from "./words";

export interface Instruction {
	/** Upper-cased keyword (`FROM`, `COPY` …). */
	keyword: string;
	/** The keyword as written. */
	word: string;
	/** Everything after the keyword, continuation lines joined as they are. */
	args: string;
	/** 1-based line of the instruction's first physical line. */
	line: number;
	/** 1-based line of its last physical line (heredoc bodies not counted). */
	endLine: number;
	/** Whether a blank line sat inside its continuation (BuildKit's NoEmptyContinuation). */
	emptyContinuation: boolean;
	/** The comment lines right above it, without `#` (where `# hadolint ignore=…` and `# check=…` live). */
	comments: string[];
	/** Its flags and the text after them, once read (see `flagsOf`). */
	flagSplit?: FlagSplit;
	/** The text after the flags cut at white space, once read (see `restWordsOf`). */
	restWords?: string[];
}

interface FlagSplit {
	/** The flag words as written (quotes and escapes removed). */
	flags: readonly string[];
	/** The same flags read as `--name[=value]`. */
	parsed: readonly Flag[];
	rest: string;
}

const NO_FLAGS: FlagSplit["parsed"] = [];

/**
 * The instruction's leading `--flag` words and the text after them, read once and kept: every
 * rule and step that looks at flags shares this reading.
 */
export function flagsOf(ins: Instruction, escape: string): FlagSplit {
	if (ins.flagSplit === undefined) {
		const split = extractFlags(ins.args, escape) as FlagSplit;
		split.parsed = split.flags.length === 0 ? NO_FLAGS : split.flags.map(parseFlag);
		ins.flagSplit = split;
	}
	return ins.flagSplit;
}

/** The words after the flags, split at spaces and tabs as BuildKit splits FROM, read once and kept. */
export function restWordsOf(ins: Instruction, escape: string): readonly string[] {
	ins.restWords ??= splitWhitespace(flagsOf(ins, escape).rest);
	return ins.restWords;
}

export interface Lexed {
	directives: Record<string, string>;
	escape: "\\" | "`";
	instructions: Instruction[];
	/** The first reason BuildKit's parser refuses the text, or null. */
	rejection: { line: number; reason: string } | null;
}

/** Every instruction BuildKit knows; anything else is a typo or not a Dockerfile. */
export const KEYWORDS: ReadonlySet<string> = new Set([
	"FROM",
	"RUN",
	"CMD",
	"LABEL",
	"MAINTAINER",
	"EXPOSE",
	"ENV",
	"ADD",
	"COPY",
	"ENTRYPOINT",
	"VOLUME",
	"USER",
	"WORKDIR",
	"ARG",
	"ONBUILD",
	"STOPSIGNAL",
	"HEALTHCHECK",
	"SHELL",
]);

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const KNOWN_DIRECTIVES = new Set(["syntax", "escape", "check"]);
const HEREDOC_KEYWORDS = new Set(["RUN", "COPY", "ADD"]);

/** Shared by every instruction without comments above it (most of them): never written to. */
const NO_COMMENTS: string[] = [];

/** Splits text into lines, accepting LF, CRLF and lone CR endings. */
export function splitLines(text: string): string[] {
	return text.split(/\r\n|\r|\n/);
}

function reject(lexed: Lexed, line: number, reason: string): void {
	lexed.rejection ??= { line, reason };
}

/** Reads the parser directives (leading white space allowed); returns the index of the first line after them. */
function readDirectives(lines: string[], lexed: Lexed): number {
	let i = 0;
	for (; i < lines.length; i++) {
		const m = DIRECTIVE.exec(lines[i].trimStart());
		if (!m) break;
		const key = m[1].toLowerCase();
		// An unknown directive is an ordinary comment and, like any comment, ends the scan.
		if (!KNOWN_DIRECTIVES.has(key)) break;
		if (key in lexed.directives) {
			reject(lexed, i + 1, `only one ${key} parser directive can be used`);
			continue;
		}
		lexed.directives[key] = m[2];
		if (key === "escape") {
			if (m[2] === "`" || m[2] === "\\") lexed.escape = m[2];
			else reject(lexed, i + 1, `invalid escape token '${m[2]}' does not match \` or \\`);
		}
	}
	return i;
}

interface HeredocMarker {
	name: string;
	stripTabs: boolean;
}

const HEREDOC_WORD = /^(\d*)<<(-?)\s*([^<]*)$/;

/**
 * The heredocs of one logical line, in order, found as BuildKit finds them: the line is cut
 * into shell words (quotes and escapes kept, so `"<<EOF"` is no heredoc), and a word of the
 * form `<<NAME`, `<<-NAME`, `2<<NAME` or `<< NAME` starts one; NAME loses its quotes.
 */
function heredocMarkers(line: string): HeredocMarker[] {
	const empty = new Map<string, string>();
	let words: string[];
	try {
		words = processWord(line, empty, { escape: "\\", rawQuotes: true, rawEscapes: true, skipUnset: true }).words;
	} catch {
		return []; // BuildKit finds none in a line it cannot split
	}
	const found: HeredocMarker[] = [];
	for (const word of words) {
		const m = HEREDOC_WORD.exec(word);
		if (!m || m[3] === "") continue;
		try {
			const name = processWord(m[3], empty, { escape: "\\", skipUnset: true }).words;
			if (name.length === 1) found.push({ name: name[0], stripTabs: m[2] === "-" });
		} catch {
			// not a heredoc word
		}
	}
	return found;
}

/** Leading white space, as Go's unicode.IsSpace sees it. */
function trimLeft(line: string): string {
	const c = line.charCodeAt(0);
	if (c > 32 && c < 128) return line; // the usual case: nothing to trim
	return line.replace(/^\s+/u, "");
}

function isComment(line: string): boolean {
	return trimLeft(line).startsWith("#");
}

/**
 * Lexes a Dockerfile. Never throws; what BuildKit's parser refuses becomes `rejection`.
 * @param text the whole Dockerfile
 */
export function lexDockerfile(text: string): Lexed {
	const lexed: Lexed = { directives: {}, escape: "\\", instructions: [], rejection: null };
	const lines = splitLines(text.startsWith("\uFEFF") ? text.slice(1) : text);
	let i = readDirectives(lines, lexed);
	const esc = lexed.escape;
	// The escape character ends a line that goes on, unless it is itself escaped; it is cut off
	// with the spaces and tabs after it, and the pieces are joined as they are.
	/** Where a line's text ends without its continuation, or -1 when it does not go on. */
	const continued = (line: string): number => {
		let end = line.length;
		while (end > 0 && (line[end - 1] === " " || line[end - 1] === "\t")) end--;
		return end === 0 || line[end - 1] !== esc || (end >= 2 && line[end - 2] === esc) ? -1 : end - 1;
	};
	let comments: string[] = NO_COMMENTS;
	while (i < lines.length) {
		const start = i;
		const first = trimLeft(lines[i++]);
		if (first.startsWith("#")) {
			// As BuildKit keeps them: an empty comment line starts the run afresh.
			const text = first.slice(1).trim();
			comments = text === "" ? NO_COMMENTS : [...comments, text];
			continue;
		}
		let cutAt = continued(first);
		let logical = cutAt < 0 ? first : first.slice(0, cutAt);
		if (cutAt < 0 && logical === "") continue;
		let emptyContinuation = false;
		// Comment lines and blank lines inside a continued instruction are left out.
		while (cutAt >= 0 && i < lines.length) {
			const raw = lines[i++];
			if (isComment(raw)) continue;
			if (raw.trim() === "") {
				emptyContinuation = true;
				continue;
			}
			cutAt = continued(raw);
			logical += cutAt < 0 ? raw : raw.slice(0, cutAt);
		}
		logical = logical.trim();
		const space = logical.search(/\s/);
		const word = space < 0 ? logical : logical.slice(0, space);
		const args = space < 0 ? "" : logical.slice(space + 1).trim();
		const instruction: Instruction = {
			keyword: keywordOf(word),
			word: SPELLED.get(word) ?? word,
			args,
			line: start + 1,
			endLine: i,
			emptyContinuation,
			comments,
			flagSplit: undefined,
			restWords: undefined,
		};
		comments = NO_COMMENTS;
		if (logical.includes("<<") && mayHaveHeredocs(instruction)) i = skipHeredocs(lines, i, heredocMarkers(logical), instruction, lexed);
		lexed.instructions.push(instruction);
	}
	return lexed;
}

/** Upper case, without a new string for the usual spellings. */
function keywordOf(word: string): string {
	return SPELLED.get(word) ?? word.toUpperCase();
}

/** Each keyword as one shared string, so that 20,000 instructions do not keep 20,000 copies of "RUN". */
const SPELLED: ReadonlyMap<string, string> = new Map([...KEYWORDS].map((k) => [k, k]));

/** RUN, COPY and ADD (also behind ONBUILD) may have heredocs, except in their JSON form. */
function mayHaveHeredocs(ins: Instruction): boolean {
	let keyword = ins.keyword;
	let args = ins.args;
	if (keyword === "ONBUILD") {
		const space = args.search(/\s/);
		keyword = (space < 0 ? args : args.slice(0, space)).toUpperCase();
		args = space < 0 ? "" : args.slice(space + 1).trim();
	}
	if (!HEREDOC_KEYWORDS.has(keyword)) return false;
	if (!args.startsWith("[")) return true;
	try {
		const parsed: unknown = JSON.parse(args);
		return !(Array.isArray(parsed) && parsed.every((x) => typeof x === "string"));
	} catch {
		return true;
	}
}

/** Steps over the bodies of the instruction's heredocs; returns the next unread line. */
function skipHeredocs(lines: string[], i: number, markers: HeredocMarker[], instruction: Instruction, lexed: Lexed): number {
	for (const marker of markers) {
		let closed = false;
		for (; i < lines.length; i++) {
			const candidate = marker.stripTabs ? lines[i].replace(/^\t+/, "") : lines[i];
			if (candidate === marker.name) {
				closed = true;
				i++;
				break;
			}
		}
		if (!closed) {
			reject(lexed, instruction.line, "unterminated heredoc");
			break;
		}
	}
	return i;
}
