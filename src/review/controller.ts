/**
 * Drives a review: builds the session from a request, shows one card at a time and writes each
 * answer into its note at once. It owns no DOM; the screen renders {@link ReviewController.state}.
 * Notes are always addressed with each card as it is now (`LiveCards`); writing answers and
 * taking them back is `AnswerSaver`'s part. What it keeps, and the screen state built from
 * that, is {@link ReviewControllerState} (`controller-state.ts`); the actions are here.
 */
import { siblingKeyOf } from "./session-item";
import type { AnswerRecord } from "./session";
import type { Rating } from "../model/schedule";
import type { Card } from "../model/card";
import { cardTarget } from "../writeback/write-schedule";
import type { SaveOutcome } from "./answer-saver";
import { startReview } from "./review-start";
import { marksOf } from "../writeback/card-actions";
import type { CardStep, ReviewCardAction } from "./review-card-actions";
import { changedCard } from "./review-card-actions";
import type { AnswerOutcome, ReviewModel } from "./review-state";
import { ReviewControllerState } from "./controller-state";

export class ReviewController extends ReviewControllerState implements ReviewModel {
	/** Waits for the index when it is being built, then reads the notes and starts the session. Never rejects. */
	async load(): Promise<void> {
		const indexing = this.deps.indexing;
		if (indexing && indexing.progress !== null) {
			const stop = indexing.onProgress(() => this.emit());
			this.emit();
			try {
				await indexing.whenBuilt();
			} finally {
				stop();
			}
		}
		const start = await startReview(this.deps, this.request, this.live, this.answers);
		if (start.notice !== null) this.notice = start.notice;
		this.session = start.session;
		this.advance();
	}

	reveal(): void {
		if (this.phase() !== "question") return;
		this.revealed = true;
		this.emit();
	}

	async answer(rating: Rating): Promise<AnswerOutcome> {
		const session = this.session;
		const entry = this.entry;
		if (this.busy || this.phase() !== "answer" || session === null || entry === null) return "ignored";
		const now = this.deps.now();
		const answered = session.answer(rating, now, { cardKey: siblingKeyOf(entry.item), dueOn: this.answers.dueOn });
		if (!answered) return "ignored";
		const durationMs = now.getTime() - this.shownAt;
		this.session = answered.session;
		let saved: SaveOutcome = "unsaved";
		await this.run(async () => {
			saved = await this.save(answered.record, durationMs);
			this.advance(saved === "stale");
		});
		return saved;
	}

	skip(): void {
		const phase = this.phase();
		if (this.session === null || this.busy || (phase !== "question" && phase !== "answer")) return;
		this.session = this.session.skip(this.deps.now());
		this.advance(true);
	}

	/**
	 * Takes back what came last, out of its note too: the last answer, or the last card action
	 * (a suspended or buried card comes back); true when it was taken back.
	 */
	async undo(): Promise<boolean> {
		const session = this.session;
		if (session === null || this.busy || this.editing) return false;
		const step = this.newestStep();
		if (step !== null) return this.undoStep(step);
		const undone = session.undo();
		if (!undone) {
			this.deps.notify("Nothing to undo.");
			return false;
		}
		const record = undone.restore;
		let done = false;
		await this.run(async () => {
			if (!(await this.answers.undo(record))) return;
			this.session = undone.session;
			done = true;
			this.advance(true);
		});
		return done;
	}

	startEdit(): void {
		const phase = this.phase();
		if (this.busy || (phase !== "question" && phase !== "answer")) return;
		this.editing = true;
		this.emit();
	}

	cancelEdit(): void {
		if (!this.editing) return;
		this.editing = false;
		this.emit();
	}

	async saveEdit(source: string): Promise<void> {
		const entry = this.entry;
		if (!this.editing || entry === null || this.busy) return;
		const card = this.live.get(entry.item);
		if (source === card.source) {
			this.cancelEdit();
			return;
		}
		await this.run(async () => {
			const outcome = await this.editor.replaceSource(entry.item.file, cardTarget(card, entry.item.sibling), source);
			if (!outcome.ok) {
				// Stay in the edit box, so the typed text is not lost.
				this.deps.notify(outcome.message);
				return;
			}
			this.live.afterWrite(entry.item, outcome.note.cards, outcome.lineDelta, true);
			this.editing = false;
			const edited = this.live.edited(entry.item);
			if (edited === undefined || edited.siblings.length !== card.siblings.length) {
				this.live.set(entry.item, card);
				this.session = this.session?.skip(this.deps.now(), true) ?? null;
				this.deps.notify("The card was saved, but its sides changed (or it is no longer a card), so it left this session.");
				this.advance(true);
			}
		});
	}

