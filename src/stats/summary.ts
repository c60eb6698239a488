/**
 * Every figure of the statistics view and of `spaced-notes stats`, from the merged log and the
 * current cards, optionally narrowed to decks. One pure function, so the view and the command
 * line always show the same numbers.
 */
import { tagMatches } from "../decks/tags";
import { addDays, localDay } from "../model/days";
import { reviewsPerDay, streaks, type DayActivity, type Streaks } from "./activity";
import { countByState, difficultyDistribution, intervalDistribution, type Bucket, type DifficultyDistribution, type StateCounts } from "./distribution";
import { forecastDue, type Forecast } from "./forecast";
import type { NoteReviewEntry, ReviewEntry } from "./log-format";
import { trueRetention, type RetentionTable } from "./retention";
import type { StatsCard } from "./stats-cards";

export interface StatsInput {
	reviews: readonly ReviewEntry[];
	cards: readonly StatsCard[];
	now: Date;
	/** The "next day starts at" hour (0–23). */
	dayStartHour: number;
	/** Only these decks and their sub-decks (tag paths, `#` optional, any case); empty or absent = all. */
	decks?: readonly string[];
	/** Whole-note reviews (note review), counted apart from card answers. */
	noteReviews?: readonly NoteReviewEntry[];
}

export interface StatsReport {
	today: string;
	/** The decks the figures are narrowed to ([] = all). */
	decks: string[];
	/** The past year, 365 days ending today, oldest first. */
	activity: DayActivity[];
	totals: {
		/** Answers in the past year. */
		reviews: number;
		/** Days with answers in the past year. */
		daysStudied: number;
		/** Time spent answering in the past year, ms. */
		durationMs: number;
		/** All answers in the log (within the decks). */
		allTime: number;
	};
	streaks: Streaks;
	/** Due cards for the next 90 days (the first 30 entries are the 30-day forecast). */
	forecast: Forecast;
	/** Sums of `forecast` over the first 30 and 90 days. */
	dueNext: { days30: number; days90: number };
	retention: RetentionTable;
	counts: StateCounts;
	intervals: Bucket[];
	difficulty: DifficultyDistribution;
	/** Whole notes reviewed (note review), apart from the card answers above. */
	notes: { today: number; pastYear: number; allTime: number };
}

const HEATMAP_DAYS = 365;
const FORECAST_DAYS = 90;

/** All figures. */
export function computeStats(input: StatsInput): StatsReport {
	const decks = (input.decks ?? []).filter((d) => d.trim() !== "");
	const inDecks = (cardDecks: readonly string[]) => decks.length === 0 || cardDecks.some((d) => decks.some((p) => tagMatches(d, p)));
	const reviews = input.reviews.filter((r) => inDecks([r.deck]));
	const cards = input.cards.filter((c) => inDecks(c.decks));
	const today = localDay(input.now, input.dayStartHour);
	const activity = reviewsPerDay(reviews, addDays(today, -(HEATMAP_DAYS - 1)), today, input.dayStartHour);
	const forecast = forecastDue(cards, today, FORECAST_DAYS, input.dayStartHour);
	const sum = (n: number) => forecast.days.slice(0, n).reduce((total, d) => total + d.count, 0);
	return {
		today,
		decks: [...decks],
		activity,
		totals: {
			reviews: activity.reduce((t, d) => t + d.count, 0),
			daysStudied: activity.filter((d) => d.count > 0).length,
			durationMs: activity.reduce((t, d) => t + d.durationMs, 0),
			allTime: reviews.length,
		},
		streaks: streaks(reviews, today, input.dayStartHour),
		forecast,
		dueNext: { days30: sum(30), days90: sum(90) },
		retention: trueRetention(reviews, today, input.dayStartHour),
		counts: countByState(cards),
		intervals: intervalDistribution(cards),
		difficulty: difficultyDistribution(cards),
		notes: noteFigures(
			(input.noteReviews ?? []).filter((r) => inDecks([r.deck])),
			today,
			input.dayStartHour,
		),
	};
}

/** Every deck and parent deck named by the cards and the log, sorted, for a deck picker. */
export function knownDecks(reviews: readonly ReviewEntry[], cards: readonly StatsCard[]): string[] {
	const byKey = new Map<string, string>();
	const add = (deck: string) => {
		const parts = deck.split("/").filter((p) => p !== "");
		for (let i = 1; i <= parts.length; i++) {
			const name = parts.slice(0, i).join("/");
			if (!byKey.has(name.toLowerCase())) byKey.set(name.toLowerCase(), name);
		}
	};
	for (const review of reviews) add(review.deck);
	for (const card of cards) card.decks.forEach(add);
	return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, name]) => name);
}

/** How many whole notes were reviewed today, in the past year and in all. */
function noteFigures(noteReviews: readonly NoteReviewEntry[], today: string, dayStartHour: number): StatsReport["notes"] {
	const yearStart = addDays(today, -(HEATMAP_DAYS - 1));
	let todayCount = 0;
	let pastYear = 0;
	for (const entry of noteReviews) {
		const day = localDay(new Date(entry.time), dayStartHour);
		if (day > today) continue;
		if (day === today) todayCount++;
		if (day >= yearStart) pastYear++;
	}
	return { today: todayCount, pastYear, allTime: noteReviews.length };
}
