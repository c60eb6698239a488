/** What a review needs from the plugin: the app, settings, index, clock, notes and the review log. */
import type { App } from "obsidian";
import type { CardIndex } from "../../index/card-index";
import type { ReviewWriteOutcome } from "../../obsidian/review-writer";
import type { Schedule } from "../../schedule/types";
import type { SpacedNotesSettings } from "../../settings/settings";
import type { AnswerFacts } from "../../stats/review-entry";
import type { ReviewEntry } from "../../stats/log-format";
import type { MergedLog } from "../../stats/merge";
import type { CardTarget } from "../../writeback/write-schedule";

/** Writes into notes; `ReviewWriter` in src/obsidian/review-writer.ts. */
export interface NoteEditor {
	write(path: string, target: CardTarget, schedule: Schedule): Promise<ReviewWriteOutcome>;
	restore(path: string, target: CardTarget, previousComment: string | null): Promise<ReviewWriteOutcome>;
	replaceSource(path: string, target: CardTarget, newSource: string): Promise<ReviewWriteOutcome>;
}

/** The review log (`ReviewLogStore` fits): answers written, answers undone, and reading it back. */
export interface ReviewLog {
	recordAnswer(facts: AnswerFacts): Promise<ReviewEntry>;
	recordUndo(answer: ReviewEntry, time?: Date): Promise<void>;
	/** The merged log of every device; daily limits count today's answers from it. */
	readAll?(): Promise<MergedLog>;
}

export interface ReviewControllerDeps {
	app: App;
	settings(): SpacedNotesSettings;
	index(): CardIndex;
	editor: NoteEditor;
	now(): Date;
	/** Shows a short message (a `Notice` in Obsidian). */
	notify(message: string): void;
	log?: ReviewLog;
}
