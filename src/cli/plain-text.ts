/**
 * Markdown as plain text for the terminal: enough to read a card comfortably, not a renderer.
 * Code blocks keep their content (indented), links show their text, emphasis marks go.
 */

const FENCE = /^(\s*(?:>\s?)*)(`{3,}|~{3,})\s*([\w+-]*)/;

export function markdownToPlainText(markdown: string): string {
	const out: string[] = [];
	let fence: string | null = null;
	for (const line of markdown.split(/\r\n|\r|\n/)) {
		const match = FENCE.exec(line);
		if (match) {
			const marker = match[2];
			if (fence === null) {
				fence = marker;
				out.push(match[3] ? `  [${match[3]}]` : "");
				continue;
			}
			if (marker[0] === fence[0] && marker.length >= fence.length) {
				fence = null;
				continue;
			}
		}
		if (fence !== null) {
			out.push(`    ${line}`);
			continue;
		}
		out.push(inlineToPlain(line));
	}
	return out
		.join("\n")
		.replace(/\n{3,}/g, "\n\n")
		.trim();
}

function inlineToPlain(line: string): string {
	return line
		.replace(/^(\s*)#{1,6}\s+/, "$1")
		.replace(/^(\s*)>\s?(\[![^\]]*\][+-]?\s*)?/, "$1│ ")
		.replace(/!?\[\[([^\]|]*)\|([^\]]*)\]\]/g, "$2")
		.replace(/!?\[\[([^\]]*)\]\]/g, "$1")
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
		.replace(/(\*\*|__)(.+?)\1/g, "$2")
		.replace(/==(.+?)==/g, "$1")
		.replace(/(^|[^*\w])\*(?!\s)([^*]+?)\*(?!\w)/g, "$1$2")
		.replace(/`([^`]+)`/g, "$1")
		.replace(/<!--.*?-->/g, "")
		.replace(/%%.*?%%/g, "")
		.replace(/\s+\^[\w-]+$/, "");
}
