/**
 * Writes a review's answers into their notes and takes them back on undo. It remembers what an
 * undo needs (each answer's previous comment), why an unsaved answer failed, and the due days
 * SM-2 load balancing counts; the session itself stays with the controller.
 */
import type { CardIndex } from "../index/card-index";
import { dueCountsByDay } from "../index/due-counts";
import type { AnswerRecord } from "./session";
import type { DueHistogram } from "../schedule/sm2";
import { dueDay } from "../schedule/status";
import { cardTarget } from "../writeback/write-schedule";
import { AnswerLog } from "./answer-log";
import type { LiveCards } from "./live-cards";
import type { NoteEditor } from "./note-editor";
import type { ReviewDeps } from "./ports";

export class AnswerSaver {
	/** Cards due per day, for SM-2 load balancing; each written answer adds its new due day. */
	private dueCounts: Map<string, number> | null = null;
	/** Cards due on a day (0 until {@link countDueDays}), for SM-2 load balancing. */
	readonly dueOn: DueHistogram = (day) => this.dueCounts?.get(day) ?? 0;
	/** Comment before each written answer, by record id (what undo puts back). */
	private readonly written = new Map<number, string | null>();
	/** Why each unsaved answer's last write failed, by record id. */
	private readonly failures = new Map<number, string>();
	private readonly log: AnswerLog;

	constructor(
		private readonly deps: ReviewDeps,
		private readonly editor: NoteEditor,
		private readonly live: LiveCards,
	) {
		this.log = new AnswerLog(deps);
	}

	/** Starts counting cards due per day from the index, so {@link dueOn} balances the load. */
	countDueDays(index: CardIndex, dayStartHour: number): void {
		this.dueCounts = dueCountsByDay(index, dayStartHour);
	}

	/**
	 * Writes an answer (first time or retry) and logs it; on failure it notifies and keeps the
	 * reason for {@link failureOf}. True when the note was written. `markInSession` is told at
	 * once whether the write worked, before anything else is updated (so the session is right
	 * even if a later step throws); it returns false when there is no session any more, and then
	 * nothing else is done.
	 */
	async save(record: AnswerRecord, durationMs: number, markInSession: (written: boolean) => boolean): Promise<boolean> {
		const { item } = record;
		const card = this.live.get(item);
		const outcome = await this.editor.write(item.file, cardTarget(card, item.sibling), record.schedule);
		if (!markInSession(outcome.ok)) return false;
		if (!outcome.ok) {
			this.failures.set(record.id, outcome.message);
			this.deps.notify(`${outcome.message} The answer is kept: retry it once the note is fixed.`);
			return false;
		}
		this.failures.delete(record.id);
		this.written.set(record.id, outcome.previousComment);
		const day = this.dueCounts ? dueDay(record.schedule, this.deps.settings().nextDayStartsAt) : null;
		if (this.dueCounts && day !== null) this.dueCounts.set(day, (this.dueCounts.get(day) ?? 0) + 1);
		this.live.afterWrite(item, outcome.note.cards, outcome.lineDelta, false);
		this.log.recordAnswer(record, card, durationMs);
		return true;
	}

	/**
	 * Takes an answer back out of its note (when it was written) and logs the undo. False, after a
	 * notice, when the note could not be restored: the answer then stays as it is.
	 */
	async undo(record: AnswerRecord): Promise<boolean> {
		if (this.written.has(record.id)) {
			const card = this.live.get(record.item);
			const outcome = await this.editor.restore(record.item.file, cardTarget(card, record.item.sibling), this.written.get(record.id) ?? null);
			if (!outcome.ok) {
				this.deps.notify(`The answer was not undone: ${outcome.message}`);
				return false;
			}
			this.live.afterWrite(record.item, outcome.note.cards, outcome.lineDelta, false);
			this.written.delete(record.id);
			this.log.recordUndo(record.id);
		}
		this.failures.delete(record.id);
		return true;
	}

	/** Why the unsaved answer `id` was not written, if a write of it failed. */
	failureOf(id: number): string | undefined {
		return this.failures.get(id);
	}

	/** Forgets the failure of answer `id` (taken back to be answered again). */
	forgetFailure(id: number): void {
		this.failures.delete(id);
	}
}
