/**
 * The review's edits of a note — an answer's new schedule, its undo, the edit box's new card
 * text — each as one read-modify-write through the host's {@link NoteStore}. Only the card's
 * comment (or, for an edit, its own lines) changes; the pure text-to-text steps live in
 * src/writeback. A successful edit hands back the parse that verified it, so nobody parses the
 * note again to learn where its cards are now.
 */
import { lineCount } from "../cards/lines";
import { parseNote } from "../cards/parse";
import type { ParsedNote } from "../model/card";
import type { Schedule } from "../model/schedule";
import type { SpacedNotesSettings } from "../settings/settings";
import { replaceCardSource } from "../writeback/card-edit";
import { applyCardAction, type CardAction, type CardActionEdit } from "../writeback/card-actions";
import { refusal, type TextEdit } from "../writeback/text-edit";
import { restoreComment, writeSchedule, type CardTarget } from "../writeback/write-schedule";
import type { NoteStore } from "./ports";

/** A change written into a note: its whole new `text` and what the review reuses of it. */
export type NoteEditOutcome = TextEdit<{
	/** The card's comment before the change (what undo puts back); null when it had none. */
	previousComment: string | null;
	/** The new text parsed. */
	note: ParsedNote;
	/** Lines added (or, negative, removed) by the change: later cards moved by this much. */
	lineDelta: number;
}>;

/** One of the pure steps of src/writeback; `note` is its verifying parse when it made one. */
type Edit = (text: string) => TextEdit<{ previousComment: string | null; note: ParsedNote | null }>;

export class NoteEditor {
	constructor(
		private readonly store: NoteStore,
		private readonly settings: () => SpacedNotesSettings,
		private readonly written?: (path: string, text: string, note: ParsedNote) => void,
	) {}

	/** Writes `schedule` as the segment of the sibling `target` names. Never rejects. */
	write(path: string, target: CardTarget, schedule: Schedule): Promise<NoteEditOutcome> {
		return this.edit(path, (text) => writeSchedule(text, target, schedule, this.options(path)));
	}

	/** Puts back `previousComment` exactly (undo of {@link write}). Never rejects. */
	restore(path: string, target: CardTarget, previousComment: string | null): Promise<NoteEditOutcome> {
		return this.edit(path, (text) => restoreComment(text, target, previousComment, this.options(path)));
	}

	/**
	 * Applies card actions to siblings of one note in one read-modify-write (docs/format.md,
	 * "Suspended and flagged cards"), in order, each computed from the text the previous one left.
	 * Resolves with each step's result, or the refusal of the first step that could not be done
	 * (then nothing is written). Never rejects.
	 */
	async act(path: string, steps: readonly { target: CardTarget; action: CardAction }[], now: Date): Promise<NoteEditOutcome & { steps?: CardActionEdit[] }> {
		let results: CardActionEdit[] = [];
		const outcome = await this.edit(path, (text) => {
			results = [];
			let current = text;
			let note: ParsedNote | null = null;
			for (const { target, action } of steps) {
				const result = applyCardAction(current, target, action, this.options(path), now, this.settings());
				if (!result.ok) return result;
				results.push(result);
				current = result.text;
				note = result.note ?? note;
			}
			return { ok: true, text: current, previousComment: null, note: current === text ? null : note };
		});
		return outcome.ok ? { ...outcome, steps: results } : outcome;
	}

	/** Puts back each card's comment as it was (undo of {@link act}), in one write; `steps` in the order they were applied. Never rejects. */
	restoreAll(path: string, steps: readonly { target: CardTarget; previousComment: string | null }[]): Promise<NoteEditOutcome> {
		return this.edit(path, (text) => {
			let current = text;
			let note: ParsedNote | null = null;
			for (const { target, previousComment } of [...steps].reverse()) {
				const result = restoreComment(current, target, previousComment, this.options(path));
				if (!result.ok) return result;
				current = result.text;
				note = result.note;
			}
			return { ok: true, text: current, previousComment: null, note };
		});
	}

	/** Replaces the card's lines by `newSource`, keeping its comment (the edit box). Never rejects. */
	replaceSource(path: string, target: CardTarget, newSource: string): Promise<NoteEditOutcome> {
		return this.edit(path, (text) => {
			const result = replaceCardSource(text, target, newSource, { path, settings: this.settings() });
			return result.ok ? { ok: true, text: result.text, previousComment: null, note: null } : result;
		});
	}

	private options(path: string) {
		const settings = this.settings();
		return { path, settings, placement: settings.commentPlacement };
	}

	private async edit(path: string, edit: Edit): Promise<NoteEditOutcome> {
		// The last call of the callback decides (a store may call it again on fresh text).
		let last: ReturnType<Edit> | null = null;
		let before = "";
		let written: string;
		try {
			written = await this.store.process(path, (text) => {
				before = text;
				last = edit(text);
				return last.ok && last.text !== text ? last.text : null;
			});
		} catch (error) {
			return refusal("unreadable", error instanceof Error ? error.message : `The note ${path} could not be written: ${String(error)}`);
		}
		const result = last as ReturnType<Edit> | null;
		if (result === null) return refusal("unreadable", `The note ${path} could not be written.`);
		if (!result.ok) return result;
		if (written !== result.text) return refusal("changed", `The note ${path} changed while it was written; nothing was saved.`);
		const note = result.note ?? parseNote(written, { path, settings: this.settings() });
		try {
			this.written?.(path, written, note);
		} catch {
			// The note is written; the host's index catches up with its own change events.
		}
		const lineDelta = lineCount(written) - lineCount(before);
		return { ok: true, previousComment: result.previousComment, text: written, note, lineDelta };
	}
}
