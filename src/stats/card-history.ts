/**
 * One card's history from the merged review log, for the card info modal: every answer (date,
 * rating, interval and, under FSRS, stability, difficulty and retrievability), cram answers and
 * card-management entries, in time order. Also the per-card tallies the card browser shows.
 */
import { Rating } from "../model/schedule";
import type { ReviewState } from "./log-format";
import { lapsesByCard } from "./lapses";
import type { MergedLog } from "./merge";

type HistoryKind = "review" | "cram" | "reset" | "set-due" | "suspend" | "unsuspend";

/** One line of a card's history. Fields that do not apply to the kind are absent. */
export interface HistoryRow {
	kind: HistoryKind;
	/** When, ms since the epoch. */
	time: number;
	rating?: Rating;
	/** State before the answer (0 new, 1 learning, 2 review, 3 relearning). */
	state?: ReviewState;
	/** Days until the next review, as the answer scheduled it. */
	interval?: number;
	/** Days since the previous review. */
	elapsedDays?: number;
	durationMs?: number;
	stability?: number;
	difficulty?: number;
	/** Recall probability when the card was answered. */
	retrievability?: number;
	/** The due day set by hand (`set-due`). */
	due?: string;
}

export interface CardHistory {
	rows: HistoryRow[];
	/** Answers that changed the schedule (cram answers not counted). */
	reviews: number;
	/** Reviews of a card in review answered "Again". */
	lapses: number;
	firstReview: number | null;
	lastReview: number | null;
	/** Total answer time of the reviews, ms. */
	totalMs: number;
}

/** The history of card `id` (resolved across renames by the merge), oldest first. */
export function cardHistory(log: Pick<MergedLog, "reviews" | "cram" | "actions">, id: string): CardHistory {
	const rows: HistoryRow[] = [];
	let lapses = 0;
	let totalMs = 0;
	let first: number | null = null;
	let last: number | null = null;
	for (const r of log.reviews) {
		if (r.card !== id) continue;
		const row: HistoryRow = {
			kind: "review",
			time: r.time,
			rating: r.rating,
			state: r.state,
			interval: r.scheduledDays,
			elapsedDays: r.elapsedDays,
			durationMs: r.durationMs,
		};
		if (r.memory) {
			row.stability = r.memory.stability;
			row.difficulty = r.memory.difficulty;
			if (r.memory.retrievability !== undefined) row.retrievability = r.memory.retrievability;
		}
		rows.push(row);
		if (isLapse(r.state, r.rating)) lapses++;
		totalMs += r.durationMs;
		first ??= r.time;
		last = r.time;
	}
	const reviews = rows.length;
	for (const c of log.cram) if (c.card === id) rows.push({ kind: "cram", time: c.time, rating: c.rating, durationMs: c.durationMs });
	for (const a of log.actions) {
		if (a.card !== id) continue;
		if (a.kind === "reset") rows.push({ kind: "reset", time: a.time });
		else if (a.kind === "set-due") rows.push({ kind: "set-due", time: a.time, due: a.due });
		else rows.push({ kind: a.suspended ? "suspend" : "unsuspend", time: a.time });
	}
	// Each list is in time order; merged stably so equal times keep reviews first.
	rows.sort((a, b) => a.time - b.time);
	return { rows, reviews, lapses, firstReview: first, lastReview: last, totalMs };
}

/** What the log says of one card, for the browser's columns and `rated:N`. */
export interface LogTally {
	reviews: number;
	/** Answers "Again" to a card in review (a lapse). */
	lapses: number;
	/** Time of the last answer, ms. */
	last: number;
}

/**
 * Tallies per card id over every logged answer. Lapses are the leech rule's count, since the
 * card's last reset (`stats/lapses.ts`), so the browser and the review agree on leeches.
 */
export function logTallies(log: Pick<MergedLog, "reviews" | "actions">): Map<string, LogTally> {
	const tallies = new Map<string, LogTally>();
	for (const r of log.reviews) {
		let tally = tallies.get(r.card);
		if (!tally) {
			tally = { reviews: 0, lapses: 0, last: r.time };
			tallies.set(r.card, tally);
		}
		tally.reviews++;
		tally.last = Math.max(tally.last, r.time);
	}
	for (const [card, lapses] of lapsesByCard(log)) {
		const tally = tallies.get(card);
		if (tally) tally.lapses = lapses;
	}
	return tallies;
}

/** A lapse: a card in review (state 2) answered Again (1). */
function isLapse(state: ReviewState, rating: Rating): boolean {
	return state === 2 && rating === Rating.Again;
}
