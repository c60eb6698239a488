/**
 * Which notes are read (docs/format.md, "Reading cards"): a note with a flashcard tag (or a sub-tag), without an
 * ignored tag, outside the ignored folders. Folder patterns are globs: `*` (any characters but
 * `/`), `**` (anything), `?` (one character but `/`); a pattern without glob characters matches
 * that folder (or file) and everything below it.
 */
import type { ParserSettings } from "../settings/settings";
import { tagMatchesAny } from "./tags";

/**
 * True when the note at vault-relative `path` with `tags` is read for cards. `hasFlashcardTag`,
 * when the caller already knows it, saves matching the tags again.
 */
export function isNoteIncluded(path: string, tags: readonly string[], settings: ParserSettings, hasFlashcardTag?: boolean): boolean {
	if (!(hasFlashcardTag ?? anyMatches(tags, settings.flashcardTags))) return false;
	if (settings.ignoredTags.length > 0 && anyMatches(tags, settings.ignoredTags)) return false;
	return !isPathIgnored(path, settings.ignoredFolders);
}

function anyMatches(tags: readonly string[], parents: readonly string[]): boolean {
	for (let i = 0; i < tags.length; i++) if (tagMatchesAny(tags[i], parents)) return true;
	return false;
}

/** True when `path` (vault-relative, `/`-separated) lies in a folder matched by one of `patterns`. */
function isPathIgnored(path: string, patterns: readonly string[]): boolean {
	if (patterns.length === 0) return false;
	const normal = normalisePath(path);
	return patterns.some((pattern) => globMatchesPathOrParent(pattern, normal));
}

/** True when `pattern` matches `path` itself or one of the folders that contain it. */
function globMatchesPathOrParent(pattern: string, path: string): boolean {
	const p = normalisePath(pattern);
	if (p === "") return false;
	if (!/[*?]/.test(p)) return path === p || path.startsWith(`${p}/`);
	const regex = globToRegExp(p);
	if (regex.test(path)) return true;
	for (let slash = path.indexOf("/"); slash >= 0; slash = path.indexOf("/", slash + 1)) {
		if (regex.test(path.slice(0, slash))) return true;
	}
	return false;
}

function globToRegExp(pattern: string): RegExp {
	let source = "";
	for (let i = 0; i < pattern.length; i++) {
		const c = pattern[i];
		if (c === "*" && pattern[i + 1] === "*") {
			// `**/` also matches no folder at all (`a/**/b` matches `a/b`).
			if (pattern[i + 2] === "/") {
				source += "(?:.*/)?";
				i += 2;
			} else {
				source += ".*";
				i++;
			}
		} else if (c === "*") {
			source += "[^/]*";
		} else if (c === "?") {
			source += "[^/]";
		} else {
			source += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
		}
	}
	return new RegExp(`^${source}$`);
}

function normalisePath(path: string): string {
	return path
		.replace(/\\/g, "/")
		.replace(/^\.?\/+/, "")
		.replace(/\/+$/, "");
}