	async retry(id: number): Promise<void> {
		const record = this.session?.unsaved.find((r) => r.id === id);
		if (!record || this.busy) return;
		await this.run(async () => {
			const outcome = await this.save(record, 0);
			if (outcome === "saved") this.deps.notify("The answer was saved.");
			else if (outcome === "stale") this.advance(true);
		});
	}

	/** Writes every unsaved answer again; resolves when all were tried. */
	async retryAll(): Promise<void> {
		for (const record of [...(this.session?.unsaved ?? [])]) await this.retry(record.id);
	}

	answerAgain(id: number): void {
		if (this.session === null || this.busy) return;
		this.session = this.session.putBack(id);
		this.answers.forgetFailure(id);
		this.advance(true);
	}

	refresh(): void {
		if (this.busy || this.editing) return;
		this.advance();
	}

	/** Where the current card is: its note and 0-based line; null when no card is shown. */
	location(): { path: string; line: number } | null {
		if (this.entry === null) return null;
		return { path: this.entry.item.file, line: this.live.get(this.entry.item).startLine };
	}

	/**
	 * The card shown now as a card action's subject (its note, the card as it is now, the sibling),
	 * for suspend, bury and flag from the review screen (`services.cardActions`); null when none.
	 */
	currentSubject(): { path: string; card: Card; sibling: number } | null {
		if (this.entry === null) return null;
		const item = this.entry.item;
		return { path: item.file, card: this.live.get(item), sibling: item.sibling };
	}

	/** Takes the card shown now out of this session (just suspended or buried) and shows the next one. */
	leaveOut(): void {
		if (this.session === null || this.entry === null || this.busy) return;
		this.session = this.session.without(this.entry.item);
		this.advance(true);
	}

	/**
	 * Suspends, buries or flags the card shown (flag: toggled). A suspended or buried card leaves
	 * the session; a flagged one stays. True when the card was changed.
	 */
	async manage(action: ReviewCardAction): Promise<boolean> {
		const actions = this.cardActions;
		const subject = this.currentSubject();
		const entry = this.entry;
		const session = this.session;
		if (!actions || subject === null || entry === null || session === null || this.busy || this.editing) return false;
		const step: CardStep = { action, item: entry.item, before: action.kind === "flag" ? null : session, answered: session.summary().answered };
		let done = false;
		await this.run(async () => {
			if (action.kind === "bury") actions.bury([subject]);
			else if (action.kind === "suspend") {
				// Toggling a card already suspended would unsuspend it: it only leaves then.
				if (!marksOf(subject.card.siblings[subject.sibling]).suspended && !changedCard(await actions.toggleSuspend([subject]))) return;
			} else {
				if (!changedCard(await actions.toggleFlag([subject], action.flag))) return;
			}
			// The note's comment changed (and cards below may have moved): answers must address them as they are.
			if (action.kind !== "bury") await this.answers.rereadNote(entry.item.file);
			done = true;
			this.cardStep = step;
			if (step.before !== null) {
				this.session = session.without(entry.item);
				this.advance(true);
			}
		});
		return done;
	}

	private async undoStep(step: CardStep): Promise<boolean> {
		const actions = this.cardActions;
		if (!actions) return false;
		let done = false;
		await this.run(async () => {
			this.cardStep = null;
			if (!(await actions.undo())) return;
			done = true;
			if (step.action.kind !== "bury") await this.answers.rereadNote(step.item.file);
			if (step.before !== null && this.session !== null) {
				this.session = this.session.rewoundTo(step.before);
				this.advance(true);
			}
		});
		return done;
	}

	/**
	 * Writes an answer (first time or retry); on failure it stays unsaved with its reason, and
	 * when the card's schedule changed meanwhile the answer is dropped and the card shown again.
	 */
	private async save(record: AnswerRecord, durationMs: number): Promise<SaveOutcome> {
		const saved = await this.answers.save(record, durationMs, (result) => {
			if (!this.session) return false;
			if (result.kind === "written") this.session = this.session.writeSucceeded(record.id);
			else if (result.kind === "failed") this.session = this.session.writeFailed(record.id);
			else this.session = this.session.reread(record.id, result.segment, this.deps.now());
			return true;
		});
		// A leech suspended by this answer is not shown again (docs/scheduling.md, "Leeches").
		if (this.answers.takeSuspended(record.id) && this.session) this.session = this.session.without(record.item);
		return saved;
	}
}
