/**
 * Schedules that read fine but cannot be right at a given moment, for `check`: an FSRS last
 * review after now (a hand edit, or another device with a wrong clock). A review repairs such a
 * schedule by taking the last review as now (docs/scheduling.md), so it never stops a session.
 */
import type { Card, NoteProblem } from "../model/card";

/** The problems of `cards`' schedules at `now`, one per sibling, on the comment's line. */
export function scheduleProblems(cards: readonly Card[], now: Date): NoteProblem[] {
	const problems: NoteProblem[] = [];
	for (const card of cards) {
		for (const sibling of card.siblings) {
			const segment = sibling.segment;
			if (segment.kind !== "ok" || segment.schedule?.type !== "fsrs") continue;
			const last = segment.schedule.lastReview;
			if (last === null || !(Date.parse(last) > now.getTime())) continue;
			const which = card.siblings.length > 1 ? `Segment ${sibling.index + 1} says` : "The schedule says";
			problems.push({
				code: "future-last-review",
				line: card.comment?.line ?? card.endLine,
				message: `${which} the card was last reviewed at ${last}, after now; the next answer takes the last review as now.`,
			});
		}
	}
	return problems;
}
