/**
 * Drives a review: builds the session from a request, shows one card at a time and writes each
 * answer into its note at once. It owns no DOM; the screen renders {@link ReviewController.state}.
 * Notes are always addressed with each card as it is now ({@link LiveCards}).
 */
import type { App } from "obsidian";
import type { Card } from "../../cards/types";
import type { CardIndex } from "../../index/card-index";
import { dueCountsByDay } from "../../index/due-counts";
import type { ReviewWriteOutcome } from "../../obsidian/review-writer";
import type { ReviewRequest } from "../../obsidian/services";
import { ReviewSession, type AnswerRecord, type QueueEntry } from "../../schedule/session";
import { siblingKeyOf } from "../../schedule/sessionItem";
import type { DueHistogram } from "../../schedule/sm2";
import { dueDay } from "../../schedule/status";
import { Rating, type Schedule } from "../../schedule/types";
import type { SpacedNotesSettings } from "../../settings/settings";
import type { AnswerFacts } from "../../stats/review-entry";
import { doneToday } from "../../stats/done-today";
import type { ReviewEntry } from "../../stats/log-format";
import type { MergedLog } from "../../stats/merge";
import { cardTarget, type CardTarget } from "../../writeback/write-schedule";
import { answerIntervals, cardView } from "./card-view";
import { LiveCards } from "./live-cards";
import { loadReviewItems } from "./review-items";
import type { ReviewCardView, ReviewModel, ReviewPhase, ReviewScreenState, UnsavedAnswerView } from "./review-state";

/** Writes into notes; `ReviewWriter` in src/obsidian/review-writer.ts. */
export interface NoteEditor {
	write(path: string, target: CardTarget, schedule: Schedule): Promise<ReviewWriteOutcome>;
	restore(path: string, target: CardTarget, previousComment: string | null): Promise<ReviewWriteOutcome>;
	replaceSource(path: string, target: CardTarget, newSource: string): Promise<ReviewWriteOutcome>;
}

/** The review log (`ReviewLogStore` fits): answers written, answers undone, and reading it back. */
export interface ReviewLog {
	recordAnswer(facts: AnswerFacts): Promise<ReviewEntry>;
	recordUndo(answer: ReviewEntry, time?: Date): Promise<void>;
	/** The merged log of every device; daily limits count today's answers from it. */
	readAll?(): Promise<MergedLog>;
}

export interface ReviewControllerDeps {
	app: App;
	settings(): SpacedNotesSettings;
	index(): CardIndex;
	editor: NoteEditor;
	now(): Date;
	/** Shows a short message (a `Notice` in Obsidian). */
	notify(message: string): void;
	log?: ReviewLog;
}

export class ReviewController implements ReviewModel {
	private session: ReviewSession | null = null;
	private entry: QueueEntry | null = null;
	private revealed = false;
	private editing = false;
	private busy = false;
	private shownAt = 0;
	private notice: string | null = null;
	/** Cards due per day, for SM-2 load balancing; each written answer adds its new due day. */
	private dueCounts: Map<string, number> | null = null;
	private readonly dueOn: DueHistogram = (day) => this.dueCounts?.get(day) ?? 0;
	private intervals: Record<Rating, string> | null = null;
	private readonly live = new LiveCards();
	/** Comment before each written answer, by record id (what undo puts back). */
	private readonly written = new Map<number, string | null>();
	private readonly failures = new Map<number, string>();
	/** Each logged answer's entry, by record id; a promise, so an undo right after still finds it. */
	private readonly logged = new Map<number, Promise<ReviewEntry | null>>();
	private readonly listeners = new Set<() => void>();

	constructor(
		private readonly deps: ReviewControllerDeps,
		private readonly request: ReviewRequest,
	) {}

