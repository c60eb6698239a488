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
	/** Per note, by `cardKeyOf` of the session item (its file and first line when the session started). */
	private readonly byFile = new Map<string, Map<string, Card>>();

	add(item: SessionItem): void {
		this.set(item, item.card);
	}

	/** The card of `item` as it is now (as first read until a write changed its note). */
	get(item: SessionItem): Card {
		return this.byFile.get(item.file)?.get(cardKeyOf(item)) ?? item.card;
	}

	/** Puts back a version of the card (e.g. after an edit that left the session). */
	set(item: SessionItem, card: Card): void {
		let cards = this.byFile.get(item.file);
		if (!cards) this.byFile.set(item.file, (cards = new Map<string, Card>()));
		cards.set(cardKeyOf(item), card);
	}

	/**
	 * After a write this session did not make (a card action): each card of `file` as `find`
	 * finds it in the note now, or left as it is when not found.
	 */
	refind(file: string, find: (card: Card) => Card | null): void {
		const cards = this.byFile.get(file);
		if (!cards) return;
		for (const [key, card] of cards) {
			const now = find(card);
			if (now !== null) cards.set(key, now);
		}
	}

	/** The card after an edit of `item`'s card, or undefined when its line holds no card now. */
	edited(item: SessionItem): Card | undefined {
		return this.byFile.get(item.file)?.get(cardKeyOf(item));
	}

	/**
	 * Updates the cards of `changed`'s note from its new cards (`parsed`, the note as written):
	 * the changed card is found at its own line (by line alone after an edit), the others by
	 * their text where they moved to (`lineDelta` lines later when below the changed card).
	 * Linear in the note's cards, whatever their number.
	 */
	afterWrite(changed: SessionItem, parsed: readonly Card[], lineDelta: number, edited: boolean): void {
		const cards = this.byFile.get(changed.file);
		if (!cards) return;
		const atLine = new Map<number, Card>();
		for (const card of parsed) atLine.set(card.startLine, card);
		const changedKey = cardKeyOf(changed);
		const changedLine = this.get(changed).startLine;
		for (const [key, card] of cards) {
			const changedCard = key === changedKey;
			const expected = changedCard || card.startLine <= changedLine ? card.startLine : card.startLine + lineDelta;
			const now = atLine.get(expected);
			const same = now !== undefined && ((changedCard && edited) || sourceKey(now.source) === sourceKey(card.source));
			if (same) cards.set(key, now);
			else if (changedCard && edited) cards.delete(key);
		}
	}
}
