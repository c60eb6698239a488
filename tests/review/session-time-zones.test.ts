import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import { ReviewSession } from "../../src/review/session";
import { card, fsrs, learning, NEW, sessionItems } from "../builders";
import { inTimeZone, local, TIME_ZONES } from "../helpers/tz";

const settings = { ...DEFAULT_SETTINGS, deterministicOrder: true };

for (const tz of TIME_ZONES) {
	describe(`session days in ${tz}`, () => {
		it("keeps learning steps due before the next 4 a.m. and buries until then", () => {
			inTimeZone(tz, () => {
				const now = local(2026, 1, 10, 23, 30);
				const items = [
					...sessionItems(card({ startLine: 1, segments: [learning(local(2026, 1, 11, 3, 50).toISOString())] })),
					...sessionItems(card({ startLine: 2, segments: [learning(local(2026, 1, 11, 4, 10).toISOString())] })),
					// Sibling 0 answered at 00:30 after midnight: still "today" when days start at 4.
					...sessionItems(
						card({
							startLine: 3,
							segments: [fsrs(local(2026, 1, 20, 12).toISOString(), { lastReview: local(2026, 1, 10, 0, 30).toISOString() }), NEW],
						}),
					),
				];
				const lines = (s: ReviewSession) => s.entries().map((e) => `${e.item.card.startLine}.${e.item.sibling}`);
				// 00:30 on the 10th belongs to the 9th: not today, so sibling 1 is not buried.
				expect(lines(ReviewSession.start(items, { now, settings }))).toEqual(["1.0", "3.1"]);
				const atHalfPastMidnight = local(2026, 1, 11, 0, 30);
				const later = [
					...items.slice(0, 2),
					...sessionItems(
						card({
							startLine: 3,
							segments: [fsrs(local(2026, 1, 20, 12).toISOString(), { lastReview: local(2026, 1, 10, 23, 30).toISOString() }), NEW],
						}),
					),
				];
				expect(lines(ReviewSession.start(later, { now: atHalfPastMidnight, settings }))).toEqual(["1.0"]);
				expect(lines(ReviewSession.start(later, { now: local(2026, 1, 11, 4, 30), settings }))).toEqual(["1.0", "2.0", "3.1"]);
			});
		});
	});
}
