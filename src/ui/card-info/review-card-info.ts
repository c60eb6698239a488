/**
 * Card info for the card shown in a review (key I): the same modal as the card browser's, with
 * the state, due day and interval read from the sibling's segment and the history from the
 * merged review log.
 */
import type { App } from "obsidian";
import type { Card, Sibling } from "../../model/card";
import { localDay } from "../../model/days";
import { cardHistory } from "../../stats/card-history";
import { cardId } from "../../stats/card-id";
import type { MergedLog } from "../../stats/merge";
import { FLAG_NAMES } from "../card-browser/columns";
import type { CardInfo } from "./card-info";
import { CardInfoModal } from "./card-info-modal";

/** The card shown: its note, card and sibling, and its decks as the review shows them. */
export interface ReviewedCard {
	path: string;
	card: Card;
	sibling: number;
	decks: readonly string[];
}

const FSRS_STATES = ["New", "Learning", "Review", "Relearning"];

/** The card info of a reviewed sibling; `log` null when there is no review log. */
function cardInfoOfReviewed(reviewed: ReviewedCard, log: MergedLog | null, dayStartsAt: number): CardInfo {
	const { path, card } = reviewed;
	const sibling: Sibling | undefined = card.siblings[reviewed.sibling];
	const segment = sibling?.segment;
	const schedule = segment?.kind === "ok" ? segment.schedule : null;
	const marks = sibling?.marks ?? (segment && segment.kind !== "absent" ? segment.marks : undefined);
	const id = cardId(path, card.source, reviewed.sibling);
	const history = log === null ? null : cardHistory(log, id);
	const state =
		marks?.suspended === true ? "Suspended" : schedule === null ? "New" : schedule.type === "fsrs" ? (FSRS_STATES[schedule.state] ?? "Review") : "Review";
	return {
		question: sibling?.question ?? card.front,
		answer: sibling?.answer ?? "",
		path,
		line: card.startLine,
		deck: reviewed.decks.join(", "),
		state,
		due: schedule === null ? "" : schedule.type === "classic" ? schedule.due : localDay(new Date(schedule.due), dayStartsAt),
		interval: schedule === null ? "" : `${Number.isInteger(schedule.interval) ? schedule.interval : schedule.interval.toFixed(1)} d`,
		easeOrDifficulty: schedule === null ? "" : schedule.type === "classic" ? `${schedule.ease}%` : schedule.difficulty.toFixed(1),
		lapses: history?.lapses ?? (schedule?.type === "fsrs" ? schedule.lapses : 0),
		reviews: history?.reviews ?? (schedule?.type === "fsrs" ? schedule.reps : 0),
		flag: FLAG_NAMES[marks?.flag ?? 0] ?? "",
		id,
		history,
	};
}

/** Opens the card info of a reviewed card; the log is read first (no log: no history). */
export async function openReviewCardInfo(
	app: App,
	reviewed: ReviewedCard,
	readLog: (() => Promise<MergedLog>) | undefined,
	dayStartsAt: number,
	openCard: () => void,
): Promise<CardInfoModal> {
	let log: MergedLog | null = null;
	try {
		log = readLog ? await readLog() : null;
	} catch {
		// The facts of the note are still worth showing without the history.
		log = null;
	}
	const modal = new CardInfoModal(app, cardInfoOfReviewed(reviewed, log, dayStartsAt), openCard);
	modal.open();
	return modal;
}
