/**
 * The card model shared by the parser, the index, the scheduler, the writer and the UI.
 * Everything here is plain data: no Obsidian types, no classes, so it can be cached,
 * compared and sent to the command line's JSON output unchanged.
 */
import type { Schedule } from "./schedule";

/** The five card kinds of docs/format.md, "Card kinds", named as in `cards --json`. */
export type CardKind = "singleline" | "singleline-reversed" | "multiline" | "multiline-reversed" | "cloze";

/** Where a card's scheduling comment `<!--SR:…-->` sits in the note. */
export interface CommentLocation {
	/** 0-based line that holds the comment. */
	line: number;
	/** UTF-16 offset of `<` in that line's text (without its line ending). */
	start: number;
	/** UTF-16 offset just past `>` in that line's text. */
	end: number;
	/** The comment exactly as written, `<!--SR:` … `-->`. */
	raw: string;
	/** True when the comment is the only thing on its line (apart from container prefix and spaces). */
	ownLine: boolean;
}

/**
 * Card-management marks kept at the end of a sibling's segment (docs/format.md, "Suspended and
 * flagged cards"): suspended, and a flag 1–7 as Anki's colours (0 = none).
 */
export interface SiblingMarks {
	suspended: boolean;
	/** 0 = no flag, else 1–7. */
	flag: number;
}

/** How one sibling's segment of the comment was read; `marks` only when the segment ends with some. */
export type SegmentState =
	| { kind: "absent" } /** no segment: the sibling is new */
	| { kind: "ok"; schedule: Schedule | null; marks?: SiblingMarks } /** read; `null` = the "new" placeholder (2000-01-01) */
	| { kind: "unreadable"; raw: string; reason: string; marks?: SiblingMarks };

/** One reviewable face of a card: reversed cards have two, clozes one per deletion group. */
export interface Sibling {
	/** 0-based index among the card's siblings, also the index of its comment segment. */
	index: number;
	/** Markdown shown as the question (cloze: with `[...]` or `[hint]`). */
	question: string;
	/** Markdown shown as the answer. */
	answer: string;
	segment: SegmentState;
	/**
	 * Card-management marks kept in the sibling's segment (docs/format.md, "Suspended and flagged
	 * cards"): suspended, and a flag 1–7 as Anki's colours (0 = none). Absent = neither.
	 */
	marks?: SiblingMarks;
}

/** A card as found in a note. Line numbers are 0-based; `endLine` is inclusive. */
export interface Card {
	kind: CardKind;
	/** First line of the card (the question's first line). */
	startLine: number;
	/** Last line of the card, its scheduling comment included. */
	endLine: number;
	/** Front as written (without separator, comment, block id, leading deck tag), trimmed. */
	front: string;
	/** Back as written (without separator, comment, block id), trimmed. */
	back: string;
	siblings: Sibling[];
	/** The card's scheduling comment, when it has one. */
	comment: CommentLocation | null;
	/**
	 * The card's lines exactly as in the file, joined with "\n", with the scheduling comment
	 * removed. The writer finds the card again by this text (docs/format.md, "Writing back").
	 */
	source: string;
	/** Decks (tag paths without `#`, e.g. `space/docker`), in the order they were found; may be empty. */
	decks: string[];
	/** Heading chain above the card: note name, then H1, H2 … (heading text without `#`). */
	context: string[];
	/** True when the card's last text line closes a code fence (its comment must go on the next line). */
	endsInFence: boolean;
}

/** A problem in a note that `check` reports; the parser never throws. */
export interface NoteProblem {
	/** Stable code, e.g. `unreadable-segment`, `unclosed-fence`. */
	code: ProblemCode;
	/** 0-based line. */
	line: number;
	message: string;
}

export type ProblemCode =
	| "unreadable-segment"
	| "extra-segments"
	| "duplicate-comment"
	/** A scheduling comment without `-->`, read up to the end of its line. */
	| "unterminated-comment"
	/** A scheduling comment outside every card: no card reads it. */
	| "unread-comment"
	| "empty-question"
	| "unclosed-fence"
	| "unclosed-comment"
	| "unclosed-math"
	| "tagged-without-cards"
	| "future-last-review"
	/** Reported by the command line, which reads bytes: the note is not valid UTF-8. */
	| "not-utf8"
	/** Reported by the command line's folder walk: a link to a note or folder outside the vault, not followed. */
	| "link-outside-vault"
	/** Reported by the command line's folder walk: a `.md` link that points to nothing. */
	| "broken-link";

/** Everything the parser learns from one note. */
export interface ParsedNote {
	/** Tags of the note (frontmatter, then body), as written, each with a leading `#`. */
	tags: string[];
	/** Whether the note is read at all (has a flashcard tag, no ignored tag). */
	included: boolean;
	cards: Card[];
	problems: NoteProblem[];
}
