/**
 * Burying and daily limits while the review and new queues are filled. They work on small
 * numbers per entry, in the (shuffled) order of indexes: after a shuffle, following every
 * entry's pointers again would be slow cache misses.
 */
import type { Card } from "../model/card";
import type { QueueEntry } from "./session-item";

/** Numbers of the cards of two lists, and how many cards there are. */
export interface CardIds {
	first: Int32Array;
	second: Int32Array;
	count: number;
}

/** Numbers of the decks of two lists, and the deck of each number. */
export interface DeckIds {
	first: Int32Array;
	second: Int32Array;
	names: string[];
}

/** What {@link takeWithinLimits} needs to know of one list's entries. */
export interface LimitContext {
	/** The card number of each entry; null when siblings are not buried. */
	cardOf: Int32Array | null;
	/** Cards already taken (by number), shared by the lists so a card is taken once in all. */
	seen: Uint8Array | null;
	/** The deck number of each entry. */
	deckOf: Int32Array;
	/** The deck of each number. */
	deckNames: readonly string[];
	/** Entries a deck may have in this list in a day. */
	limit: number;
	/** Entries of the deck already answered today. */
	already(deck: string): number;
}

/**
 * The entries at `indexes`, in that order, leaving out a card already taken (when burying) and
 * an entry whose deck has reached its daily limit.
 */
export function takeWithinLimits(entries: readonly QueueEntry[], indexes: Int32Array, context: LimitContext): QueueEntry[] {
	const { cardOf, seen, deckOf, deckNames, limit } = context;
	// Entries taken per deck in this list; NaN until the deck's first entry.
	const taken = new Float64Array(deckNames.length).fill(Number.NaN);
	const out: QueueEntry[] = [];
	for (const index of indexes) {
		if (seen !== null && cardOf !== null) {
			if (seen[cardOf[index]] === 1) continue;
			seen[cardOf[index]] = 1;
		}
		const deck = deckOf[index];
		const count = Number.isNaN(taken[deck]) ? context.already(deckNames[deck]) : taken[deck];
		if (count >= limit) continue;
		taken[deck] = count + 1;
		out.push(entries[index]);
	}
	return out;
}

/** Numbers for the cards of two lists: one per file and first line, as `cardKeyOf` tells cards apart. */
export function cardIds(first: readonly QueueEntry[], second: readonly QueueEntry[]): CardIds {
	const byFile = new Map<string, Map<number, number>>();
	let count = 0;
	const number = (entries: readonly QueueEntry[]): Int32Array => {
		const ids = new Int32Array(entries.length);
		let lastCard: Card | null = null;
		let lastFile = "";
		for (let i = 0; i < entries.length; i++) {
			const { card, file } = entries[i].item;
			// Siblings of a card are next to each other in position order.
			if (card === lastCard && file === lastFile) {
				ids[i] = ids[i - 1];
				continue;
			}
			let lines = byFile.get(file);
			if (lines === undefined) byFile.set(file, (lines = new Map<number, number>()));
			let id = lines.get(card.startLine);
			if (id === undefined) lines.set(card.startLine, (id = count++));
			ids[i] = id;
			lastCard = card;
			lastFile = file;
		}
		return ids;
	};
	return { first: number(first), second: number(second), count };
}

/** Numbers for the decks of two lists, and the deck of each number. */
export function deckIds(first: readonly QueueEntry[], second: readonly QueueEntry[]): DeckIds {
	const byName = new Map<string, number>();
	const names: string[] = [];
	const number = (entries: readonly QueueEntry[]): Int32Array => {
		const ids = new Int32Array(entries.length);
		let last: string | null = null;
		let lastId = 0;
		for (let i = 0; i < entries.length; i++) {
			const deck = entries[i].item.deck;
			if (deck !== last) {
				let id = byName.get(deck);
				if (id === undefined) byName.set(deck, (id = names.push(deck) - 1));
				last = deck;
				lastId = id;
			}
			ids[i] = lastId;
		}
		return ids;
	};
	return { first: number(first), second: number(second), names };
}
