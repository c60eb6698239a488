/**
 * What the review screen shows, as plain data, and the actions it may call. The screen only
 * renders a {@link ReviewScreenState} and forwards clicks and keys to a {@link ReviewModel},
 * so it can be mounted over any model (the real controller, or a fixed one in a harness).
 */
import type { QueueKind, SessionProgress, SessionSummary } from "./session";
import type { EmptyReason, SessionOutlook } from "./session-outlook";
import { Rating } from "../model/schedule";
import type { ReviewCardAction, ReviewCardSubject } from "./review-card-actions";

/** Button and summary names of the ratings. */
export const RATING_NAMES: Record<Rating, string> = {
	[Rating.Again]: "Again",
	[Rating.Hard]: "Hard",
	[Rating.Good]: "Good",
	[Rating.Easy]: "Easy",
};

/**
 * - loading: the notes are being read;
 * - question / answer: a card is shown, answer hidden / revealed;
 * - editing: the card's source is in the edit box;
 * - waiting: only learning steps are left, the next one later today;
 * - finished: nothing left (the summary); also when nothing was due at all.
 */
export type ReviewPhase = "loading" | "question" | "answer" | "editing" | "waiting" | "finished";

export interface ReviewCardView {
	/** Vault path of the note (the markdown's source path). */
	path: string;
	/** 0-based first line of the card in the note as it is now. */
	line: number;
	kind: QueueKind;
	question: string;
	answer: string;
	/** The card's decks, as written in its tags. */
	decks: readonly string[];
	/** Note name, then headings above the card. */
	context: string[];
	/** The card's lines as written (without its comment): what the edit box holds. */
	source: string;
	/** Button labels ("10 min", "3 d" …) per rating. */
	intervals: Record<Rating, string>;
	/**
	 * A cloze's sides with their gaps, hints and revealed words marked (`cards/cloze-display`):
	 * the answer is the sentence once, shown in place of the question. Null for other cards.
	 */
	cloze?: { question: string; answer: string } | null;
	/** The sibling's flag, 1–7 (Anki's colours), 0 or absent for none. */
	flag?: number;
}

export interface UnsavedAnswerView {
	id: number;
	/** The card's question, so the user knows which answer this was. */
	question: string;
	path: string;
	/** 1-based line, for display. */
	line: number;
	rating: Rating;
	/** Why the last write failed. */
	message: string;
}

export interface ReviewScreenState {
	phase: ReviewPhase;
	/** The request's title, e.g. "space › docker". */
	title: string;
	card: ReviewCardView | null;
	progress: SessionProgress;
	summary: SessionSummary;
	unsaved: UnsavedAnswerView[];
	/** When the next learning step is due (phase "waiting"). */
	waitingUntil: Date | null;
	canUndo: boolean;
	/** Whether the card shown can be suspended, buried and flagged (the plugin's card actions). */
	canManage?: boolean;
	/** An action is writing a note; buttons are disabled meanwhile. */
	busy: boolean;
	showIntervals: boolean;
	/** A note for the user shown above the summary (e.g. notes that could not be read). */
	notice: string | null;
	/** While loading: what is being waited for ("Indexing… 120 of 3,400 notes"); null once started. */
	loading: string | null;
	/** False in a custom study session whose answers change no schedule (cram, forgotten cards). */
	reschedules?: boolean;
	/** Once nothing is left: the next due card and tomorrow's load of the request (null for one note). */
	outlook?: SessionOutlook | null;
	/** Why a session that never showed a card is empty; null otherwise. */
	empty?: EmptyReason | null;
}

/**
 * What became of an answer: written into its note, kept unsaved (the write failed), dropped
 * because the card's schedule changed in the note meanwhile (`stale`: the card is shown again),
 * or not taken.
 */
export type AnswerOutcome = "saved" | "unsaved" | "stale" | "ignored";

/** The actions of a review. Async ones resolve once the note is written (or the write failed). */
export interface ReviewModel {
	state(): ReviewScreenState;
	/** Calls `listener` after every change of state; returns a function that unsubscribes. */
	subscribe(listener: () => void): () => void;
	reveal(): void;
	answer(rating: Rating): Promise<AnswerOutcome>;
	skip(): void;
	/** True when the last answer was taken back. */
	undo(): Promise<boolean>;
	startEdit(): void;
	cancelEdit(): void;
	saveEdit(source: string): Promise<void>;
	/** Writes an unsaved answer again. */
	retry(id: number): Promise<void>;
	/** Writes every unsaved answer again. */
	retryAll(): Promise<void>;
	/** Takes an unsaved answer back and shows its card again, to answer it anew. */
	answerAgain(id: number): void;
	/** Looks at the clock again (a learning step may have come due). */
	refresh(): void;
	/** Suspends, buries or flags the card shown; true when done. Absent: no card management. */
	manage?(action: ReviewCardAction): Promise<boolean>;
	/** The card shown (its note, card and sibling), for its card info; null when none. */
	currentSubject?(): ReviewCardSubject | null;
}
