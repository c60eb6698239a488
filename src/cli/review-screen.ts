/**
 * What the terminal review prints: one card at a time, the four answers with their intervals, a
 * summary. It draws what the review engine's state says (src/review) and decides nothing.
 */
import type { SessionProgress, SessionSummary } from "../review/session";
import { RATING_NAMES, type ReviewCardView, type UnsavedAnswerView } from "../review/review-state";
import { Rating } from "../model/schedule";
import type { CliIO } from "./io";
import { markdownToPlainText } from "./plain-text";
import { terminalText } from "./terminal-text";

const RATINGS = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const;
const RULE = "─".repeat(60);

export class ReviewScreen {
	constructor(
		private readonly io: CliIO,
		private readonly interactive: boolean,
	) {}

	question(card: ReviewCardView, progress: SessionProgress): void {
		const left = progress.left;
		// Note text is made visible before the screen adds its own sequences around it.
		const deck = terminalText(card.decks.length > 0 ? card.decks.map((d) => d.split("/").join(" › ")).join(", ") : "(no deck)");
		const context = terminalText([card.path, ...card.context.slice(1)].join(" › "));
		// In a terminal each card gets a clean screen; a transcript (pipe) keeps everything.
		if (this.interactive) this.out("\u001b[2J\u001b[H");
		this.out(
			`\n${RULE}\n${this.bold(deck)}   ${this.dim(`new ${left.new} · learning ${left.learning} · review ${left.review}`)}\n` +
				`${this.dim(context)}\n\n${terminalText(markdownToPlainText(card.question))}\n`,
		);
		if (this.interactive) this.out(this.dim("\n[Enter] show answer   s skip   u undo   q quit\n"));
	}

	answer(card: ReviewCardView): void {
		const keys = RATINGS.map((r) => `${r} ${RATING_NAMES[r]} (${card.intervals[r]})`).join("   ");
		this.out(`\n${this.dim("Answer:")}\n${terminalText(markdownToPlainText(card.answer))}\n\n${keys}\n`);
		if (this.interactive) this.out(this.dim("u undo   s skip   q quit\n"));
	}

	saved(rating: Rating): void {
		this.out(this.dim(`${RATING_NAMES[rating]}: saved.\n`));
	}

	message(text: string): void {
		this.out(`${terminalText(text)}\n`);
	}

	/** A notice of the review engine (a note not written, nothing to undo…): standard error. */
	notice(text: string): void {
		this.io.stderr(`${text}\n`);
	}

	waiting(until: Date): void {
		this.out(`\nThe next learning step is due at ${until.toLocaleTimeString()}; review again then.\n`);
	}

	summary(summary: SessionSummary, unsaved: readonly UnsavedAnswerView[]): void {
		const counts = RATINGS.map((r) => `${RATING_NAMES[r]} ${summary.byRating[r]}`).join(", ");
		const minutes = Math.round(summary.elapsedMs / 60_000);
		let text =
			`\n${RULE}\nReviewed ${summary.answered} card${summary.answered === 1 ? "" : "s"}` +
			(summary.answered > 0 ? ` (${counts}) in ${minutes} min` : "") +
			".\n";
		if (unsaved.length > 0) {
			text +=
				`${unsaved.length} answer${unsaved.length === 1 ? " was" : "s were"} not saved:\n` +
				unsaved.map((r) => `  ${terminalText(r.path)}:${r.line} (${RATING_NAMES[r.rating]}): ${terminalText(r.message)}\n`).join("");
		}
		this.out(text);
	}

	private out(text: string): void {
		this.io.stdout(text);
	}

	private bold(text: string): string {
		return this.interactive ? `\u001b[1m${text}\u001b[22m` : text;
	}

	private dim(text: string): string {
		return this.interactive ? `\u001b[2m${text}\u001b[22m` : text;
	}
}
