/**
 * Turns Dockerfile text into logical instructions the way BuildKit's parser does: parser
 * directives at the very top, line continuations with the escape character, comments and empty
 * lines dropped (also inside continuations), heredoc bodies kept out of the instruction stream.
 */

export interface Instruction {
	/** Upper-cased keyword (`FROM`, `COPY` …). */
	keyword: string;
	/** Everything after the keyword, continuation lines joined with a space. */
	args: string;
	/** 1-based line of the instruction's first physical line. */
	line: number;
	/** Heredoc bodies that belong to this instruction, in order. */
	heredocs: string[];
}

/** Something the lexer noticed that a user should hear about. */
export interface LexNote {
	rule: string;
	message: string;
	reason: string;
	line: number;
}

export interface Lexed {
	directives: Record<string, string>;
	escape: "\\" | "`";
	instructions: Instruction[];
	notes: LexNote[];
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.*?)\s*$/;
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

/** Reads the parser directives; returns the index of the first line after them. */
function readDirectives(lines: string[], lexed: Lexed): number {
	let i = 0;
	for (; i < lines.length; i++) {
		const m = DIRECTIVE.exec(lines[i]);
		if (!m) break;
		const key = m[1].toLowerCase();
		// An unknown directive is an ordinary comment and, like any comment, ends the scan.
		if (!KNOWN_DIRECTIVES.has(key)) break;
		if (key in lexed.directives) {
			lexed.notes.push({
				rule: "duplicate-directive",
				message: `Keep a single "# ${key}=" directive.`,
				reason: "BuildKit rejects a parser directive that appears twice.",
				line: i + 1,
			});
			continue;
		}
		lexed.directives[key] = m[2];
		if (key === "escape") {
			if (m[2] === "`" || m[2] === "\\") lexed.escape = m[2];
			else
				lexed.notes.push({
					rule: "invalid-escape",
					message: "Use \\ or ` as the escape character.",
					reason: `"${m[2]}" is not a valid escape character, so BuildKit refuses the file.`,
					line: i + 1,
				});
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
 * Lexes a Dockerfile. Never throws; problems become notes.
 * @param text the whole Dockerfile
 */
export function lexDockerfile(text: string): Lexed {
	const lexed: Lexed = { directives: {}, escape: "\\", instructions: [], notes: [] };
	const lines = splitLines(text);
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
		const keyword = (space < 0 ? logical : logical.slice(0, space)).toUpperCase();
		const args = space < 0 ? "" : logical.slice(space + 1).trim();
		const instruction: Instruction = { keyword, args, line: start + 1, heredocs: [] };
		if (HEREDOC_KEYWORDS.has(keyword)) i = readHeredocs(lines, i, instruction, lexed);
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
			lexed.notes.push({
				rule: "unterminated-heredoc",
				message: `End the heredoc with a line reading ${marker.name}.`,
				reason: "Without it, everything to the end of the file becomes part of the heredoc.",
				line: instruction.line,
			});
			break;
		}
	}
	return i;
}
