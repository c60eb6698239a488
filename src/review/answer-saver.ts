/**
 * Writes a review's answers into their notes and takes them back on undo. It remembers what an
 * undo needs (each answer's previous comment), why an unsaved answer failed, and the due days
 * SM-2 load balancing counts; the session itself stays with the controller.
 */
import type { CardIndex } from "../index/card-index";
import { dueCountsByDay } from "../index/due-counts";
import { parseNote } from "../cards/parse";
import type { Card, SegmentState } from "../model/card";
import { findCard } from "../writeback/find-card";
import type { AnswerRecord, SessionItem } from "./session";
import type { DueHistogram } from "../schedule/sm2";
import { dueDay } from "../schedule/status";
import { cardTarget } from "../writeback/write-schedule";
import { AnswerLog } from "./answer-log";
import { LeechWatch } from "./leech-watch";
import { cardId } from "../stats/card-id";
import type { SuspendEntry } from "../stats/log-format";
import type { LiveCards } from "./live-cards";
import type { NoteEditor } from "./note-editor";
import type { ReviewDeps } from "./ports";

/** What became of an answer's write: written, failed (kept for a retry), or refused as stale. */
export type WriteSettled = { kind: "written" } | { kind: "failed" } | { kind: "stale"; segment: SegmentState | null };

/** What {@link AnswerSaver.save} did: the answer is in the note, kept unsaved, or dropped as stale. */
export type SaveOutcome = "saved" | "unsaved" | "stale";

export class AnswerSaver {
	/** Cards due per day, for SM-2 load balancing; each written answer adds its new due day. */
	private dueCounts: Map<string, number> | null = null;
	/** Cards due on a day (0 until {@link countDueDays}), for SM-2 load balancing. */
	readonly dueOn: DueHistogram = (day) => this.dueCounts?.get(day) ?? 0;
	/** Comment before each written answer, by record id (what undo puts back). */
	private readonly written = new Map<number, string | null>();
	/** Cram answers logged (no note written), by record id: undo only logs. */
	private readonly crammed = new Set<number>();
	/** Why each unsaved answer's last write failed, by record id. */
	private readonly failures = new Map<number, string>();
	private readonly log: AnswerLog;
	private readonly leeches: LeechWatch;
	/** Answers whose sibling became a leech and was suspended, until the controller asks. */
	private readonly suspended = new Set<number>();
	/** The suspend entry logged for a leech, by record id (undone with its answer). */
	private readonly leechEntries = new Map<number, SuspendEntry>();

	constructor(
		private readonly deps: ReviewDeps,
		private readonly editor: NoteEditor,
		private readonly live: LiveCards,
	) {
		this.log = new AnswerLog(deps);
		this.leeches = new LeechWatch(deps);
	}

	/** Starts counting cards due per day from the index, so {@link dueOn} balances the load. */
	countDueDays(index: CardIndex, dayStartHour: number): void {
		this.dueCounts = dueCountsByDay(index, dayStartHour);
	}

	/**
	 * Writes an answer (first time or retry) and logs it; on failure it notifies and keeps the
	 * reason for {@link failureOf}. `settle` is told at once what became of the write, before
	 * anything else is updated (so the session is right even if a later step throws); it returns
	 * false when there is no session any more, and then nothing else is done.
	 *
	 * When the card's schedule changed in the note since it was shown, the answer is not written
	 * and not kept: the card is read again and `settle` gets its fresh segment (null when the
	 * card is gone), so the session shows it again with the schedule the note holds now.
	 */
	async save(record: AnswerRecord, durationMs: number, settle: (result: WriteSettled) => boolean): Promise<SaveOutcome> {
		const { item } = record;
		const card = this.live.get(item);
		if (record.schedule === null) {
			// A cram answer: the note is not touched, only the log hears of it.
			if (!settle({ kind: "written" })) return "unsaved";
			this.failures.delete(record.id);
			this.crammed.add(record.id);
			this.log.recordAnswer(record, card, durationMs);
			return "saved";
		}
		const outcome = await this.editor.write(item.file, cardTarget(card, item.sibling), record.schedule);
		if (!outcome.ok && outcome.conflict === "stale") {
			const fresh = await this.reread(item, card);
			if (!settle({ kind: "stale", segment: fresh?.siblings[item.sibling]?.segment ?? null })) return "unsaved";
			this.failures.delete(record.id);
			this.deps.notify(
				fresh
					? "This card's schedule was changed in its note since it was shown (on another device or by hand), so the answer was not saved. The card is shown again with its new schedule."
					: "This card's schedule was changed in its note since it was shown, and the card can no longer be found, so the answer was not saved.",
			);
			return "stale";
		}
		if (!settle({ kind: outcome.ok ? "written" : "failed" })) return "unsaved";
		if (!outcome.ok) {
			this.failures.set(record.id, outcome.message);
			this.deps.notify(`${outcome.message} The answer is kept: retry it once the note is fixed.`);
			return "unsaved";
		}
		this.failures.delete(record.id);
		this.written.set(record.id, outcome.previousComment);
		const day = this.dueCounts ? dueDay(record.schedule, this.deps.settings().nextDayStartsAt) : null;
		if (this.dueCounts && day !== null) this.dueCounts.set(day, (this.dueCounts.get(day) ?? 0) + 1);
		this.live.afterWrite(item, outcome.note.cards, outcome.lineDelta, false);
		await this.leechCheck(record, card);
		this.log.recordAnswer(record, card, durationMs);
		return "saved";
	}

