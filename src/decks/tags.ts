/**
 * Tag comparison as Obsidian does it: case-insensitive, with `#` optional on input,
 * and a tag "matches" a parent when it equals it or is a sub-tag (`#space/docker` under `#space`,
 * but not `#spaced` or `#done-space`).
 *
 * These run for every tag of every note while indexing, so ASCII tags (nearly all) are compared
 * in place, without the lower-cased copies; any other character takes the general path.
 */
import { Char } from "../model/char-codes";

/** `space/Docker` or `#space/Docker` → `#space/docker`. */
export function normaliseTag(tag: string): string {
	if (isNormalAscii(tag)) return tag;
	const trimmed = tag.trim();
	return (trimmed.startsWith("#") ? trimmed : `#${trimmed}`).toLowerCase();
}

/** True when `tag` equals `parent` or is one of its sub-tags, ignoring case. */
export function tagMatches(tag: string, parent: string): boolean {
	if (tag === parent) return true;
	const fast = tagMatchesAscii(tag, parent);
	return fast === NOT_ASCII ? tagMatchesSlowly(tag, parent) : fast === 1;
}

const NOT_ASCII = 2;

/**
 * {@link tagMatches} reading only the characters it needs: 1 or 0, or NOT_ASCII when one of
 * them is not ASCII (lower-casing is then left to the general path). Only the parent is read
 * whole; after the parent's length, the tag matters only through whether it goes on with `/`,
 * which lower-casing never creates or removes.
 */
function tagMatchesAscii(tag: string, parent: string): number {
	for (let i = 0; i < parent.length; i++) if (parent.charCodeAt(i) > Char.LastAscii) return NOT_ASCII;
	// Bodies: trimmed, without one leading `#` (normaliseTag adds `#` only when there is none).
	let ps = 0;
	let pe = parent.length;
	while (ps < pe && isAsciiSpace(parent.charCodeAt(ps))) ps++;
	while (pe > ps && isAsciiSpace(parent.charCodeAt(pe - 1))) pe--;
	if (ps < pe && parent.charCodeAt(ps) === Char.Hash) ps++;
	let ts = 0;
	let te = tag.length;
	let c = 0;
	while (ts < te && (c = tag.charCodeAt(ts)) <= Char.LastAscii && isAsciiSpace(c)) ts++;
	if (c > Char.LastAscii) return NOT_ASCII;
	while (te > ts && (c = tag.charCodeAt(te - 1)) <= Char.LastAscii && isAsciiSpace(c)) te--;
	if (c > Char.LastAscii) return NOT_ASCII;
	if (ts < te && tag.charCodeAt(ts) === Char.Hash) ts++;
	const length = pe - ps;
	// A shorter tag cannot match: only U+0130 grows when lower-cased, and not into ASCII alone.
	if (te - ts < length) return 0;
	for (let i = 0; i < length; i++) {
		c = tag.charCodeAt(ts + i);
		if (c > Char.LastAscii) return NOT_ASCII;
		if (lowerAscii(c) !== lowerAscii(parent.charCodeAt(ps + i))) return 0;
	}
	return te - ts === length || tag.charCodeAt(ts + length) === Char.Slash ? 1 : 0;
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
		const start = tag.charCodeAt(0) === Char.Hash ? 1 : 0;
		let end = tag.length;
		while (end > start && tag.charCodeAt(end - 1) === Char.Slash) end--;
		return tag.slice(start, end);
	}
	return tag.trim().replace(/^#/, "").replace(/\/+$/, "");
}

/** True when normaliseTag would return `tag` unchanged: `#`, then ASCII without capitals, untrimmed ends. */
function isNormalAscii(tag: string): boolean {
	if (tag.charCodeAt(0) !== Char.Hash || isAsciiSpace(tag.charCodeAt(tag.length - 1))) return false;
	for (let i = 1; i < tag.length; i++) {
		const c = tag.charCodeAt(i);
		if (c > Char.LastAscii || (c >= Char.UpperA && c <= Char.UpperZ)) return false;
	}
	return true;
}

/** The whitespace `trim` removes below 128. */
function isAsciiSpace(c: number): boolean {
	return c === Char.Space || (c >= Char.Tab && c <= Char.CarriageReturn);
}

function isVisibleAscii(c: number): boolean {
	return c > Char.Space && c < Char.LastAscii;
}

function lowerAscii(c: number): number {
	return c >= Char.UpperA && c <= Char.UpperZ ? c + 32 : c;
}
