/**
 * The answers a review session records, and what they add up to: the progress shown while it
 * runs and the summary shown at its end. Kept apart from `session.ts` (the session's state
 * machine), which re-exports these types, so that each file stays small enough to read whole.
 */
import type { SegmentState } from "../model/card";
import { Rating, type Schedule } from "../model/schedule";
import { cardKeyOf, type QueueKind, type SessionItem } from "./session-item";
import type { Queues } from "./session-queue";

/** One answer given in the session. */
export interface AnswerRecord {
	readonly id: number;
	readonly item: SessionItem;
	readonly kind: QueueKind;
	readonly rating: Rating;
	/** The segment before the answer: what undo restores. */
	readonly previous: SegmentState;
	/** The schedule to write; null for an answer that changes no schedule (cram, forgotten cards). */
	readonly schedule: Schedule | null;
	readonly at: number;
}

export interface SessionProgress {
	done: Record<QueueKind, number>;
	left: Record<QueueKind, number>;
}

export interface SessionSummary {
	/** Answers given (a card answered Again and then Good counts twice). */
	answered: number;
	/** Distinct cards (siblings) answered. */
	cards: number;
	byRating: Record<Rating, number>;
	byKind: Record<QueueKind, number>;
	startedAt: Date;
	lastAnswerAt: Date | null;
	/** Milliseconds from the start to the last answer. */
	elapsedMs: number;
}

/** Answers given (by the kind the card had when answered) and cards left, by kind. */
export function sessionProgress(queues: Readonly<Queues>, records: readonly AnswerRecord[]): SessionProgress {
	const { learning, reviews, news } = queues;
	return {
		done: countKinds(records),
		left: { new: news.length, learning: learning.length, review: reviews.length },
	};
}

/** The summary of `records`, answered in a session started at `startedAt` (epoch ms). */
export function sessionSummary(records: readonly AnswerRecord[], startedAt: number): SessionSummary {
	const byRating = { [Rating.Again]: 0, [Rating.Hard]: 0, [Rating.Good]: 0, [Rating.Easy]: 0 } as Record<Rating, number>;
	let last: number | null = null;
	const cards = new Set<string>();
	for (const r of records) {
		byRating[r.rating]++;
		last = last === null ? r.at : Math.max(last, r.at);
		cards.add(`${cardKeyOf(r.item)}\u0000${r.item.sibling}`);
	}
	return {
		answered: records.length,
		cards: cards.size,
		byRating,
		byKind: countKinds(records),
		startedAt: new Date(startedAt),
		lastAnswerAt: last === null ? null : new Date(last),
		elapsedMs: last === null ? 0 : last - startedAt,
	};
}

function countKinds(records: readonly AnswerRecord[]): Record<QueueKind, number> {
	const out: Record<QueueKind, number> = { new: 0, learning: 0, review: 0 };
	for (const r of records) out[r.kind]++;
	return out;
}
