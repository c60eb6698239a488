/**
 * Card management from the review screen (docs/format.md, "Suspended and flagged cards"): what
 * the review asks of the plugin's card actions, and the one card action the review can take back.
 * Undo in a review is one stack, as in Anki: Z takes back whichever came last, the last answer
 * or the last card action; a suspended or buried card then comes back into the session.
 */
import type { Card } from "../model/card";
import type { ActionReport } from "./card-manager";
import type { ReviewSession, SessionItem } from "./session";

/** What the review screen may do to the card it shows. */
export type ReviewCardAction = { kind: "bury" } | { kind: "suspend" } | { kind: "flag"; flag: number };

/** One sibling as a card action's subject. */
export interface ReviewCardSubject {
	path: string;
	card: Card;
	sibling: number;
}

/** The plugin's card actions (`CardActions` of src/ui/services.ts), as far as the review uses them. */
export interface ReviewCardActions {
	toggleSuspend(subjects: readonly ReviewCardSubject[]): Promise<ActionReport>;
	toggleFlag(subjects: readonly ReviewCardSubject[], flag: number): Promise<ActionReport>;
	bury(subjects: readonly ReviewCardSubject[]): void;
	/** Takes back the last card action or bury (the plugin keeps only the last one). */
	undo(): Promise<boolean>;
}

/** A card action done in this review, for undo. */
export interface CardStep {
	action: ReviewCardAction;
	item: SessionItem;
	/** The session before the card left it (bury, suspend); null when the card stayed (flag). */
	before: ReviewSession | null;
	/** How many answers the session held then: the step is the newest while that is unchanged. */
	answered: number;
}

/** Whether an action's report says the card was changed (and nothing failed). */
export function changedCard(report: ActionReport): boolean {
	return report.failed.length === 0 && report.done.some((d) => d.changed);
}
