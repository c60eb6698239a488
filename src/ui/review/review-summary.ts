/**
 * The end of a session: answers by rating, time spent, and the answers that could not be saved,
 * each with "Retry" (write it again) and "Answer again" (show the card once more). Also shown
 * while only later learning steps are left, with the time the next one is due.
 */
import { Rating } from "../../model/schedule";
import { RATING_NAMES, type ReviewModel, type ReviewScreenState } from "../../review/review-state";

const NAMES = RATING_NAMES;

/** Renders the summary of `state` into `el` (emptied by the caller). */
export function renderSummary(el: HTMLElement, state: ReviewScreenState, model: ReviewModel, close?: () => void): void {
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
	if (close) {
		const done = el.createEl("button", { cls: "sn-review-button sn-review-close", text: "Close" });
		done.addEventListener("click", close);
	}
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
