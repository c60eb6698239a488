/**
 * Finds the Dockerfile code blocks of a Markdown note: fenced with ``` or ~~~, at any
 * indentation or inside block quotes, with info string dockerfile, docker or containerfile
 * (any case). Fences of other languages are skipped whole, so a Dockerfile fence shown inside
 * a ```markdown block is not a block of the note.
 */
import { splitLines } from "./lexer";

export interface DockerBlock {
	/** 1-based line of the opening fence. */
	line: number;
	/** 1-based line of the closing fence, or null when the fence runs to the end of the note. */
	endLine: number | null;
	/** The block's text, fence lines excluded, quote markers and fence indentation removed. */
	body: string;
	/** The info string's first word as written. */
	language: string;
}

/** Info strings that mark a Dockerfile block (compared lowercased). */
const DOCKER_LANGUAGES: ReadonlySet<string> = new Set(["dockerfile", "docker", "containerfile"]);

const QUOTE_PREFIX = /^(?:[ \t]{0,3}>[ ]?)+/;
const FENCE = /^([ \t]*)(`{3,}|~{3,})(.*)$/;

/** Whether `language` (an info string or its first word) names a Dockerfile. */
export function isDockerLanguage(language: string): boolean {
	return DOCKER_LANGUAGES.has(language.trim().split(/\s+/)[0].toLowerCase());
}

/** Every Dockerfile block of `markdown`, in order. */
export function findDockerBlocks(markdown: string): DockerBlock[] {
	return findFencedBlocks(markdown, isDockerLanguage);
}

/**
 * The text of the note's first ```` ```dockerignore ```` block: the build context's .dockerignore
 * for the note's Dockerfile blocks. Null when the note has none.
 */
export function findDockerignore(markdown: string): string | null {
	if (!markdown.includes("dockerignore")) return null;
	return findFencedBlocks(markdown, (language) => language.toLowerCase() === "dockerignore")[0]?.body ?? null;
}

/** Every fenced block whose info string's first word `wanted` accepts. */
function findFencedBlocks(markdown: string, wanted: (language: string) => boolean): DockerBlock[] {
	const lines = splitLines(markdown);
	const blocks: DockerBlock[] = [];
	for (let i = 0; i < lines.length; i++) {
		const quote = QUOTE_PREFIX.exec(lines[i])?.[0] ?? "";
		const m = FENCE.exec(lines[i].slice(quote.length));
		if (!m) continue;
		const [, indent, fence, info] = m;
		// A backtick fence's info string may not contain backticks (CommonMark).
		if (fence[0] === "`" && info.includes("`")) continue;
		const depth = (quote.match(/>/g) ?? []).length;
		const body: string[] = [];
		let end: number | null = null;
		let j = i + 1;
		for (; j < lines.length; j++) {
			const q = QUOTE_PREFIX.exec(lines[j])?.[0] ?? "";
			if ((q.match(/>/g) ?? []).length < depth) break; // the quote ended, so did the block
			const content = lines[j].slice(q.length);
			const close = /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(content);
			if (close && close[1][0] === fence[0] && close[1].length >= fence.length) {
				end = j;
				break;
			}
			body.push(stripIndent(content, indent.length));
		}
		const language = info.trim().split(/\s+/)[0] ?? "";
		if (language !== "" && wanted(language)) blocks.push({ line: i + 1, endLine: end === null ? null : end + 1, body: body.join("\n"), language });
		i = end ?? j - 1;
	}
	return blocks;
}

function stripIndent(line: string, n: number): string {
	let k = 0;
	while (k < n && k < line.length && line[k] === " ") k++;
	return line.slice(k);
}
