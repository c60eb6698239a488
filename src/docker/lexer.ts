/**
 * Turns Dockerfile text into logical instructions the way BuildKit's parser does: parser
 * directives at the very top, line continuations with the escape character, comments and empty
 * lines dropped (also inside continuations), heredoc bodies kept out of the instruction stream.
 */

export interface Instruction {
	/** Upper-cased keyword (`FROM`, `COPY` …). */
	keyword: string;
	/** The keyword as written. */
	word: string;
	/** Everything after the keyword, continuation lines joined with a space. */
	args: string;
	/** 1-based line of the instruction's first physical line. */
	line: number;
	/** Heredoc bodies that belong to this instruction, in order. */
	heredocs: string[];
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
	"FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT",
	"VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
]);

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const KNOWN_DIRECTIVES = new Set(["syntax", "escape", "check"]);
/**
 * Heredoc markers: `<<EOF`, `<<-EOF`, `<<"EOF"`, `<<'EOF'`; not `<<<` here-strings. The character
 * before `<<` is matched, not looked behind: iOS before 16.4 cannot compile a lookbehind, and one
 * such regular expression stops the whole plugin from loading there.
 */
const HEREDOC = /(^|[^<\w])<<(-?)(["']?)([A-Za-z_][\w.-]*)\3/g;
const HEREDOC_KEYWORDS = new Set(["RUN", "COPY", "ADD"]);

/** Splits text into lines, accepting LF, CRLF and lone CR endings. */
export function splitLines(text: string): string[] {
	return text.split(/\r\n|\r|\n/);
}

function isBlankOrComment(line: string): boolean {
	const t = line.trimStart();
	return t === "" || t.startsWith("#");
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

/** The heredoc markers of one logical instruction, in order. */
function heredocMarkers(args: string): { name: string; stripTabs: boolean }[] {
	const found: { name: string; stripTabs: boolean }[] = [];
	HEREDOC.lastIndex = 0;
	for (let m = HEREDOC.exec(args); m; m = HEREDOC.exec(args)) found.push({ name: m[4], stripTabs: m[2] === "-" });
	return found;
}

/**
 * Lexes a Dockerfile. Never throws; what BuildKit's parser refuses becomes `rejection`.
 * @param text the whole Dockerfile
 */
export function lexDockerfile(text: string): Lexed {
	const lexed: Lexed = { directives: {}, escape: "\\", instructions: [], rejection: null };
	const lines = splitLines(text.startsWith("\uFEFF") ? text.slice(1) : text);
	let i = readDirectives(lines, lexed);
	const esc = lexed.escape === "`" ? "`" : "\\\\";
	const continuation = new RegExp(`${esc}[ \\t]*$`);
	while (i < lines.length) {
		if (isBlankOrComment(lines[i])) {
			i++;
			continue;
		}
		const start = i;
		const parts: string[] = [];
		// Collect the logical line: continuation lines, minus comments and blank lines inside it.
		for (; i < lines.length; i++) {
			const raw = lines[i];
			if (i > start && isBlankOrComment(raw)) continue;
			const m = continuation.exec(raw);
			if (!m) {
				parts.push(raw);
				i++;
				break;
			}
			parts.push(raw.slice(0, m.index));
		}
		const logical = parts.join(" ").trim();
		const space = logical.search(/\s/);
		const word = space < 0 ? logical : logical.slice(0, space);
		const args = space < 0 ? "" : logical.slice(space + 1).trim();
		const instruction: Instruction = { keyword: word.toUpperCase(), word, args, line: start + 1, heredocs: [] };
		if (HEREDOC_KEYWORDS.has(instruction.keyword)) i = readHeredocs(lines, i, instruction, lexed);
		lexed.instructions.push(instruction);
	}
	return lexed;
}

/** Consumes the bodies of the instruction's heredocs; returns the next unread line. */
function readHeredocs(lines: string[], i: number, instruction: Instruction, lexed: Lexed): number {
	for (const marker of heredocMarkers(instruction.args)) {
		const body: string[] = [];
		let closed = false;
		for (; i < lines.length; i++) {
			const candidate = marker.stripTabs ? lines[i].replace(/^\t+/, "") : lines[i];
			if (candidate === marker.name) {
				closed = true;
				i++;
				break;
			}
			body.push(candidate);
		}
		instruction.heredocs.push(body.join("\n"));
		if (!closed) {
			reject(lexed, instruction.line, "unterminated heredoc");
			break;
		}
	}
	return i;
}