	/** Reads the notes and starts the session. Never rejects. */
	async load(): Promise<void> {
		const settings = this.deps.settings();
		const now = this.deps.now();
		try {
			const index = this.deps.index();
			const loaded = await loadReviewItems(this.deps.app, index, settings, this.request, now);
			if (settings.algorithm === "sm2" && settings.loadBalance) this.dueCounts = dueCountsByDay(index, settings.nextDayStartsAt);
			for (const item of loaded.items) this.live.add(item);
			if (loaded.skippedNotes.length > 0) {
				this.notice = `Some cards were left out because their notes changed or could not be read: ${loaded.skippedNotes.join(", ")}.`;
			}
			const history = this.deps.log?.readAll ? (await this.deps.log.readAll()).reviews : [];
			this.session = ReviewSession.start(loaded.items, { now, settings, doneToday: doneToday(history, now, settings.nextDayStartsAt) });
		} catch (error) {
			this.notice = `The review could not start: ${error instanceof Error ? error.message : String(error)}`;
			this.session = ReviewSession.start([], { now, settings });
		}
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
			canUndo: s.summary().answered > 0,
			busy: this.busy,
			showIntervals: settings.showIntervalsOnButtons,
			notice: this.notice,
		};
	}

	reveal(): void {
		if (this.phase() !== "question") return;
		this.revealed = true;
		this.emit();
	}

	async answer(rating: Rating): Promise<void> {
		const session = this.session;
		const entry = this.entry;
		if (this.busy || this.phase() !== "answer" || session === null || entry === null) return;
		const now = this.deps.now();
		const answered = session.answer(rating, now, { cardKey: siblingKeyOf(entry.item), dueOn: this.dueOn });
		if (!answered) return;
		const durationMs = now.getTime() - this.shownAt;
		this.session = answered.session;
		await this.run(async () => {
			await this.save(answered.record, durationMs);
			this.advance();
		});
	}

	skip(): void {
		const phase = this.phase();
		if (this.session === null || this.busy || (phase !== "question" && phase !== "answer")) return;
		this.session = this.session.skip(this.deps.now());
		this.advance(true);
	}

	async undo(): Promise<void> {
		const session = this.session;
		if (session === null || this.busy || this.editing) return;
		const undone = session.undo();
		if (!undone) {
			this.deps.notify("Nothing to undo.");
			return;
		}
		const record = undone.restore;
		await this.run(async () => {
			if (this.written.has(record.id)) {
				const card = this.live.get(record.item);
				const outcome = await this.deps.editor.restore(record.item.file, cardTarget(card, record.item.sibling), this.written.get(record.id) ?? null);
				if (!outcome.ok) {
					this.deps.notify(`The answer was not undone: ${outcome.message}`);
					return;
				}
				this.live.afterWrite(record.item, outcome.text, outcome.lineDelta, false, this.deps.settings());
				this.written.delete(record.id);
				const logged = this.logged.get(record.id);
				this.logged.delete(record.id);
				if (logged) void this.logUndo(logged, this.deps.now());
			}
			this.failures.delete(record.id);
			this.session = undone.session;
			this.advance(true);
		});
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
			const outcome = await this.deps.editor.replaceSource(entry.item.file, cardTarget(card, entry.item.sibling), source);
			if (!outcome.ok) {
				// Stay in the edit box, so the typed text is not lost.
				this.deps.notify(outcome.message);
				return;
			}
			this.live.afterWrite(entry.item, outcome.text, outcome.lineDelta, true, this.deps.settings());
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
			const ok = await this.save(record, 0);
			if (ok) this.deps.notify("The answer was saved.");
		});
	}

	answerAgain(id: number): void {
		if (this.session === null || this.busy) return;
		this.session = this.session.putBack(id);
		this.failures.delete(id);
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

	/** Writes an answer (first time or retry); on failure it stays unsaved with its reason. */
	private async save(record: AnswerRecord, durationMs: number): Promise<boolean> {
		const { item } = record;
		const card = this.live.get(item);
		const outcome = await this.deps.editor.write(item.file, cardTarget(card, item.sibling), record.schedule);
		if (!this.session) return false;
		if (!outcome.ok) {
			this.session = this.session.writeFailed(record.id);
			this.failures.set(record.id, outcome.message);
			this.deps.notify(`${outcome.message} The answer is kept: retry it once the note is fixed.`);
			return false;
		}
		this.session = this.session.writeSucceeded(record.id);
		this.failures.delete(record.id);
		this.written.set(record.id, outcome.previousComment);
		const day = this.dueCounts ? dueDay(record.schedule, this.deps.settings().nextDayStartsAt) : null;
		if (this.dueCounts && day !== null) this.dueCounts.set(day, (this.dueCounts.get(day) ?? 0) + 1);
		this.live.afterWrite(item, outcome.text, outcome.lineDelta, false, this.deps.settings());
		this.logAnswer(record, card, durationMs);
		return true;
	}

	private logAnswer(record: AnswerRecord, card: Card, durationMs: number): void {
		const log = this.deps.log;
		if (!log) return;
		const facts: AnswerFacts = {
			time: new Date(record.at),
			path: record.item.file,
			card,
			sibling: record.item.sibling,
			rating: record.rating,
			before: record.previous,
			after: record.schedule,
			durationMs,
			dayStartHour: this.deps.settings().nextDayStartsAt,
		};
		this.logged.set(
			record.id,
			log.recordAnswer(facts).catch(() => {
				this.deps.notify("The review log could not be written; the answer is saved in the note.");
				return null;
			}),
		);
	}

	private async logUndo(logged: Promise<ReviewEntry | null>, time: Date): Promise<void> {
		const entry = await logged;
		if (entry === null) return;
		try {
			await this.deps.log?.recordUndo(entry, time);
		} catch {
			this.deps.notify("The review log could not record the undo.");
		}
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
		this.emit();
	}

	private phase(): ReviewPhase {
		if (this.session === null) return "loading";
		if (this.entry !== null) return this.editing ? "editing" : this.revealed ? "answer" : "question";
		return this.session.waitingUntil(this.deps.now()) ? "waiting" : "finished";
	}

	private cardView(): ReviewCardView | null {
		const entry = this.entry;
		if (entry === null) return null;
		this.intervals ??= answerIntervals(entry, this.deps.now(), this.deps.settings(), this.dueOn);
		return cardView(entry, this.live.get(entry.item), this.intervals);
	}

	private unsavedView(record: AnswerRecord): UnsavedAnswerView {
		return {
			id: record.id,
			path: record.item.file,
			line: this.live.get(record.item).startLine + 1,
			rating: record.rating,
			message: this.failures.get(record.id) ?? "Not saved.",
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
