/**
 * What the terminal review prints: one card at a time, the four answers with their intervals, a
 * summary. It draws what the review engine's state says (src/review) and decides nothing.
 * In a terminal each card gets a clean screen, so what happened last ("Good: saved.") is kept
 * and shown at the top of the next one; a transcript (pipe) keeps everything in order.
 */
import type { SessionProgress, SessionSummary } from "../review/session";
import { RATING_NAMES, type ReviewCardView, type UnsavedAnswerView } from "../review/review-state";
import { Rating } from "../model/schedule";
import type { CliIO } from "./io";
import { markdownToPlainText } from "./plain-text";
import { terminalText } from "./terminal-text";
import { wrapWords } from "./wrap";

const RATINGS = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const;
const RULE = "─".repeat(60);

export class ReviewScreen {
	/** What happened since the last screen, shown at the top of the next one in a terminal. */
	private status: string[] = [];

	constructor(
		private readonly io: CliIO,
		private readonly interactive: boolean,
	) {}

	question(card: ReviewCardView, progress: SessionProgress): void {
		const left = progress.left;
		// Note text is made visible before the screen adds its own sequences around it.
		const deck = terminalText(card.decks.length > 0 ? card.decks.map((d) => d.split("/").join(" › ")).join(", ") : "(no deck)");
		const context = terminalText([card.path, ...card.context.slice(1)].join(" › "));
		if (this.interactive) this.out(`\u001b[2J\u001b[H${this.flushStatus()}`);
		this.out(
			`\n${RULE}\n${this.bold(deck)}   ${this.dim(`due ${left.review} · new ${left.new} · learning ${left.learning}`)}\n` +
				`${this.dim(this.wrap(context))}\n\n${this.wrap(terminalText(markdownToPlainText(card.question)))}\n`,
		);
		if (this.interactive) this.out(this.dim("\n[Enter] show answer   s skip   u undo   q quit\n"));
	}

	answer(card: ReviewCardView): void {
		const keys = RATINGS.map((r) => `${r} ${RATING_NAMES[r]} (${card.intervals[r]})`).join("   ");
		this.out(`\n${this.dim("Answer:")}\n${this.wrap(terminalText(markdownToPlainText(card.answer)))}\n\n${keys}\n`);
		if (this.interactive) this.out(this.dim("[Enter] Good   u undo   s skip   q quit\n"));
	}

	saved(rating: Rating): void {
		this.say(this.dim(`${RATING_NAMES[rating]}: saved.`));
	}

	/** A cram answer (custom study): logged, no schedule changed. */
	logged(rating: Rating): void {
		this.say(this.dim(`${RATING_NAMES[rating]}: logged, schedule unchanged.`));
	}

	message(text: string): void {
		this.say(terminalText(text));
	}

	/** A notice of the review engine (a note not written, nothing to undo…): standard error. */
	notice(text: string): void {
		this.io.stderr(`${text}\n`);
	}

	/** The session has no card left but an answer to take back: in a terminal, say how. */
	finished(): void {
		if (this.interactive) this.out(`${this.flushStatus()}${this.dim("\nNo card left.   u undo the last answer   [Enter] or q end\n")}`);
	}

	summary(summary: SessionSummary, unsaved: readonly UnsavedAnswerView[], learningLeft: number, nextDue: Date | null): void {
		const counts = RATINGS.map((r) => `${RATING_NAMES[r]} ${summary.byRating[r]}`).join(", ");
		const minutes = Math.round(summary.elapsedMs / 60_000);
		const cards = `${summary.cards} card${summary.cards === 1 ? "" : "s"}`;
		const answers = `${summary.answered} answer${summary.answered === 1 ? "" : "s"}`;
		let text = `${this.flushStatus()}\n${RULE}\nReviewed ${cards}` + (summary.answered > 0 ? ` with ${answers} (${counts}) in ${minutes} min` : "") + ".\n";
		if (learningLeft > 0) {
			const when = nextDue ? `; the next at ${nextDue.toLocaleTimeString()}` : "";
			text += `${learningLeft} card${learningLeft === 1 ? " is" : "s are"} in learning steps and come${learningLeft === 1 ? "s" : ""} back today${when}.\n`;
		}
		if (unsaved.length > 0) {
			text +=
				`${unsaved.length} answer${unsaved.length === 1 ? " was" : "s were"} not saved:\n` +
				unsaved.map((r) => `  ${terminalText(r.path)}:${r.line} (${RATING_NAMES[r.rating]}): ${terminalText(r.message)}\n`).join("");
		}
		this.out(text);
	}

	/** In a terminal: kept for the top of the next screen; in a transcript: printed now. */
	private say(line: string): void {
		if (this.interactive) this.status.push(line);
		else this.out(`${line}\n`);
	}

	private flushStatus(): string {
		const text = this.status.map((line) => `${line}\n`).join("");
		this.status = [];
		return text;
	}

	private wrap(text: string): string {
		return this.interactive && this.io.columns ? wrapWords(text, this.io.columns) : text;
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
