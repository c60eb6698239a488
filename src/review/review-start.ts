/** Starting a review: the request's cards read from their notes into a new session. */
import type { ReviewRequest } from "./request";
import { ReviewSession } from "./session";
import { doneToday } from "./done-today";
import type { AnswerSaver } from "./answer-saver";
import type { LiveCards } from "./live-cards";
import type { ReviewDeps } from "./ports";
import { loadReviewItems } from "./review-items";
import { emptyCustomMessage, forgottenCardIds } from "./custom-study";
import { cardId } from "../stats/card-id";
import { localDay } from "../model/days";
import type { NoteReviewEntry } from "../stats/log-format";
import type { SessionItem } from "./session-item";

/** A started review: its session, and a message for the user when not every card could be read. */
export interface ReviewStart {
	session: ReviewSession;
	notice: string | null;
}

/**
 * Reads the notes of `request` and starts a session over their cards, counting today's answers
 * in the review log against the daily limits. Each card goes into `live`; with SM-2 load
 * balancing on, `answers` starts counting cards due per day. Never rejects: when the notes
 * cannot be read the session is empty and the notice says why.
 */
export async function startReview(deps: ReviewDeps, request: ReviewRequest, live: LiveCards, answers: AnswerSaver): Promise<ReviewStart> {
	const settings = deps.settings();
	const now = deps.now();
	let notice: string | null = null;
	try {
		const index = deps.index();
		const loaded = await loadReviewItems(deps.notes, index, settings, request, now);
		const buried = request.isBuried;
		// Suspended siblings are in no session, custom ones included; buried ones wait until
		// tomorrow (plugin state, not the note). docs/format.md, "Suspended and flagged cards".
		loaded.items = loaded.items.filter(
			(item) => !item.card.siblings[item.sibling]?.marks?.suspended && !(buried && buried(cardId(item.file, item.card.source, item.sibling))),
		);
		if (settings.algorithm === "sm2" && settings.loadBalance) answers.countDueDays(index, settings.nextDayStartsAt);
		const merged = deps.log?.readAll ? await deps.log.readAll() : null;
		// Note review's "bury the note's cards": a note reviewed today keeps its cards until tomorrow.
		const items =
			settings.noteBuryCards && merged ? withoutNotesReviewedToday(loaded.items, merged.noteReviews, now, settings.nextDayStartsAt) : loaded.items;
		for (const item of items) live.add(item);
		if (loaded.skippedNotes.length > 0) {
			notice = `Some cards were left out because their notes changed or could not be read: ${loaded.skippedNotes.join(", ")}.`;
		}
		const history = merged ?? { reviews: [], cram: [] };
		const hour = settings.nextDayStartsAt;
		const { custom, extraNew } = request;
		const forgotten = custom?.kind === "forgotten" ? forgottenCardIds(history, now, custom.days, hour) : undefined;
		const session = ReviewSession.start(items, { now, settings, doneToday: doneToday(history.reviews, now, hour), custom, forgotten, extraNew });
		if (custom && session.finished) notice ??= emptyCustomMessage(custom);
		return { session, notice };
	} catch (error) {
		notice = `The review could not start: ${error instanceof Error ? error.message : String(error)}`;
		return { session: ReviewSession.start([], { now, settings }), notice };
	}
}

/** The items whose note was not reviewed as a whole today (docs/scheduling.md, "Note review"). */
export function withoutNotesReviewedToday(
	items: readonly SessionItem[],
	noteReviews: readonly NoteReviewEntry[],
	now: Date,
	dayStartHour: number,
): SessionItem[] {
	const today = localDay(now, dayStartHour);
	const reviewed = new Set(noteReviews.filter((e) => e.time <= now.getTime() && localDay(new Date(e.time), dayStartHour) === today).map((e) => e.note));
	return reviewed.size === 0 ? [...items] : items.filter((item) => !reviewed.has(item.file));
}
