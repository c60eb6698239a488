/**
 * Tag comparison as Obsidian does it: case-insensitive, with `#` optional on input,
 * and a tag "matches" a parent when it equals it or is a sub-tag (`#space/docker` under `#space`,
 * but not `#spaced` or `#done-space`).
 *
 * These run for every tag of every note while indexing, so ASCII tags (nearly all) are compared
 * in place, without the lower-cased copies; any other character takes the general path.
 */

/** `space/Docker` or `#space/Docker` → `#space/docker`. */
export function normaliseTag(tag: string): string {
	if (isNormalAscii(tag)) return tag;
	const trimmed = tag.trim();
	return (trimmed.startsWith("#") ? trimmed : `#${trimmed}`).toLowerCase();
}

/** True when `tag` equals `parent` or is one of its sub-tags, ignoring case. */
export function tagMatches(tag: string, parent: string): boolean {
	if (tag === parent) return true;
	if (!isAscii(tag) || !isAscii(parent)) return tagMatchesSlowly(tag, parent);
	// Bodies: trimmed, without one leading `#` (normaliseTag adds `#` only when there is none).
	let ts = 0;
	let te = tag.length;
	while (ts < te && isAsciiSpace(tag.charCodeAt(ts))) ts++;
	while (te > ts && isAsciiSpace(tag.charCodeAt(te - 1))) te--;
	if (ts < te && tag.charCodeAt(ts) === 35) ts++;
	let ps = 0;
	let pe = parent.length;
	while (ps < pe && isAsciiSpace(parent.charCodeAt(ps))) ps++;
	while (pe > ps && isAsciiSpace(parent.charCodeAt(pe - 1))) pe--;
	if (ps < pe && parent.charCodeAt(ps) === 35) ps++;
	const length = pe - ps;
	if (te - ts < length) return false;
	for (let i = 0; i < length; i++) {
		if (lowerAscii(tag.charCodeAt(ts + i)) !== lowerAscii(parent.charCodeAt(ps + i))) return false;
	}
	return te - ts === length || tag.charCodeAt(ts + length) === 47;
}

function tagMatchesSlowly(tag: string, parent: string): boolean {
	const t = normaliseTag(tag);
	const p = normaliseTag(parent);
	return t === p || (t.length > p.length && t.startsWith(p) && t.charAt(p.length) === "/");
}

/** True when `tag` matches any of `parents`. */
export function tagMatchesAny(tag: string, parents: readonly string[]): boolean {
	for (let i = 0; i < parents.length; i++) if (tagMatches(tag, parents[i])) return true;
	return false;
}

/** The deck path of a tag as written: `#space/docker/x` → `space/docker/x`. */
export function deckPathOfTag(tag: string): string {
	const last = tag.charCodeAt(tag.length - 1);
	// Nothing to trim when both ends are visible ASCII: cut `#` and trailing `/` by offsets.
	if (isVisibleAscii(tag.charCodeAt(0)) && isVisibleAscii(last)) {
		const start = tag.charCodeAt(0) === 35 ? 1 : 0;
		let end = tag.length;
		while (end > start && tag.charCodeAt(end - 1) === 47) end--;
		return tag.slice(start, end);
	}
	return tag.trim().replace(/^#/, "").replace(/\/+$/, "");
}

function isAscii(text: string): boolean {
	for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
	return true;
}

/** True when normaliseTag would return `tag` unchanged: `#`, then ASCII without capitals, untrimmed ends. */
function isNormalAscii(tag: string): boolean {
	if (tag.charCodeAt(0) !== 35 || isAsciiSpace(tag.charCodeAt(tag.length - 1))) return false;
	for (let i = 1; i < tag.length; i++) {
		const c = tag.charCodeAt(i);
		if (c > 127 || (c >= 65 && c <= 90)) return false;
	}
	return true;
}

/** The whitespace `trim` removes below 128. */
function isAsciiSpace(c: number): boolean {
	return c === 32 || (c >= 9 && c <= 13);
}

function isVisibleAscii(c: number): boolean {
	return c > 32 && c < 127;
}

function lowerAscii(c: number): number {
	return c >= 65 && c <= 90 ? c + 32 : c;
}
