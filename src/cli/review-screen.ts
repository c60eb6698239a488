/** What the terminal review prints: one card at a time, the four answers with their intervals, a summary. */
import { previewAnswers, type AnswerContext } from "../schedule/scheduler";
import type { AnswerRecord, QueueEntry, SessionProgress, SessionSummary } from "../schedule/session";
import { Rating } from "../schedule/types";
import type { SpacedNotesSettings } from "../settings/settings";
import type { CliIO } from "./io";
import { markdownToPlainText } from "./plain-text";

const NAMES: Record<Rating, string> = { [Rating.Again]: "Again", [Rating.Hard]: "Hard", [Rating.Good]: "Good", [Rating.Easy]: "Easy" };
const RULE = "─".repeat(60);

export class ReviewScreen {
	constructor(
		private readonly io: CliIO,
		private readonly settings: SpacedNotesSettings,
		private readonly interactive: boolean,
	) {}

	question(entry: QueueEntry, progress: SessionProgress): void {
		const { card, sibling, file } = entry.item;
		const left = progress.left;
		const deck = card.decks.length > 0 ? card.decks.map((d) => d.split("/").join(" › ")).join(", ") : "(no deck)";
		const context = [file, ...card.context.slice(1)].join(" › ");
		// In a terminal each card gets a clean screen; a transcript (pipe) keeps everything.
		if (this.interactive) this.out("\u001b[2J\u001b[H");
		this.out(
			`\n${RULE}\n${this.bold(deck)}   ${this.dim(`new ${left.new} · learning ${left.learning} · review ${left.review}`)}\n` +
				`${this.dim(context)}\n\n${markdownToPlainText(card.siblings[sibling].question)}\n`,
		);
		if (this.interactive) this.out(this.dim("\n[Enter] show answer   s skip   u undo   q quit\n"));
	}

	answer(entry: QueueEntry, now: Date, ctx: AnswerContext): void {
		const { card, sibling } = entry.item;
		const previews = previewAnswers(entry.segment, now, this.settings, ctx);
		const keys = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]
			.map((r) => `${r} ${NAMES[r]} (${previews[r].label})`)
			.join("   ");
		this.out(`\n${this.dim("Answer:")}\n${markdownToPlainText(card.siblings[sibling].answer)}\n\n${keys}\n`);
		if (this.interactive) this.out(this.dim("u undo   s skip   q quit\n"));
	}

	saved(record: AnswerRecord): void {
		this.out(this.dim(`${NAMES[record.rating]}: saved.\n`));
	}

	notSaved(message: string): void {
		this.io.stderr(`not saved: ${message}\n`);
	}

	message(text: string): void {
		this.out(`${text}\n`);
	}

	waiting(until: Date): void {
		this.out(`\nThe next learning step is due at ${until.toLocaleTimeString()}; review again then.\n`);
	}

	summary(summary: SessionSummary, unsaved: readonly AnswerRecord[]): void {
		const counts = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy].map((r) => `${NAMES[r]} ${summary.byRating[r]}`).join(", ");
		const minutes = Math.round(summary.elapsedMs / 60_000);
		let text = `\n${RULE}\nReviewed ${summary.answered} card${summary.answered === 1 ? "" : "s"}` +
			(summary.answered > 0 ? ` (${counts}) in ${minutes} min` : "") + ".\n";
		if (unsaved.length > 0) {
			text += `${unsaved.length} answer${unsaved.length === 1 ? " was" : "s were"} not saved:\n` +
				unsaved.map((r) => `  ${r.item.file}:${r.item.card.startLine + 1} (${NAMES[r.rating]})\n`).join("");
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
