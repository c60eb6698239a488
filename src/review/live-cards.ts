/**
 * The latest parse of each card in a review session. Cards move while the session runs (a new
 * comment line shifts the cards below it, an edit changes a card's text), so every write
 * addresses the note with the card as it is now; the session's own items never change.
 */
import type { Card } from "../model/card";
import type { SessionItem } from "./session";
import { cardKeyOf } from "./session-item";
import { sourceKey } from "../writeback/find-card";

export class LiveCards {
	/** By `cardKeyOf` of the session item (its file and first line when the session started). */
	private readonly cards = new Map<string, Card>();

	add(item: SessionItem): void {
		this.cards.set(cardKeyOf(item), item.card);
	}

	/** The card of `item` as it is now (as first read until a write changed its note). */
	get(item: SessionItem): Card {
		return this.cards.get(cardKeyOf(item)) ?? item.card;
	}

	/** Puts back a version of the card (e.g. after an edit that left the session). */
	set(item: SessionItem, card: Card): void {
		this.cards.set(cardKeyOf(item), card);
	}

	/** The card after an edit of `item`'s card, or undefined when its line holds no card now. */
	edited(item: SessionItem): Card | undefined {
		return this.cards.get(cardKeyOf(item));
	}

	/**
	 * Updates the cards of `changed`'s note from its new cards (`parsed`, the note as written):
	 * the changed card is found at its own line (by line alone after an edit), the others by
	 * their text where they moved to (`lineDelta` lines later when below the changed card).
	 */
	afterWrite(changed: SessionItem, parsed: readonly Card[], lineDelta: number, edited: boolean): void {
		const changedKey = cardKeyOf(changed);
		const changedLine = this.get(changed).startLine;
		for (const [key, card] of this.cards) {
			if (!key.startsWith(`${changed.file}\u0000`)) continue;
			if (key === changedKey) {
				const now = parsed.find((c) => c.startLine === changedLine && (edited || sourceKey(c.source) === sourceKey(card.source)));
				if (now) this.cards.set(key, now);
				else if (edited) this.cards.delete(key);
				continue;
			}
			const expected = card.startLine > changedLine ? card.startLine + lineDelta : card.startLine;
			const now = parsed.find((c) => c.startLine === expected && sourceKey(c.source) === sourceKey(card.source));
			if (now) this.cards.set(key, now);
		}
	}
}
