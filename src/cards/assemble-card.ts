/**
 * Putting a card together once its lines, sides and comment are known (docs/format.md):
 * its siblings, each with its segment of the scheduling comment, and its `source`.
 */
import type { Card, CardKind, CommentLocation, NoteProblem, SegmentState, Sibling } from "../model/card";
import { readSchedulingComment } from "./comment";
import { sourceOf } from "./card-text";
import { LineKind } from "./line-kinds";

/** A cloze deletion's question and answer. */
interface ClozeSide {
	question: string;
	answer: string;
}

/** What the parser found of one card. */
export interface CardParts {
	kind: CardKind;
	/** First and last line (0-based, inclusive), the comment's own line included. */
	startLine: number;
	endLine: number;
	front: string;
	back: string;
	/** A cloze's siblings; null: front → back, and back → front for a reversed kind. */
	sides: ClozeSide[] | null;
	comment: CommentLocation | null;
	/** The last line of the card's text (before a comment on its own line). */
	lastText: number;
}

/** The note the cards are assembled in. */
export interface CardNote {
	lines: readonly string[];
	/** Each line's `LineKind`. */
	kinds: Uint8Array;
	/** Unreadable and extra segments of a card's comment are reported here. */
	problems: NoteProblem[];
	/** False: leave `source` empty (the index does not read it). */
	withSource: boolean;
}

/** The card `parts` describe, in `note`. */
export function assembleCard(note: CardNote, parts: CardParts): Card {
	const { lines, kinds, problems, withSource } = note;
	const { kind, startLine, endLine, front, back, sides, comment, lastText } = parts;
	const reversed = kind === "singleline-reversed" || kind === "multiline-reversed";
	const count = sides ? sides.length : reversed ? 2 : 1;
	const segments = comment ? segmentsOf(comment, count, problems) : NO_SEGMENTS;
	const siblings: Sibling[] = [];
	if (sides) {
		for (let index = 0; index < count; index++) siblings.push(sibling(index, sides[index].question, sides[index].answer, segments[index]));
	} else {
		siblings.push(sibling(0, front, back, segments[0]));
		if (reversed) siblings.push(sibling(1, back, front, segments[1]));
	}
	const k = kinds[lastText];
	return {
		kind,
		startLine,
		endLine,
		front,
		back,
		siblings,
		comment,
		source: withSource ? sourceOf(lines, startLine, endLine, comment) : "",
		// Set by parse.ts once the card's place is known; one shared empty array until then (cards are never changed in place).
		decks: UNSET,
		context: UNSET,
		endsInFence: k === LineKind.FenceClose || k === LineKind.Opaque,
	};
}

const UNSET: string[] = [];

/** A sibling; its marks, when its segment has some, are also on the sibling (docs/format.md, "Suspended and flagged cards"). */
function sibling(index: number, question: string, answer: string, segment: SegmentState | undefined): Sibling {
	const state = segment ?? ABSENT;
	if (state.kind !== "absent" && state.marks) return { index, question, answer, segment: state, marks: state.marks };
	return { index, question, answer, segment: state };
}

/** The segments of `found` for a card of `siblings` siblings, its problems reported. */
function segmentsOf(found: CommentLocation, siblings: number, problems: NoteProblem[]): readonly SegmentState[] {
	const states = readSchedulingComment(found.raw) ?? NO_SEGMENTS;
	for (let index = 0; index < states.length; index++) {
		const state = states[index];
		if (state.kind === "unreadable") {
			problems.push({
				code: "unreadable-segment",
				line: found.line,
				message: `Segment ${index + 1} "${state.raw}" cannot be read: ${state.reason}. The card is reviewed as new.`,
			});
		}
	}
	if (states.length > siblings) {
		problems.push({
			code: "extra-segments",
			line: found.line,
			message: `The scheduling comment has ${states.length} segments but the card has ${siblings} sibling${siblings === 1 ? "" : "s"}.`,
		});
		return states.slice(0, siblings);
	}
	return states;
}

const NO_SEGMENTS: readonly SegmentState[] = [];
/** The segment of a sibling without one (shared: segments are never changed in place). */
const ABSENT: SegmentState = { kind: "absent" };
