/** What to review: a deck subtree, a filter, one note, or everything (all absent). */
import type { Filter } from "../decks/filter";
import type { CustomStudy } from "./custom-study";

export interface ReviewRequest {
	/** Shown in the review's header, e.g. "space › docker" or "All cards". */
	title: string;
	deck?: string;
	filter?: Filter;
	/** Vault path of one note (the "review this note" command). */
	path?: string;
	/** With `path`: only the card whose first line is this (0-based), e.g. from its schedule chip. */
	line?: number;
	/** A custom study session over the selected cards (review ahead, cram, forgotten cards). */
	custom?: CustomStudy;
	/** Today's raised new-card limits (extra new cards): deck key → extra, see `extra-new.ts`. */
	extraNew?: Readonly<Record<string, number>>;
	/**
	 * Whether a sibling (by card id, `stats/card-id.ts`) is buried until tomorrow: it is left out
	 * (the plugin's local state, docs/format.md, "Suspended and flagged cards").
	 */
	isBuried?: (cardId: string) => boolean;
}
