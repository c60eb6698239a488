/**
 * Deck resolution (docs/format.md, "Decks, tags and filters"). The deck of a card is the first of these that applies:
 * 1. a flashcard tag at the very start of the card's first line;
 * 2. the flashcard tags on the nearest body line above the card that holds any (all of them) and
 *    is not a line of a card (a tag on a card's lines is that card's only, as in the other plugin);
 * 3. the flashcard tags in the frontmatter;
 * 4. the first flashcard tag in the note.
 * A deck is the tag path as written without `#`, e.g. `space/docker/40-day-course/x`.
 */
import { Char } from "../model/char-codes";
import { deckPathOfTag, tagMatchesAny } from "./tags";

/** What a card's decks are chosen from; tags as written, with `#`, already filtered to flashcard tags. */
export interface DeckSources {
	leadingTag: string | null;
	nearestLineTags: readonly string[];
	frontmatterTags: readonly string[];
	firstNoteTag: string | null;
}

/** The card's decks by the four rules, without duplicates, in the order found. */
export function resolveDecks(sources: DeckSources): string[] {
	if (sources.leadingTag) return [deckPathOfTag(sources.leadingTag)];
	if (sources.nearestLineTags.length > 0) return unique(sources.nearestLineTags.map(deckPathOfTag));
	if (sources.frontmatterTags.length > 0) return unique(sources.frontmatterTags.map(deckPathOfTag));
	return sources.firstNoteTag ? [deckPathOfTag(sources.firstNoteTag)] : [];
}

/** The tags of `tags` that are flashcard tags (or sub-tags of one). */
export function flashcardTagsOf(tags: readonly string[], flashcardTags: readonly string[]): string[] {
	const out: string[] = [];
	for (let i = 0; i < tags.length; i++) if (tagMatchesAny(tags[i], flashcardTags)) out.push(tags[i]);
	return out;
}

/**
 * A flashcard tag at the very start of `text` (after spaces), followed by whitespace or the end:
 * the tag and the text after it. Null when the text does not start with one.
 */
export function leadingFlashcardTag(text: string, flashcardTags: readonly string[]): { tag: string; rest: string } | null {
	const trimmed = text.trimStart();
	if (!trimmed.startsWith("#")) return null;
	let end = 1;
	while (end < trimmed.length && !isSpaceAt(trimmed, end)) end++;
	const tag = trimmed.slice(0, end);
	if (!tagMatchesAny(tag, flashcardTags)) return null;
	return { tag, rest: trimmed.slice(end) };
}

/** True when `text[i]` is whitespace as `/\s/` sees it (ASCII decided without the regex). */
function isSpaceAt(text: string, i: number): boolean {
	const c = text.charCodeAt(i);
	if (c <= Char.LastAscii) return c === Char.Space || (c >= Char.Tab && c <= Char.CarriageReturn);
	return /\s/.test(text[i]);
}

function unique(values: string[]): string[] {
	// The usual card has one deck: nothing to compare.
	if (values.length === 1) return values[0] ? values : [];
	const seen = new Set<string>();
	const out: string[] = [];
	for (const v of values) {
		const key = v.toLowerCase();
		if (v && !seen.has(key)) {
			seen.add(key);
			out.push(v);
		}
	}
	return out;
}
