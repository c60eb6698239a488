/**
 * What a review session's queues hold: the siblings offered to it, their queue entries, and how
 * entries are named (per card, per sibling) and put in position order.
 */
import type { Card, SegmentState } from "../model/card";

/** One sibling offered to a session. `deck` is the key its daily limits are counted under. */
export interface SessionItem {
	card: Card;
	sibling: number;
	file: string;
	deck: string;
}

export type QueueKind = "new" | "learning" | "review";

/** A sibling waiting in a queue, with its current segment (updated after each answer). */
export interface QueueEntry {
	readonly item: SessionItem;
	readonly kind: QueueKind;
	readonly segment: SegmentState;
	/** Learning entries: the moment (epoch ms) their step is due; 0 for the other kinds. */
	readonly dueAt: number;
}

/** Cards already answered today in a deck, counted against its daily limits. */
export interface DoneTodayCounts {
	new: number;
	reviews: number;
}

/** Identifies a card (all its siblings) within a session. */
export function cardKeyOf(item: SessionItem): string {
	return `${item.file}\u0000${item.card.startLine}`;
}

/** Stable name of one sibling, used to seed FSRS fuzz: the file, the card's text and the sibling. */
export function siblingKeyOf(item: SessionItem): string {
	return `${item.file}\u0000${item.card.source}\u0000${item.sibling}`;
}

/** The segment of the item's sibling (absent when the index is out of range). */
export function segmentOf(item: SessionItem): SegmentState {
	return item.card.siblings[item.sibling]?.segment ?? { kind: "absent" };
}

/** File, then line, then sibling. */
export function byPosition(a: QueueEntry, b: QueueEntry): number {
	if (a.item.file !== b.item.file) return a.item.file < b.item.file ? -1 : 1;
	return a.item.card.startLine - b.item.card.startLine || a.item.sibling - b.item.sibling;
}