	/**
	 * After an answer that made its sibling a leech (docs/scheduling.md, "Leeches"): suspends it in
	 * the note when `leechAction` says so (undoing the answer puts the comment before it back, so
	 * the suspension goes too) and tells the user. Never throws: the answer is saved either way.
	 */
	private async leechCheck(record: AnswerRecord, shown: Card): Promise<void> {
		const settings = this.deps.settings();
		try {
			if (!(await this.leeches.becameLeech(record, shown))) return;
			const front = shown.front.split("\n")[0].slice(0, 60);
			if (settings.leechAction !== "suspend") {
				this.deps.notify(`Spaced Notes: "${front}" is a leech (${settings.leechThreshold} lapses).`);
				return;
			}
			const item = record.item;
			const card = this.live.get(item);
			const outcome = await this.editor.act(item.file, [{ target: cardTarget(card, item.sibling), action: { kind: "suspend" } }], this.deps.now());
			if (!outcome.ok) {
				this.deps.notify(`Spaced Notes: "${front}" is a leech but could not be suspended: ${outcome.message}`);
				return;
			}
			this.live.afterWrite(item, outcome.note.cards, outcome.lineDelta, false);
			this.suspended.add(record.id);
			const entry: SuspendEntry = {
				kind: "suspend",
				time: this.deps.now().getTime(),
				card: cardId(item.file, shown.source, item.sibling),
				suspended: true,
			};
			this.leechEntries.set(record.id, entry);
			void this.deps.log?.append?.(entry).catch(() => undefined);
			this.deps.notify(`Spaced Notes: "${front}" is a leech (${settings.leechThreshold} lapses) and was suspended.`);
		} catch {
			// A leech not handled now is still one: the index shows it from its lapses.
		}
	}

	/** Whether answer `id` made its sibling a leech that was suspended (the session then drops it); asked once. */
	takeSuspended(id: number): boolean {
		return this.suspended.delete(id);
	}

	/** The card of `item` as its note holds it now (found by its text nearest to where it was); null when gone. */
	private async reread(item: SessionItem, shown: Card): Promise<Card | null> {
		try {
			const text = await this.deps.notes.read(item.file);
			const cards = parseNote(text, { path: item.file, settings: this.deps.settings() }).cards;
			const found = findCard(cards, { ...cardTarget(shown, item.sibling), comment: undefined });
			if (!found.ok || found.card.siblings.length !== shown.siblings.length) return null;
			this.live.set(item, found.card);
			return found.card;
		} catch {
			return null;
		}
	}

	/**
	 * Reads `file` again after a write by someone else in this app (a card action from the review
	 * screen): its comment changed, and cards below it may have moved. Never rejects.
	 */
	async rereadNote(file: string): Promise<void> {
		try {
			const text = await this.deps.notes.read(file);
			const cards = parseNote(text, { path: file, settings: this.deps.settings() }).cards;
			this.live.refind(file, (card) => {
				const found = findCard(cards, { ...cardTarget(card, 0), comment: undefined });
				return found.ok && found.card.siblings.length === card.siblings.length ? found.card : null;
			});
		} catch {
			// A note that cannot be read now: its next write says so.
		}
	}

	/**
	 * Takes an answer back out of its note (when it was written) and logs the undo. False, after a
	 * notice, when the note could not be restored: the answer then stays as it is.
	 */
	async undo(record: AnswerRecord): Promise<boolean> {
		if (this.crammed.delete(record.id)) this.log.recordUndo(record.id);
		else if (this.written.has(record.id)) {
			const card = this.live.get(record.item);
			const outcome = await this.editor.restore(record.item.file, cardTarget(card, record.item.sibling), this.written.get(record.id) ?? null);
			if (!outcome.ok) {
				this.deps.notify(`The answer was not undone: ${outcome.message}`);
				return false;
			}
			this.live.afterWrite(record.item, outcome.note.cards, outcome.lineDelta, false);
			this.written.delete(record.id);
			this.log.recordUndo(record.id);
			const leech = this.leechEntries.get(record.id);
			this.leechEntries.delete(record.id);
			if (leech)
				void this.deps.log
					?.append?.({ kind: "undo", time: this.deps.now().getTime(), card: leech.card, reviewTime: leech.time })
					.catch(() => undefined);
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
