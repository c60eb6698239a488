/**
 * Training items from the merged review log, converted the way Anki converts its revlog for
 * fsrs-rs (docs/scheduling.md, "Personal parameters"):
 * - each card's answers in time order; cram answers are left out entirely;
 * - the history starts at the card's last group of learning answers (state new or learning
 *   before the answer); a reset cuts everything before it, a card reset and not learnt again
 *   gives nothing;
 * - a card without such a group gives nothing: the Spaced Repetition plugin (or an older version
 *   of this one) reviewed it before the log existed, so its first answers are unknown. Those
 *   cards are counted, not silently dropped;
 * - days are local days (the "next day starts at" hour); answers on the same day as the previous
 *   one stay in the history with 0 days elapsed but are not predicted;
 * - one item per later answer on a new day: the card's history up to and including that answer.
 * Items are ordered by the time of their last answer, as fsrs-rs's time-series split expects.
 */
import { daysBetween, localDay } from "../model/days";
import type { CardActionEntry, CramEntry, ReviewEntry } from "../stats/log-format";

/** One answer inside an item: rating 1–4 and whole local days since the previous answer. */
export interface OptimizerReview {
	rating: number;
	deltaT: number;
}

/** A card's history up to one answer; the last review is the one predicted. */
export interface OptimizerItem {
	reviews: OptimizerReview[];
}

/** The log entries the conversion reads (a `MergedLog` fits). */
export interface LogForItems {
	reviews: readonly ReviewEntry[];
	cram?: readonly CramEntry[];
	actions: readonly CardActionEntry[];
}

export interface ItemsReport {
	/** Items in time order of their last answer. */
	items: OptimizerItem[];
	/** The card id of each item (same order), for per-card batching. */
	cardIds: string[];
	/** Answers in the histories used (Anki's "reviews" count). */
	reviewsUsed: number;
	/** Cards that gave at least one item. */
	cardsUsed: number;
	/** Cards whose first logged answer is not a new card's first answer: reviewed before the log existed. */
	cardsBeforeLog: number;
	/** Cards reset after their last answer: nothing left to learn from. */
	cardsResetOnly: number;
	/** Cards learnt but not yet answered on a later day. */
	cardsTooNew: number;
	/** Answers left out because they belong to a cram session. */
	cramAnswers: number;
}

type CardEvent =
	{ kind: "answer"; time: number; rating: number; learning: boolean; fromNew: boolean } | { kind: "reset"; time: number } | { kind: "due"; time: number };

/** Converts the log into items. `dayStartHour` is the hour a new local day starts. Pure. */
export function itemsFromLog(log: LogForItems, dayStartHour: number, include: (entry: ReviewEntry) => boolean = () => true): ItemsReport {
	const byCard = new Map<string, CardEvent[]>();
	const push = (card: string, event: CardEvent): void => {
		const list = byCard.get(card);
		if (list) list.push(event);
		else byCard.set(card, [event]);
	};
	const chosen = new Set<string>();
	for (const r of log.reviews) {
		if (!include(r) || !validRating(r.rating)) continue;
		chosen.add(r.card);
		push(r.card, { kind: "answer", time: r.time, rating: r.rating, learning: r.state === 0 || r.state === 1, fromNew: r.state === 0 });
	}
	for (const a of log.actions) {
		if (!chosen.has(a.card)) continue;
		if (a.kind === "reset") push(a.card, { kind: "reset", time: a.time });
		else if (a.kind === "set-due") push(a.card, { kind: "due", time: a.time });
	}
	const cramAnswers = (log.cram ?? []).filter((c) => chosen.has(c.card)).length;
	const timed: { time: number; card: string; item: OptimizerItem }[] = [];
	const report: Omit<ItemsReport, "items" | "cardIds"> = { reviewsUsed: 0, cardsUsed: 0, cardsBeforeLog: 0, cardsResetOnly: 0, cardsTooNew: 0, cramAnswers };
	for (const [card, events] of byCard) {
		events.sort((a, b) => a.time - b.time);
		const history = historyOf(events);
		if (history === "reset") {
			report.cardsResetOnly++;
			continue;
		}
		if (history === "before-log") {
			report.cardsBeforeLog++;
			continue;
		}
		const cardItems = itemsOfHistory(history, dayStartHour);
		if (cardItems.length === 0) {
			report.cardsTooNew++;
			continue;
		}
		report.cardsUsed++;
		report.reviewsUsed += history.length;
		for (const entry of cardItems) timed.push({ ...entry, card });
	}
	timed.sort((a, b) => a.time - b.time || (a.card < b.card ? -1 : a.card > b.card ? 1 : 0));
	return { ...report, items: timed.map((t) => t.item), cardIds: timed.map((t) => t.card) };
}

type Answer = Extract<CardEvent, { kind: "answer" }>;

/**
 * The answers to learn from, as Anki's `reviews_for_fsrs` picks them while training: scanning
 * back from the newest, the last group of learning answers starts the history; a reset before
 * it ends the scan; any other entry before the group ends it too.
 */
function historyOf(events: readonly CardEvent[]): Answer[] | "reset" | "before-log" {
	let start = -1;
	for (let i = events.length - 1; i >= 0; i--) {
		const e = events[i];
		if (e.kind === "answer" && e.learning) start = i;
		else if (e.kind === "reset") {
			if (start >= 0) break;
			// Graded after the reset but never learnt again, or not graded since: nothing usable.
			return events.slice(i + 1).some((x) => x.kind === "answer") ? "before-log" : "reset";
		} else if (start >= 0) break;
	}
	if (start < 0) return "before-log";
	const first = events[start] as Answer;
	// A learning answer that is not a new card's first: the card's start predates the log.
	if (!first.fromNew) return "before-log";
	return events.slice(start).filter((e): e is Answer => e.kind === "answer");
}

function itemsOfHistory(answers: readonly Answer[], dayStartHour: number): { time: number; item: OptimizerItem }[] {
	const out: { time: number; item: OptimizerItem }[] = [];
	const reviews: OptimizerReview[] = [];
	let previousDay = "";
	answers.forEach((a, index) => {
		const day = localDay(new Date(a.time), dayStartHour);
		const deltaT = index === 0 ? 0 : Math.max(0, daysBetween(previousDay, day));
		previousDay = day;
		reviews.push({ rating: a.rating, deltaT });
		if (index >= 1 && deltaT > 0) out.push({ time: a.time, item: { reviews: reviews.slice() } });
	});
	return out;
}

function validRating(rating: number): boolean {
	return rating === 1 || rating === 2 || rating === 3 || rating === 4;
}
