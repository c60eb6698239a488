/** What the review screen shows of the current card, built from the session entry and the live card. */
import type { Card } from "../model/card";
import { previewAnswers } from "../schedule/scheduler";
import { schedulingForDeck } from "../settings/deck-presets";
import type { QueueEntry } from "./session";
import { siblingKeyOf } from "./session-item";
import type { DueHistogram } from "../schedule/sm2";
import { Rating } from "../model/schedule";
import type { SpacedNotesSettings } from "../settings/settings";
import type { ReviewCardView } from "./review-state";
import { clozeDisplay } from "../cards/cloze-display";
import { clozePatternsOf } from "../cards/cloze-patterns";

/** The interval label of each button for the entry at `now`. */
export function answerIntervals(
	entry: QueueEntry,
	now: Date,
	settings: SpacedNotesSettings,
	dueOn: DueHistogram | undefined,
	early = false,
): Record<Rating, string> {
	const preview = previewAnswers(entry.segment, now, schedulingForDeck(settings, entry.item.card.decks[0]), {
		cardKey: siblingKeyOf(entry.item),
		dueOn,
		early,
	});
	return {
		[Rating.Again]: preview[Rating.Again].label,
		[Rating.Hard]: preview[Rating.Hard].label,
		[Rating.Good]: preview[Rating.Good].label,
		[Rating.Easy]: preview[Rating.Easy].label,
	};
}

export function cardView(entry: QueueEntry, card: Card, intervals: Record<Rating, string>, settings: SpacedNotesSettings): ReviewCardView {
	const sibling = card.siblings[entry.item.sibling];
	const cloze =
		card.kind === "cloze" && sibling !== undefined
			? clozeDisplay(card.front, clozePatternsOf(settings), sibling.index, { question: sibling.question, answer: sibling.answer })
			: null;
	return {
		path: entry.item.file,
		line: card.startLine,
		kind: entry.kind,
		question: sibling?.question ?? "",
		answer: sibling?.answer ?? "",
		decks: card.decks,
		context: card.context,
		source: card.source,
		intervals,
		cloze,
	};
}
