/** Card counts by category and the interval and difficulty distributions of the current cards. */
import { cardCategory, type CardCategory, type StatsCard } from "./stats-cards";

export type StateCounts = Record<CardCategory, number> & { total: number };

/** One bar of a distribution: values in [from, to); `to` null = no upper bound. */
export interface Bucket {
	label: string;
	from: number;
	to: number | null;
	count: number;
}

/** Interval buckets in days, by their lower bounds. */
const INTERVAL_EDGES = [1, 2, 3, 7, 14, 21, 30, 60, 90, 180, 365, 730] as const;

export function countByState(cards: readonly StatsCard[]): StateCounts {
	const counts: StateCounts = { new: 0, learning: 0, young: 0, mature: 0, total: 0 };
	for (const card of cards) {
		counts[cardCategory(card.schedule)]++;
		counts.total++;
	}
	return counts;
}

/** Intervals of young and mature cards (learning and new cards have none worth showing). */
export function intervalDistribution(cards: readonly StatsCard[]): Bucket[] {
	const buckets: Bucket[] = INTERVAL_EDGES.map((from, i) => {
		const to = i + 1 < INTERVAL_EDGES.length ? INTERVAL_EDGES[i + 1] : null;
		return { label: intervalLabel(from, to), from, to, count: 0 };
	});
	for (const card of cards) {
		const category = cardCategory(card.schedule);
		if (card.schedule === null || (category !== "young" && category !== "mature")) continue;
		const interval = card.schedule.interval;
		let index = buckets.length - 1;
		while (index > 0 && interval < buckets[index].from) index--;
		buckets[index].count++;
	}
	return buckets;
}

export interface DifficultyDistribution {
	/** Ten buckets of 10 %: FSRS difficulty 1–10 shown as 0–100 %, as Anki does. */
	buckets: Bucket[];
	/** Cards that are not new but have no FSRS difficulty (classic schedules). */
	without: number;
}

export function difficultyDistribution(cards: readonly StatsCard[]): DifficultyDistribution {
	const buckets: Bucket[] = Array.from({ length: 10 }, (_, i) => ({
		label: `${i * 10}–${(i + 1) * 10} %`,
		from: i * 10,
		to: (i + 1) * 10,
		count: 0,
	}));
	let without = 0;
	for (const card of cards) {
		if (cardCategory(card.schedule) === "new" || card.schedule === null) continue;
		if (card.schedule.type !== "fsrs" || !Number.isFinite(card.schedule.difficulty)) {
			without++;
			continue;
		}
		const percent = ((Math.min(10, Math.max(1, card.schedule.difficulty)) - 1) / 9) * 100;
		buckets[Math.min(9, Math.floor(percent / 10))].count++;
	}
	return { buckets, without };
}

function intervalLabel(from: number, to: number | null): string {
	if (to === null) return `${from}+ d`;
	return to - from === 1 ? `${from} d` : `${from}–${to - 1} d`;
}
