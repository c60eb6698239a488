/**
 * Links between notes, for the link ranks of a new note's first ease, read from the text where
 * Obsidian's own resolved links are not at hand (the command line). A link is `[[target]]`,
 * `[[target|alias]]`, `[[target#heading]]` (also embedded, `![[…]]`) or `[text](path.md)`, outside
 * fenced code. A target resolves like Obsidian's shortest-path links: a path from the vault root
 * (or from the linking note's folder), else the note of that name nearest to the linking note
 * (same folder first, then the shortest path).
 */

const WIKI = /!?\[\[([^\]|#^\n]+)(?:[#^][^\]|\n]*)?(?:\|[^\]\n]*)?\]\]/g;
const MARKDOWN = /\[[^\]\n]*\]\(<?([^)<>\n]+?\.md)>?(?:#[^)\n]*)?\)/gi;

/** Link targets in a note's text, as written (without `.md` for wiki links), in order. */
function linkTargets(text: string): string[] {
	const out: string[] = [];
	let fence: string | null = null;
	for (const line of text.split(/\r?\n/)) {
		const marker = /^\s*(`{3,}|~{3,})/.exec(line);
		if (marker) {
			if (fence === null) fence = marker[1][0];
			else if (marker[1][0] === fence) fence = null;
			continue;
		}
		if (fence !== null) continue;
		for (const m of line.matchAll(WIKI)) out.push(m[1].trim());
		for (const m of line.matchAll(MARKDOWN)) out.push(safeDecode(m[1].trim()));
	}
	return out;
}

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** Finds notes by link target among the vault's Markdown paths. */
export class LinkResolver {
	private readonly byName = new Map<string, string[]>();
	private readonly paths: Set<string>;

	constructor(paths: readonly string[]) {
		this.paths = new Set(paths);
		for (const path of paths) {
			const name = baseName(path).toLowerCase();
			const list = this.byName.get(name) ?? [];
			list.push(path);
			this.byName.set(name, list);
		}
	}

	/** The path `target` links to from the note at `from`, or null when it names no note here. */
	resolve(target: string, from: string): string | null {
		const withExt = /\.md$/i.test(target) ? target : `${target}.md`;
		const clean = withExt.replace(/^\/+/, "");
		if (this.paths.has(clean)) return clean;
		const folder = from.includes("/") ? from.slice(0, from.lastIndexOf("/") + 1) : "";
		const relative = normalise(folder + clean);
		if (relative !== null && this.paths.has(relative)) return relative;
		const candidates = this.byName.get(baseName(clean).toLowerCase()) ?? [];
		const suffix = clean.toLowerCase();
		const fitting = candidates.filter((p) => p.toLowerCase() === suffix || p.toLowerCase().endsWith(`/${suffix}`));
		if (fitting.length === 0) return null;
		const near = fitting.find((p) => p.startsWith(folder) && !p.slice(folder.length).includes("/"));
		return near ?? [...fitting].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0];
	}

	/** The notes `text` (the note at `from`) links to, with how many links to each. */
	linksOf(text: string, from: string): Map<string, number> {
		const out = new Map<string, number>();
		for (const target of linkTargets(text)) {
			const path = this.resolve(target, from);
			if (path !== null) out.set(path, (out.get(path) ?? 0) + 1);
		}
		return out;
	}
}

function baseName(path: string): string {
	return path.slice(path.lastIndexOf("/") + 1);
}

/** `a/./b/../c.md` → `a/c.md`; null when it climbs out of the vault. */
function normalise(path: string): string | null {
	const parts: string[] = [];
	for (const part of path.split("/")) {
		if (part === "" || part === ".") continue;
		if (part === "..") {
			if (parts.length === 0) return null;
			parts.pop();
		} else parts.push(part);
	}
	return parts.join("/");
}
