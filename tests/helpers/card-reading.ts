/**
 * What a reader sees of a card, its scheduling comment aside: kind, both sides, decks and each
 * sibling's question and answer. Written independently of the write-back's own check, so the
 * tests that rewrite notes compare cards with it.
 */
import type { Card } from "../../src/model/card";

export function cardReading(card: Card) {
	return {
		kind: card.kind,
		front: card.front,
		back: card.back,
		decks: card.decks,
		sides: card.siblings.map((s) => [s.question, s.answer]),
	};
}
