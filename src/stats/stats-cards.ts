/**
 * The current cards as the statistics see them: one entry per sibling with its id, decks and
 * schedule, and the Anki categories new / learning / young / mature.
 */
import type { Card } from "../model/card";
import type { Schedule } from "../model/schedule";
import { cardId } from "./card-id";

/** One sibling of a current card. */
export interface StatsCard {
	id: string;
	/** Deck paths without `#`, e.g. `space/docker`. */
	decks: string[];
	/** Null for a new sibling (no segment, the "new" placeholder, or an unreadable segment). */
	schedule: Schedule | null;
}

export type CardCategory = "new" | "learning" | "young" | "mature";

/** Interval (days) from which Anki calls a card mature. */
const MATURE_DAYS = 21;

/** The siblings of a note's parsed cards. */
export function statsCardsOfNote(path: string, cards: readonly Card[]): StatsCard[] {
	const result: StatsCard[] = [];
	for (const card of cards) {
		for (const sibling of card.siblings) {
			const schedule = sibling.segment.kind === "ok" ? sibling.segment.schedule : null;
			result.push({ id: cardId(path, card.source, sibling.index), decks: card.decks, schedule });
		}
	}
	return result;
}

/**
 * new: no schedule or FSRS state 0; learning: FSRS (re)learning, or a classic interval below a
 * day; young: interval < 21 days; mature: interval ≥ 21 days.
 */
export function cardCategory(schedule: Schedule | null): CardCategory {
	if (schedule === null) return "new";
	if (schedule.type === "fsrs") {
		if (schedule.state === 0) return "new";
		if (schedule.state === 1 || schedule.state === 3) return "learning";
	} else if (!(schedule.interval >= 1)) {
		return "learning";
	}
	return schedule.interval >= MATURE_DAYS ? "mature" : "young";
}
