/** Cards as the parser gives them, without a parser, and the session items made of them. */
import type { Card, SegmentState } from "../../src/model/card";
import type { SessionItem } from "../../src/review/session";
import { formatComment, formatSegment } from "../../src/writeback/format";
import { NEW } from "./segments";

export interface CardOptions {
	/** Decks the card belongs to (tag paths without `#`). Default: none. */
	decks?: string[];
	/** One segment per sibling; two or more make a reversed card. Default: one new sibling (`[NEW]`). */
	segments?: SegmentState[];
	/** The card's only line (0-based). Default: 0. */
	startLine?: number;
	/** Front, also every sibling's question. Default: "Q". */
	front?: string;
	/** Back, also every sibling's answer. Default: "A". */
	back?: string;
	/**
	 * Whether the card carries a scheduling comment written from its segments. Default: true.
	 * Pass false for segments that cannot be written (NaN, malformed dates): the card then has
	 * no comment, as a hand-made card would.
	 */
	comment?: boolean;
}

/**
 * A single-line card `front::back` on `startLine`, with one sibling per segment. Its scheduling
 * comment is really written from the segments (`formatSegment`, `formatComment`), as in a note:
 * trailing new siblings get no segment, earlier ones the "new" placeholder, unreadable ones
 * their raw text; so whatever reads the comment back finds the same segments. Defaults: see
 * {@link CardOptions} (no decks, one new sibling — hence no comment —, line 0, `Q::A`).
 */
export function card(options: CardOptions = {}): Card {
	const { decks = [], segments = [NEW], startLine = 0, front = "Q", back = "A", comment = true } = options;
	const source = `${front}::${back}`;
	const raw = comment ? commentOf(segments) : null;
	return {
		kind: segments.length > 1 ? "singleline-reversed" : "singleline",
		startLine,
		endLine: startLine,
		front,
		back,
		siblings: segments.map((segment, index) => ({ index, question: front, answer: back, segment })),
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

export interface SessionItemOptions {
	/** The note the card is in. Default: "a.md". */
	file?: string;
	/** The deck its daily limits count under. Default: "d". */
	deck?: string;
}

/** One session item per sibling of `card`, in `file` and `deck` (defaults: "a.md", "d"). */
export function sessionItems(card: Card, options: SessionItemOptions = {}): SessionItem[] {
	const { file = "a.md", deck = "d" } = options;
	return card.siblings.map((sibling) => ({ card, sibling: sibling.index, file, deck }));
}
