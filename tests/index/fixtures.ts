/** Small builders of cards and notes for the index tests (no parser needed). */
import type { Card, SegmentState } from "../../src/model/card";
import type { CardIndex, NoteForIndex } from "../../src/index/card-index";
import { buildDeckTree } from "../../src/index/deck-tree";

export const NEW_SEGMENT: SegmentState = { kind: "absent" };

export function classic(due: string, interval = 3, ease = 250): SegmentState {
	return { kind: "ok", schedule: { type: "classic", due, interval, ease } };
}

export function fsrs(due: string, state: 0 | 1 | 2 | 3): SegmentState {
	return {
		kind: "ok",
		schedule: { type: "fsrs", due, interval: 1, stability: 1, difficulty: 5, state, reps: 1, lapses: 0, learningStep: 0, lastReview: null },
	};
}

/** A card in `decks` with one sibling per segment. */
export function card(decks: string[], segments: SegmentState[], startLine = 0, front = "Q"): Card {
	return {
		kind: segments.length > 1 ? "singleline-reversed" : "singleline",
		startLine,
		endLine: startLine,
		front,
		back: "A",
		siblings: segments.map((segment, index) => ({ index, question: front, answer: "A", segment })),
		comment: null,
		source: `${front}::A`,
		decks,
		context: [],
		endsInFence: false,
	};
}

export function note(tags: string[], cards: Card[]): NoteForIndex {
	return { tags, cards };
}

/** Everything observable about an index at `now`, in a form `toEqual` can compare. */
export function snapshot(index: CardIndex, now: Date): unknown {
	const { status } = index.statusesAt(now);
	return {
		files: index.files().map((file) => ({
			path: file.path,
			tags: file.tags,
			cards: file.readCards().map((c) => ({ line: c.startLine, decks: c.decks, segments: c.segments })),
			statuses: Array.from(file.classes, (id) => status[id]),
		})),
		counts: { files: index.fileCount, cards: index.cardCount, siblings: index.siblingCount },
		tree: buildDeckTree(index, now),
	};
}
