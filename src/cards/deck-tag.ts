/**
 * A card's own deck tag (docs/format.md, "Decks"): one rule for every card kind, so that a
 * single-line card, a multi-line question and a cloze agree on it.
 */
import { leadingFlashcardTag } from "../decks/resolve";

/**
 * The flashcard tag that opens a card's first line, and the card's text after it. Only where
 * nothing but spaces stands before it on the line (`before`): a tag after a list bullet, inside a
 * callout or after a callout's title is question text, as the other plugin reads it.
 */
export function deckTagOf(before: string, text: string, flashcardTags: readonly string[]): { tag: string; rest: string } | null {
	return before.trim() === "" ? leadingFlashcardTag(text, flashcardTags) : null;
}
