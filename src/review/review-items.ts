/**
 * What a review session is made of: the siblings a request selects, with their full cards.
 * The index keeps cards without their text, so each note involved is read once and parsed,
 * and every selected card is taken from that fresh parse (checked by its first line).
 */
import { parseNote } from "../cards/parse";
import type { Card } from "../model/card";
import type { CardIndex } from "../index/card-index";
import { selectSiblings, type SiblingRef } from "../index/query";
import type { NoteStore } from "./ports";
import type { ReviewRequest } from "./request";
import type { SessionItem } from "./session";
import type { SpacedNotesSettings } from "../settings/settings";

/** Notes read at the same time while loading. */
const READ_BATCH = 32;

export interface LoadedItems {
	items: SessionItem[];
	/** Notes that could not be read, or whose cards moved since they were indexed (skipped). */
	skippedNotes: string[];
}

/**
 * The session items of `request` at `now`: one note's cards (`request.path`), or the siblings
 * of the deck and/or filter in the index. A card is counted against the daily limits of its
 * first deck (lower case; "" without a deck).
 */
export async function loadReviewItems(
	notes: NoteStore,
	index: CardIndex,
	settings: SpacedNotesSettings,
	request: ReviewRequest,
	now: Date,
): Promise<LoadedItems> {
	if (request.path !== undefined) return loadNote(notes, settings, request.path, request.line);
	const refs = selectSiblings(index, { deck: request.deck, filter: request.filter }, now);
	const byFile = new Map<string, SiblingRef[]>();
	for (const ref of refs) {
		const list = byFile.get(ref.file.path);
		if (list) list.push(ref);
		else byFile.set(ref.file.path, [ref]);
	}
	const items: SessionItem[] = [];
	const skipped: string[] = [];
	const paths = [...byFile.keys()];
	for (let start = 0; start < paths.length; start += READ_BATCH) {
		const batch = paths.slice(start, start + READ_BATCH);
		const cards = await Promise.all(batch.map((path) => readCards(notes, settings, path)));
		batch.forEach((path, i) => {
			const parsed = cards[i];
			let moved = parsed === null;
			for (const ref of byFile.get(path) ?? []) {
				const card = parsed === null ? undefined : cardAt(parsed, ref.cardIndex, ref.card.startLine);
				if (card && ref.sibling < card.siblings.length) items.push(itemOf(card, ref.sibling, path));
				else moved = true;
			}
			if (moved) skipped.push(path);
		});
	}
	return { items, skippedNotes: skipped };
}

async function loadNote(notes: NoteStore, settings: SpacedNotesSettings, path: string, line?: number): Promise<LoadedItems> {
	const cards = await readCards(notes, settings, path);
	if (cards === null) return { items: [], skippedNotes: [path] };
	const chosen = line === undefined ? cards : cards.filter((card) => card.startLine === line);
	const items = chosen.flatMap((card) => card.siblings.map((sibling) => itemOf(card, sibling.index, path)));
	return { items, skippedNotes: [] };
}

/** The note's cards parsed from its current text; null when it cannot be read. */
async function readCards(notes: NoteStore, settings: SpacedNotesSettings, path: string): Promise<Card[] | null> {
	try {
		const text = await notes.read(path);
		return parseNote(text, { path, settings }).cards;
	} catch {
		return null;
	}
}

/** The parsed card the index knew as card `cardIndex` starting at `startLine`. */
function cardAt(cards: readonly Card[], cardIndex: number, startLine: number): Card | undefined {
	const byIndex = cards[cardIndex];
	if (byIndex?.startLine === startLine) return byIndex;
	return cards.find((card) => card.startLine === startLine);
}

function itemOf(card: Card, sibling: number, file: string): SessionItem {
	return { card, sibling, file, deck: (card.decks[0] ?? "").toLowerCase() };
}
