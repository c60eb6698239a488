/**
 * The end of a session: answers by rating, time spent, and the answers that could not be saved,
 * each with "Retry" (write it again) and "Answer again" (show the card once more). Also shown
 * while only later learning steps are left, with the time the next one is due.
 */
import { Rating } from "../../model/schedule";
import { RATING_NAMES, type ReviewModel, type ReviewScreenState } from "../../review/review-state";

const NAMES = RATING_NAMES;

/** Where the end of a session leads: each link is shown when given. */
export interface SummaryLinks {
	close?: () => void;
	deckList?: () => void;
	statistics?: () => void;
	/** The "review ahead" hook (custom study): offered when nothing is due. */
	reviewAhead?: () => void;
}

/** Why an empty session is empty, in the deck list's words. */
const EMPTY_WHY: Record<NonNullable<ReviewScreenState["empty"]>, string> = {
	"no-cards": "There are no cards here yet: tag a note with a flashcard tag and write a card in it.",
	"nothing-due": "Every card here is done for today.",
	limit: "Cards are due, but today's limits are reached (new cards and reviews per day), or their siblings were shown today. The settings set the limits.",
};

/** Renders the summary of `state` into `el` (emptied by the caller). */
export function renderSummary(el: HTMLElement, state: ReviewScreenState, model: ReviewModel, links: SummaryLinks = {}): void {
	const { summary } = state;
	if (state.notice) el.createDiv({ cls: "sn-review-notice", text: state.notice });
	if (state.phase === "waiting" && state.waitingUntil) {
		el.createDiv({
			cls: "sn-review-waiting",
			text: `The next learning card is due at ${timeOfDay(state.waitingUntil)}. It appears here when it is due.`,
		});
	}
	const unsaved = state.unsaved.length;
	const heading =
		summary.answered === 0
			? "Nothing to review right now."
			: unsaved > 0
				? `${unsaved === 1 ? "1 answer is" : `${unsaved} answers are`} not saved yet`
				: state.phase === "waiting"
					? "Reviewed so far"
					: "Session complete";
	el.createEl("h3", { cls: "sn-review-summary-title", text: heading });
	renderOutlook(el, state, links);
	if (summary.answered > 0) {
		const figures = el.createDiv("sn-review-figures");
		figure(figures, "Answered", String(summary.answered), "answered");
		for (const rating of [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]) {
			figure(figures, NAMES[rating], String(summary.byRating[rating]), NAMES[rating].toLowerCase());
		}
		figure(figures, "Time", durationText(summary.elapsedMs), "time");
	}
	if (state.unsaved.length > 0) {
		const box = el.createDiv("sn-review-unsaved");
		box.createEl("h4", { text: state.unsaved.length === 1 ? "1 answer is not saved" : `${state.unsaved.length} answers are not saved` });
		if (state.unsaved.length > 1) {
			const all = box.createEl("button", { cls: "sn-review-button sn-review-retry-all mod-cta", text: "Retry all" });
			all.disabled = state.busy;
			all.addEventListener("click", () => void model.retryAll());
		}
		const list = box.createEl("ul", "sn-review-unsaved-list");
		for (const answer of state.unsaved) {
			const item = list.createEl("li", "sn-review-unsaved-item");
			item.createDiv({ cls: "sn-review-unsaved-question", text: answer.question });
			item.createDiv({ cls: "sn-review-unsaved-where", text: `${answer.path}, line ${answer.line}: ${NAMES[answer.rating]}` });
			item.createDiv({ cls: "sn-review-unsaved-why", text: answer.message });
			const actions = item.createDiv("sn-review-unsaved-actions");
			const retry = actions.createEl("button", { cls: "sn-review-button sn-review-retry mod-cta", text: "Retry" });
			retry.disabled = state.busy;
			retry.addEventListener("click", () => void model.retry(answer.id));
			const again = actions.createEl("button", { cls: "sn-review-button sn-review-answer-again", text: "Answer again" });
			again.disabled = state.busy;
			again.addEventListener("click", () => model.answerAgain(answer.id));
		}
	}
	const nav = el.createDiv("sn-review-end-links");
	link(nav, "Statistics", "sn-review-to-stats", links.statistics);
	link(nav, "Deck list", "sn-review-to-decks", links.deckList);
	if (nav.childElementCount === 0) nav.detach();
	if (links.close) {
		const done = el.createEl("button", { cls: "sn-review-button sn-review-close", text: "Close" });
		done.addEventListener("click", links.close);
	}
}

/** Why nothing is shown, when the next card is due, and tomorrow's load once the session is over. */
function renderOutlook(el: HTMLElement, state: ReviewScreenState, links: SummaryLinks): void {
	const outlook = state.outlook ?? null;
	if (state.empty) el.createDiv({ cls: `sn-review-empty-why sn-review-empty-${state.empty}`, text: EMPTY_WHY[state.empty] });
	if (state.empty && outlook?.nextDue) {
		el.createDiv({ cls: "sn-review-next-due", text: `The next card is due ${outlook.nextDue}.` });
		if (links.reviewAhead) link(el, "Review ahead", "sn-review-ahead mod-cta", links.reviewAhead);
	}
	if (!state.empty && state.phase === "finished" && outlook !== null) {
		const n = outlook.tomorrow;
		el.createDiv({
			cls: "sn-review-tomorrow",
			text: `Tomorrow: ${n === 0 ? "no cards" : n === 1 ? "1 card" : `${n} cards`} due${outlook.nextDue ? `; the next ${outlook.nextDue}` : ""}.`,
		});
	}
}

function link(parent: HTMLElement, text: string, cls: string, onClick: (() => void) | undefined): void {
	if (!onClick) return;
	const button = parent.createEl("button", { cls: `sn-review-button ${cls}`, text });
	button.addEventListener("click", () => onClick());
}

function figure(parent: HTMLElement, label: string, value: string, key: string): void {
	const el = parent.createDiv(`sn-review-figure sn-review-figure-${key}`);
	el.createDiv({ cls: "sn-review-figure-value", text: value });
	el.createDiv({ cls: "sn-review-figure-label", text: label });
}

/** "45 s", "3 min", "1 h 5 min". */
function durationText(ms: number): string {
	const seconds = Math.max(0, Math.round(ms / 1000));
	if (seconds < 60) return `${seconds} s`;
	const minutes = Math.round(seconds / 60);
	if (minutes < 60) return `${minutes} min`;
	return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function timeOfDay(date: Date): string {
	const hh = String(date.getHours()).padStart(2, "0");
	const mm = String(date.getMinutes()).padStart(2, "0");
	return `${hh}:${mm}`;
}
