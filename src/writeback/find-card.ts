/**
 * Finds a card again in the current text of its note (docs/format.md, "Writing back"): by its source text,
 * nearest to the line where it was shown, so identical copies are told apart by position.
 */
import type { Card } from "../model/card";
import type { EditRefusal } from "./text-edit";

/** What the reviewer knew about the card when it was shown. */
export interface CardTarget {
	/** `Card.source` as shown: the card's lines without its scheduling comment. */
	source: string;
	/** `Card.startLine` as shown (0-based). */
	startLine: number;
	/** Index of the reviewed sibling. */
	sibling: number;
	/** Number of siblings the card had when shown. */
	siblingCount: number;
	/**
	 * Optional: the card's comment as shown (`Card.comment?.raw ?? null`). It breaks a tie between
	 * identical copies at the same distance from `startLine`, and a write or an undo refuses the
	 * card (`stale`) when its comment is no longer this one.
	 */
	comment?: string | null;
}

/** The target for sibling `sibling` of `card` as it is shown now. */
export function cardTarget(card: Card, sibling: number): CardTarget {
	return {
		source: card.source,
		startLine: card.startLine,
		sibling,
		siblingCount: card.siblings.length,
		comment: card.comment?.raw ?? null,
	};
}

export type FoundCard = { ok: true; card: Card } | EditRefusal;

/**
 * The card among `cards` whose source equals `target.source` and whose first line is nearest
 * to `target.startLine`. Copies equally near (one above, one below) are told apart by
 * `target.comment` when given; if that does not single one out the result is `ambiguous`
 * rather than a guess, since a wrong guess would give one copy the other's schedule.
 * Sources are compared without trailing whitespace on each line (see {@link sourceKey}).
 * No copy left: `changed` when another card now covers the shown line, else `gone`.
 */
export function findCard(cards: readonly Card[], target: CardTarget): FoundCard {
	const key = sourceKey(target.source);
	const copies = cards.filter((card) => sourceKey(card.source) === key);
	if (copies.length === 0) {
		const covering = cards.some((card) => card.startLine <= target.startLine && target.startLine <= card.endLine);
		return covering
			? { ok: false, conflict: "changed", message: "The card was edited since it was shown; its schedule was not saved." }
			: { ok: false, conflict: "gone", message: "The card is no longer in the note; its schedule was not saved." };
	}
	const distance = (card: Card): number => Math.abs(card.startLine - target.startLine);
	// A loop, not Math.min(...): a note may hold hundreds of thousands of copies.
	let nearest = Infinity;
	for (const copy of copies) nearest = Math.min(nearest, distance(copy));
	let best = copies.filter((card) => distance(card) === nearest);
	if (best.length > 1 && target.comment !== undefined) {
		best = best.filter((card) => (card.comment?.raw ?? null) === target.comment);
	}
	if (best.length !== 1) {
		return {
			ok: false,
			conflict: "ambiguous",
			message: "The note holds identical copies of this card and it is unclear which one was shown; nothing was saved.",
		};
	}
	const card = best[0];
	if (card.siblings.length !== target.siblingCount || target.sibling < 0 || target.sibling >= card.siblings.length) {
		return {
			ok: false,
			conflict: "changed",
			message: "The card's sides changed since it was shown; its schedule was not saved.",
		};
	}
	return { ok: true, card };
}

/**
 * A source as compared when finding a card: each line without trailing whitespace. The parser
 * cuts a same-line comment together with the spaces before it, so a card line ending in
 * spaces has a different `source` once a same-line comment is added; invisible trailing
 * whitespace must not make the card "changed".
 */
export function sourceKey(source: string): string {
	return source
		.split("\n")
		.map((line) => line.trimEnd())
		.join("\n");
}
