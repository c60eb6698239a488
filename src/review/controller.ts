/**
 * Drives a review: builds the session from a request, shows one card at a time and writes each
 * answer into its note at once. It owns no DOM; the screen renders {@link ReviewController.state}.
 * Notes are always addressed with each card as it is now ({@link LiveCards}); writing answers and
 * taking them back is {@link AnswerSaver}'s part.
 */
import type { ReviewRequest } from "./request";
import { ReviewSession, type AnswerRecord, type QueueEntry } from "./session";
import { siblingKeyOf } from "./session-item";
import type { Rating } from "../model/schedule";
import type { Card } from "../model/card";
import { cardTarget } from "../writeback/write-schedule";
import { AnswerSaver, type SaveOutcome } from "./answer-saver";
import { answerIntervals, cardView } from "./card-view";
import { CRAM_LABELS } from "./custom-study";
import { LiveCards } from "./live-cards";
import { NoteEditor } from "./note-editor";
import type { ReviewDeps } from "./ports";
import { startReview } from "./review-start";
import { emptyReason, sessionOutlook, type SessionOutlook } from "./session-outlook";
import { marksOf } from "../writeback/card-actions";
import type { CardStep, ReviewCardAction, ReviewCardActions } from "./review-card-actions";
import { changedCard } from "./review-card-actions";
import type { AnswerOutcome, ReviewCardView, ReviewModel, ReviewPhase, ReviewScreenState, UnsavedAnswerView } from "./review-state";

export class ReviewController implements ReviewModel {
	private session: ReviewSession | null = null;
	private entry: QueueEntry | null = null;
	private revealed = false;
	private editing = false;
	private busy = false;
	private shownAt = 0;
	private notice: string | null = null;
	private intervals: Record<Rating, string> | null = null;
	/** The outlook shown when nothing is left, read once per time the session runs empty. */
	private outlook: SessionOutlook | null | undefined = undefined;
	private readonly live = new LiveCards();
	private readonly answers: AnswerSaver;
	private readonly editor: NoteEditor;
	private readonly listeners = new Set<() => void>();
	/** The last card action of this review, which undo may take back (the plugin keeps one). */
	private cardStep: CardStep | null = null;

	constructor(
		private readonly deps: ReviewDeps,
		private readonly request: ReviewRequest,
		/** Suspend, bury and flag from the review (the plugin's card actions); absent = not offered. */
		private readonly cardActions?: ReviewCardActions,
	) {
		this.editor = new NoteEditor(deps.notes, () => deps.settings(), deps.written?.bind(deps));
		this.answers = new AnswerSaver(deps, this.editor, this.live);
	}

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

	subscribe(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	state(): ReviewScreenState {
		const session = this.session;
		const settings = this.deps.settings();
		const s = session ?? ReviewSession.start([], { now: new Date(0), settings });
		return {
			phase: this.phase(),
			title: this.request.title,
			card: this.cardView(),
			progress: s.progress(),
			summary: s.summary(),
			unsaved: s.unsaved.map((record) => this.unsavedView(record)),
			waitingUntil: session?.waitingUntil(this.deps.now()) ?? null,
			canUndo: s.summary().answered > 0 || this.newestStep() !== null,
			canManage: this.cardActions !== undefined,
			busy: this.busy,
			showIntervals: settings.showIntervalsOnButtons,
			notice: this.notice,
			loading: this.loadingText(),
			reschedules: s.reschedules,
			...this.endState(s.summary().answered),
		};
	}

	/** Outlook and empty reason once nothing is left to show (read from the index once per time). */
	private endState(answered: number): Pick<ReviewScreenState, "outlook" | "empty"> {
		const phase = this.phase();
		if (phase !== "finished" && phase !== "waiting") return { outlook: null, empty: null };
		if (this.outlook === undefined) {
			const hour = this.deps.settings().nextDayStartsAt;
			try {
				this.outlook = sessionOutlook(this.deps.index(), this.request, this.deps.now(), hour);
			} catch {
				this.outlook = null;
			}
		}
		return { outlook: this.outlook, empty: answered === 0 && phase === "finished" ? emptyReason(this.outlook) : null };
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

	/** The last card action when nothing was answered since (then it is what undo takes back). */
	private newestStep(): CardStep | null {
		const step = this.cardStep;
		return step !== null && this.session !== null && step.answered === this.session.summary().answered ? step : null;
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

	/** Moves to the card due now; `reset` shows it from its question even if it stays the same. */
	private advance(reset = false): void {
		const next = this.session?.current(this.deps.now()) ?? null;
		if (reset || next !== this.entry) {
			this.entry = next;
			this.revealed = false;
			this.editing = false;
			this.intervals = null;
			this.shownAt = this.deps.now().getTime();
		}
		this.outlook = undefined;
		this.emit();
	}

	/** What the loading screen says: how far the index is, or that the notes are being read. */
	private loadingText(): string | null {
		if (this.session !== null) return null;
		const progress = this.deps.indexing?.progress ?? null;
		if (progress === null) return "Reading the notes…";
		// Before the build starts (a tab restored before the layout is ready) nothing is counted yet.
		if (progress.total === 0) return "Indexing…";
		return `Indexing… ${progress.done.toLocaleString("en-US")} of ${progress.total.toLocaleString("en-US")} notes`;
	}

	private phase(): ReviewPhase {
		if (this.session === null) return "loading";
		if (this.entry !== null) return this.editing ? "editing" : this.revealed ? "answer" : "question";
		return this.session.waitingUntil(this.deps.now()) ? "waiting" : "finished";
	}

	private cardView(): ReviewCardView | null {
		const entry = this.entry;
		if (entry === null) return null;
		this.intervals ??=
			this.session?.reschedules === false
				? { ...CRAM_LABELS }
				: answerIntervals(entry, this.deps.now(), this.deps.settings(), this.answers.dueOn, this.session?.early);
		const card = this.live.get(entry.item);
		return { ...cardView(entry, card, this.intervals, this.deps.settings()), flag: marksOf(card.siblings[entry.item.sibling]).flag };
	}

	private unsavedView(record: AnswerRecord): UnsavedAnswerView {
		const card = this.live.get(record.item);
		return {
			question: card.siblings[record.item.sibling]?.question ?? card.front,
			id: record.id,
			path: record.item.file,
			line: this.live.get(record.item).startLine + 1,
			rating: record.rating,
			message: this.answers.failureOf(record.id) ?? "Not saved.",
		};
	}

	/** Runs a note-writing action alone (keys pressed meanwhile are ignored). */
	private async run(action: () => Promise<void>): Promise<void> {
		this.busy = true;
		this.emit();
		try {
			await action();
		} catch (error) {
			this.deps.notify(`Something went wrong: ${error instanceof Error ? error.message : String(error)}`);
		} finally {
			this.busy = false;
			this.emit();
		}
	}

	private emit(): void {
		for (const listener of [...this.listeners]) listener();
	}
}
