/** Small cards and items for session tests. */
import type { Card, SegmentState } from "../../src/model/card";
import type { SessionItem } from "../../src/review/session";
import type { ClassicSchedule, FsrsSchedule } from "../../src/model/schedule";

export function makeCard(startLine: number, segments: SegmentState[]): Card {
	return {
		kind: segments.length > 1 ? "singleline-reversed" : "singleline",
		startLine,
		endLine: startLine,
		front: `q${startLine}`,
		back: `a${startLine}`,
		siblings: segments.map((segment, index) => ({ index, question: `q${startLine}.${index}`, answer: `a${startLine}`, segment })),
		comment: null,
		source: `q${startLine}::a${startLine}`,
		decks: [],
		context: [],
		endsInFence: false,
	};
}

/** One item per sibling of a card. */
export function itemsOf(card: Card, file = "a.md", deck = "d"): SessionItem[] {
	return card.siblings.map((s) => ({ card, sibling: s.index, file, deck }));
}

export const NEW: SegmentState = { kind: "absent" };

export function review(due: string, extra: Partial<FsrsSchedule> = {}): SegmentState {
	return {
		kind: "ok",
		schedule: {
			type: "fsrs", due, interval: 5, stability: 5, difficulty: 5, state: 2, reps: 3, lapses: 0,
			learningStep: 0, lastReview: "2025-12-01T09:00:00.000Z", ...extra,
		},
	};
}

export function learning(due: string): SegmentState {
	return review(due, { state: 1, interval: 0, stability: 1, learningStep: 1 });
}

export function classic(due: string, interval: number, ease = 250): SegmentState {
	const schedule: ClassicSchedule = { type: "classic", due, interval, ease };
	return { kind: "ok", schedule };
}
