/**
 * What the views, modals and commands need from the plugin, handed to them instead of the
 * plugin object itself (so they stay testable with the Obsidian mock and hold no reference that
 * would keep a closed view alive). The glue in src/obsidian implements it; the UI never imports
 * the glue.
 */
import type { App } from "obsidian";
import type { ParsedNote } from "../model/card";
import type { CardIndex } from "../index/card-index";
import type { NoteStore } from "../review/ports";
import type { ReviewRequest } from "../review/request";
import type { SpacedNotesSettings } from "../settings/settings";
import type { ActionReport, ActionSubject } from "../review/card-manager";
import type { CardAction } from "../writeback/card-actions";

/**
 * Card management (docs/format.md, "Suspended and flagged cards") for commands, chip menus, the
 * card browser and the review screen: each acts on siblings (a note path, its card, a sibling
 * index), writes through the note store, logs and tells the user what happened.
 */
export interface CardActions {
	/** Applies `action` to every subject; one write per note; undoable with {@link undo}. */
	apply(subjects: readonly ActionSubject[], action: CardAction): Promise<ActionReport>;
	/** Suspends the subjects, or unsuspends them when every one is suspended. */
	toggleSuspend(subjects: readonly ActionSubject[]): Promise<ActionReport>;
	/** Gives the subjects flag `flag` (1–7), or removes it when every one has it. */
	toggleFlag(subjects: readonly ActionSubject[], flag: number): Promise<ActionReport>;
	/**
	 * Sets the due date: "in 3 days", "2026-02-01", a range "2026-02-01..2026-02-10" or "3-7"
	 * (spread evenly); a message instead when the text cannot be read.
	 */
	setDue(subjects: readonly ActionSubject[], when: string): Promise<ActionReport | string>;
	/** Buries the subjects until the next day starts (local state, not the note). */
	bury(subjects: readonly ActionSubject[]): void;
	/** Whether a sibling is buried today. */
	isBuried(subject: ActionSubject): boolean;
	/** Takes back the last action or bury; false when there was none or it could not be undone. */
	undo(): Promise<boolean>;
}
import type { MergedLog } from "../stats/merge";

/** The vault's card index as it is kept up to date (`VaultIndexer` in src/obsidian). */
interface IndexFeed {
	/** The index now (replaced by a rebuild: never keep it). */
	readonly index: CardIndex;
	/** True while the whole vault is being indexed. */
	readonly isBuilding: boolean;
	/** Resolves once the first full index is built. */
	readonly ready: Promise<void>;
	/** Calls `listener` after every change to the index; returns a function that unsubscribes. */
	onChange(listener: () => void): () => void;
	/** How far a build in progress is (notes looked at of all); null when the index is complete. */
	readonly progress: { done: number; total: number } | null;
	/** Resolves once no build is running: the index is then complete. */
	whenBuilt(): Promise<void>;
	/** Calls `listener` as a build moves on; returns a function that unsubscribes. */
	onProgress(listener: () => void): () => void;
	/** A note the plugin wrote itself, with the parse that verified it (no second parse). */
	applyOwnWrite(path: string, newText: string, parsed?: ParsedNote): void;
}

export interface PluginServices {
	app: App;
	/** The current settings (always fresh; never cache the object). */
	settings(): SpacedNotesSettings;
	/** Merges `patch` into the settings, saves them, and updates the index when needed. */
	updateSettings(patch: Partial<SpacedNotesSettings>): Promise<void>;
	indexer: IndexFeed;
	/** The vault's notes as the review reads and writes them. */
	notes: NoteStore;
	/** This device's id, which names its review log file. */
	deviceId(): string;
	/** Starts a review session in a modal or a tab, as the settings say. */
	startReview(request: ReviewRequest): void;
	/** Opens the deck list (modal). */
	openDeckList(): void;
	/** The clock (tests replace it). */
	now(): Date;
	/** Suspend, bury, flag, reset, forget, set due, undo (docs/format.md, "Suspended and flagged cards"). */
	cardActions?: CardActions;
	/** What the card browser does to the siblings it shows; absent = open only, in the active leaf. */
	browserActions?: BrowserActions;
	/** The merged review log of every device (card info, the browser's review counts, the optimizer); absent = no log. */
	readLog?(): Promise<MergedLog>;
	/** Whether a card (by its log id) is buried until tomorrow (plugin local state); absent = none is. */
	isBuried?(cardId: string): boolean;
}

/** One sibling as the card browser hands it to an action. */
export interface BrowserCardRef {
	/** The note's vault path. */
	path: string;
	/** The card's first line (0-based) and its index among the note's cards, as the index has them. */
	line: number;
	cardIndex: number;
	sibling: number;
	/** The card's log id ("" when the note's text was not read yet). */
	id: string;
}

/**
 * The card browser's actions on the selected siblings. `open` is always there; the others are
 * card management (suspend, flag, reset, set due), whose buttons show only once they are given.
 */
export interface BrowserActions {
	/** Opens the card's note at the card. */
	open: (card: BrowserCardRef) => void | Promise<void>;
	suspend?: (cards: readonly BrowserCardRef[], suspended: boolean) => Promise<void>;
	/** Flag 0 (none) to 7. */
	flag?: (cards: readonly BrowserCardRef[], flag: number) => Promise<void>;
	/** Makes the cards new again (their history stays in the log). */
	reset?: (cards: readonly BrowserCardRef[]) => Promise<void>;
	/** Sets the due day: "in 3 days", "2026-02-01", or a range of days to spread the cards over. */
	setDue?: (cards: readonly BrowserCardRef[], when: string) => Promise<void>;
}
