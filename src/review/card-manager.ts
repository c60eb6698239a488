/**
 * Card management through the review's write path (docs/architecture.md, "An answer back into
 * the note"): suspend, unsuspend, flag, reset, forget and set due on any siblings, each note
 * changed in one read-modify-write of the `NoteStore`, each change logged as the review logs an
 * answer, and the batches undoable like answers, newest first (the exact previous comments put back).
 */
import type { Card } from "../model/card";
import type { CardActionEntry, LogEntry, ResetEntry, SetDueEntry } from "../stats/log-format";
import { cardId } from "../stats/card-id";
import { marksOf, type CardAction, type CardActionEdit } from "../writeback/card-actions";
import { cardTarget, type CardTarget } from "../writeback/write-schedule";
import { NoteEditor } from "./note-editor";
import type { ReviewDeps } from "./ports";

/** One sibling to act on: its note, its card as shown (or as read) and the sibling's index. */
export interface ActionSubject {
	path: string;
	card: Card;
	sibling: number;
}

/** What an action did to one sibling: its comment before and after (equal when nothing changed). */
export interface ActedSibling {
	path: string;
	/** 0-based first line of the card before the action. */
	line: number;
	sibling: number;
	before: string | null;
	after: string | null;
	changed: boolean;
}

export interface ActionReport {
	done: ActedSibling[];
	/** Notes left unchanged, with the reason (a card gone or changed, a note that cannot be written). */
	failed: { path: string; message: string }[];
	/** Whether the batch was kept for {@link CardManager.undo} (something was written). */
	undoable?: boolean;
}

interface UndoStep {
	path: string;
	steps: { target: CardTarget; previousComment: string | null }[];
	entries: CardActionEntry[];
}

export type CardManagerDeps = Pick<ReviewDeps, "notes" | "settings" | "now" | "log" | "written">;

/** Batches kept for undo (as Anki keeps a bounded undo history). */
export const UNDO_DEPTH = 30;

export class CardManager {
	private readonly editor: NoteEditor;
	/** The batches done, newest last, each per note (what {@link undo} takes back, newest first). */
	private readonly done: UndoStep[][] = [];

	constructor(private readonly deps: CardManagerDeps) {
		this.editor = new NoteEditor(deps.notes, deps.settings, deps.written?.bind(deps));
	}

	/**
	 * Applies `action` (or, per subject, the action `actionOf` gives: a spread of due days) to every
	 * subject. Notes are written one at a time; a note whose change is refused is left as it was
	 * and reported. `dryRun` computes the changes without writing or logging.
	 */
	async apply(
		subjects: readonly ActionSubject[],
		action: CardAction | ((subject: ActionSubject, i: number) => CardAction),
		dryRun = false,
	): Promise<ActionReport> {
		const now = this.deps.now();
		const byPath = new Map<string, { subject: ActionSubject; action: CardAction }[]>();
		subjects.forEach((subject, i) => {
			const chosen = typeof action === "function" ? action(subject, i) : action;
			const list = byPath.get(subject.path) ?? [];
			list.push({ subject, action: chosen });
			byPath.set(subject.path, list);
		});
		const report: ActionReport = { done: [], failed: [] };
		const undo: UndoStep[] = [];
		for (const [path, list] of byPath) {
			const steps = list.map(({ subject, action: a }) => ({ target: { ...cardTarget(subject.card, subject.sibling), comment: undefined }, action: a }));
			const outcome = dryRun ? await this.preview(path, steps, now) : await this.editor.act(path, steps, now);
			if (!outcome.ok) {
				report.failed.push({ path, message: outcome.message });
				continue;
			}
			const results = outcome.steps ?? [];
			const entries: CardActionEntry[] = [];
			const restore: UndoStep["steps"] = [];
			results.forEach((result, i) => {
				if (!result.ok) return;
				const { sibling } = list[i].subject;
				const changed = result.comment !== result.previousComment;
				report.done.push({ path, line: result.card.startLine, sibling, before: result.previousComment, after: result.comment, changed });
				if (!changed) return;
				entries.push(...entriesOf(list[i].action, result, path, sibling, now.getTime()));
				restore.push({ target: { ...cardTarget(result.card, sibling), comment: result.comment }, previousComment: result.undoComment });
			});
			if (dryRun || restore.length === 0) continue;
			undo.push({ path, steps: restore, entries });
			await this.log(entries);
		}
		if (!dryRun && undo.length > 0) {
			this.done.push(undo);
			if (this.done.length > UNDO_DEPTH) this.done.shift();
			report.undoable = true;
		}
		return report;
	}

	/** How many batches can be undone, newest first. */
	get undoDepth(): number {
		return this.done.length;
	}

	/**
	 * Puts back the comments of the newest batch not yet undone exactly and logs the undo of its
	 * entries. Resolves with the notes that could not be restored (changed since); null when there
	 * was nothing to undo.
	 */
	async undo(): Promise<{ path: string; message: string }[] | null> {
		const last = this.done.pop();
		if (last === undefined) return null;
		const failed: { path: string; message: string }[] = [];
		const time = this.deps.now().getTime();
		for (const step of [...last].reverse()) {
			const outcome = await this.editor.restoreAll(step.path, step.steps);
			if (!outcome.ok) {
				failed.push({ path: step.path, message: outcome.message });
				continue;
			}
			await this.log(step.entries.map((entry): LogEntry => ({ kind: "undo", time, card: entry.card, reviewTime: entry.time })));
		}
		return failed;
	}

	/** The changes `act` would make, computed on the note's current text without writing it. */
	private async preview(path: string, steps: { target: CardTarget; action: CardAction }[], now: Date) {
		const store = this.deps.notes;
		const dry = new NoteEditor({ read: (p) => store.read(p), process: async (p, edit) => edit(await store.read(p)) ?? store.read(p) }, this.deps.settings);
		return dry.act(path, steps, now);
	}

	private async log(entries: readonly LogEntry[]): Promise<void> {
		const log = this.deps.log;
		if (!log?.append || entries.length === 0) return;
		for (const entry of entries) {
			try {
				await log.append(entry);
			} catch {
				// The note is written; a log line that cannot be written now is retried by the store.
			}
		}
	}
}

/** The log entries of one changed sibling: reset, due day set, suspended or resumed (a flag is not logged). */
function entriesOf(action: CardAction, result: CardActionEdit & { ok: true }, path: string, sibling: number, time: number): CardActionEntry[] {
	const card = cardId(path, result.card.source, sibling);
	const before = marksOf(result.card.siblings[sibling]);
	const after = result.note?.cards.find((c) => c.source === result.card.source)?.siblings[sibling];
	const suspendedAfter = after ? marksOf(after).suspended : before.suspended;
	const entries: CardActionEntry[] = [];
	if (action.kind === "reset" || action.kind === "forget") {
		const reset: ResetEntry = { kind: "reset", time, card };
		entries.push(reset);
	}
	if (action.kind === "set-due") {
		const due: SetDueEntry = { kind: "set-due", time, card, due: action.due };
		entries.push(due);
	}
	if (suspendedAfter !== before.suspended) entries.push({ kind: "suspend", time, card, suspended: suspendedAfter });
	return entries;
}
