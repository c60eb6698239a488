/**
 * True retention, as Anki defines it: of the answers to cards in review state (not new, not in
 * (re)learning steps), the share that was not Again. Per deck (a deck counts its sub-decks'
 * answers) and overall, over the last N local days, today included.
 */
import { addDays, localDay } from "../model/days";
import { Rating } from "../model/schedule";
import type { ReviewEntry } from "./log-format";

export interface RetentionFigure {
	/** Days in the period, today included. */
	days: number;
	/** Answers to review-state cards in the period. */
	reviews: number;
	/** Of those, answered Hard, Good or Easy. */
	passed: number;
	/** passed / reviews, or null when there were no such answers. */
	retention: number | null;
}

export interface RetentionTable {
	overall: RetentionFigure[];
	/** Every deck and parent deck that has answers in the longest period, sorted by name. */
	decks: { deck: string; figures: RetentionFigure[] }[];
}

export const RETENTION_PERIODS = [7, 30, 365] as const;

/** True retention over each period in `periods` (days), ending with `today`. */
export function trueRetention(
	reviews: readonly ReviewEntry[],
	today: string,
	dayStartHour: number,
	periods: readonly number[] = RETENTION_PERIODS,
): RetentionTable {
	const starts = periods.map((days) => addDays(today, -(days - 1)));
	const blank = () => periods.map(() => ({ reviews: 0, passed: 0 }));
	const overall = blank();
	// Tags compare case-insensitively: `Space/Docker` and `space/docker` are one deck, shown as first seen.
	const decks = new Map<string, { name: string; line: { reviews: number; passed: number }[] }>();
	for (const review of reviews) {
		if (review.state !== 2) continue;
		const day = localDay(new Date(review.time), dayStartHour);
		if (day > today) continue;
		const passed = review.rating !== Rating.Again;
		const lines = [
			overall,
			...deckAndParents(review.deck).map((deck) => {
				let row = decks.get(deck.toLowerCase());
				if (!row) decks.set(deck.toLowerCase(), (row = { name: deck, line: blank() }));
				return row.line;
			}),
		];
		starts.forEach((start, i) => {
			if (day < start) return;
			for (const line of lines) {
				line[i].reviews++;
				if (passed) line[i].passed++;
			}
		});
	}
	const figures = (line: { reviews: number; passed: number }[]) =>
		line.map((c, i) => ({ days: periods[i], reviews: c.reviews, passed: c.passed, retention: c.reviews ? c.passed / c.reviews : null }));
	return {
		overall: figures(overall),
		decks: [...decks.entries()]
			.filter(([, row]) => row.line.some((c) => c.reviews > 0))
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
			.map(([, row]) => ({ deck: row.name, figures: figures(row.line) })),
	};
}

/** `space/docker/x` → `space`, `space/docker`, `space/docker/x`; "" → none. */
function deckAndParents(deck: string): string[] {
	const parts = deck.split("/").filter((p) => p !== "");
	return parts.map((_, i) => parts.slice(0, i + 1).join("/"));
}
