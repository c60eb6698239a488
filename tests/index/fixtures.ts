/** Small builders of cards and notes for the index tests (no parser needed). */
import type { Card, SegmentState } from "../../src/model/card";
import type { CardIndex, NoteForIndex } from "../../src/index/card-index";
import { buildDeckTree } from "../../src/index/deck-tree";
import { formatComment, formatSegment } from "../../src/writeback/format";

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

/**
 * A card in `decks` with one sibling per segment. Its scheduling comment is written from the
 * segments, as in a note (trailing new siblings have no segment; others the "new" placeholder),
 * so the index reads the same segments back from it.
 */
export function card(decks: string[], segments: SegmentState[], startLine = 0, front = "Q"): Card {
	const source = `${front}::A`;
	const raw = commentOf(segments);
	return {
		kind: segments.length > 1 ? "singleline-reversed" : "singleline",
		startLine,
		endLine: startLine,
		front,
		back: "A",
		siblings: segments.map((segment, index) => ({ index, question: front, answer: "A", segment })),
		comment: raw === null ? null : { raw, line: startLine, start: source.length + 1, end: source.length + 1 + raw.length, ownLine: false },
		source,
		decks,
		context: [],
		endsInFence: false,
	};
}

/** The comment holding `segments`; null when every sibling is new without a segment. */
function commentOf(segments: readonly SegmentState[]): string | null {
	let last = segments.length - 1;
	while (last >= 0 && segments[last].kind === "absent") last--;
	if (last < 0) return null;
	const parts = segments.slice(0, last + 1).map((segment) => {
		if (segment.kind === "ok") return formatSegment(segment.schedule);
		if (segment.kind === "unreadable") return `!${segment.raw}`;
		return formatSegment(null); // a new sibling before a scheduled one: the "new" placeholder, as the writer does
	});
	return formatComment(parts);
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
