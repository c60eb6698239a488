/**
 * Tag comparison as Obsidian does it: case-insensitive, with `#` optional on input,
 * and a tag "matches" a parent when it equals it or is a sub-tag (`#space/docker` under `#space`,
 * but not `#spaced` or `#done-space`).
 */

/** `space/Docker` or `#space/Docker` → `#space/docker`. */
export function normaliseTag(tag: string): string {
	const trimmed = tag.trim();
	return (trimmed.startsWith("#") ? trimmed : `#${trimmed}`).toLowerCase();
}

/** True when `tag` equals `parent` or is one of its sub-tags, ignoring case. */
export function tagMatches(tag: string, parent: string): boolean {
	const t = normaliseTag(tag);
	const p = normaliseTag(parent);
	return t === p || (t.length > p.length && t.startsWith(p) && t.charAt(p.length) === "/");
}

/** True when `tag` matches any of `parents`. */
export function tagMatchesAny(tag: string, parents: readonly string[]): boolean {
	return parents.some((parent) => tagMatches(tag, parent));
}

/** The deck path of a tag as written: `#space/docker/x` → `space/docker/x`. */
export function deckPathOfTag(tag: string): string {
	return tag.trim().replace(/^#/, "").replace(/\/+$/, "");
}
