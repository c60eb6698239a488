/**
 * What a review keeps while it runs (the session, the card shown and how far it is) and the
 * {@link ReviewScreenState} the screen draws from it. `ReviewController` adds the actions
 * on top; the two live apart so that each file stays small enough to read whole.
 */
import type { ReviewRequest } from "./request";
import { ReviewSession, type AnswerRecord, type QueueEntry } from "./session";
import type { Rating } from "../model/schedule";
import { AnswerSaver } from "./answer-saver";
import { answerIntervals, cardView } from "./card-view";
import { CRAM_LABELS } from "./custom-study";
import { LiveCards } from "./live-cards";
import { NoteEditor } from "./note-editor";
import type { ReviewDeps } from "./ports";
import { emptyReason, sessionOutlook, type SessionOutlook } from "./session-outlook";
import { marksOf } from "../writeback/card-actions";
import type { CardStep, ReviewCardActions } from "./review-card-actions";
import type { ReviewCardView, ReviewPhase, ReviewScreenState, UnsavedAnswerView } from "./review-state";

export abstract class ReviewControllerState {
	protected session: ReviewSession | null = null;
	protected entry: QueueEntry | null = null;
	protected revealed = false;
	protected editing = false;
	protected busy = false;
	protected shownAt = 0;
	protected notice: string | null = null;
	private intervals: Record<Rating, string> | null = null;
	/** The outlook shown when nothing is left, read once per time the session runs empty. */
	private outlook: SessionOutlook | null | undefined = undefined;
	protected readonly live = new LiveCards();
	protected readonly answers: AnswerSaver;
	protected readonly editor: NoteEditor;
	private readonly listeners = new Set<() => void>();
	/** The last card action of this review, which undo may take back (the plugin keeps one). */
	protected cardStep: CardStep | null = null;

	constructor(
		protected readonly deps: ReviewDeps,
		protected readonly request: ReviewRequest,
		/** Suspend, bury and flag from the review (the plugin's card actions); absent = not offered. */
		protected readonly cardActions?: ReviewCardActions,
	) {
		this.editor = new NoteEditor(deps.notes, () => deps.settings(), deps.written?.bind(deps));
		this.answers = new AnswerSaver(deps, this.editor, this.live);
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

	/** The last card action when nothing was answered since (then it is what undo takes back). */
	protected newestStep(): CardStep | null {
		const step = this.cardStep;
		return step !== null && this.session !== null && step.answered === this.session.summary().answered ? step : null;
	}

	/** Moves to the card due now; `reset` shows it from its question even if it stays the same. */
	protected advance(reset = false): void {
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

	protected phase(): ReviewPhase {
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
	protected async run(action: () => Promise<void>): Promise<void> {
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

	protected emit(): void {
		for (const listener of [...this.listeners]) listener();
	}
}
