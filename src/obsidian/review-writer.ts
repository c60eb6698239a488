/**
 * Writes review results into notes inside Obsidian: each change is one `Vault.process` call
 * (an atomic read-modify-write of the current text), so an edit made meanwhile is never
 * overwritten. The card is found again by its source; when it is gone or changed, the note is
 * left alone and the caller gets a message instead (it keeps the answer for a retry).
 * On success the index learns the new text at once through `applyOwnWrite`.
 */
import { TFile, type App } from "obsidian";
import { splitLines } from "../cards/lines";
import type { Schedule } from "../schedule/types";
import type { SpacedNotesSettings } from "../settings/settings";
import { replaceCardSource } from "../ui/review/card-edit";
import { restoreComment, writeSchedule, type CardTarget, type WriteResult } from "../writeback/write-schedule";

export type ReviewWriteOutcome =
	| {
			ok: true;
			/** The card's comment before the change (what undo puts back); null when it had none. */
			previousComment: string | null;
			/** The note's whole text after the change. */
			text: string;
			/** Lines added (or, negative, removed) by the change: later cards moved by this much. */
			lineDelta: number;
	  }
	| { ok: false; message: string };

/** What the writer needs of the index: to learn about its own writes. */
export interface OwnWriteSink {
	applyOwnWrite(path: string, newText: string): void;
}

type Change = (text: string) => { ok: true; text: string; previousComment: string | null } | { ok: false; message: string };

export class ReviewWriter {
	constructor(
		private readonly app: App,
		private readonly indexer: OwnWriteSink,
		private readonly settings: () => SpacedNotesSettings,
	) {}

	/** Writes `schedule` as the segment of the sibling `target` names. Never throws. */
	write(path: string, target: CardTarget, schedule: Schedule): Promise<ReviewWriteOutcome> {
		return this.change(path, (text) => fromWrite(writeSchedule(text, target, schedule, this.options(path))));
	}

	/** Puts back `previousComment` exactly (undo of {@link write}). Never throws. */
	restore(path: string, target: CardTarget, previousComment: string | null): Promise<ReviewWriteOutcome> {
		return this.change(path, (text) => fromWrite(restoreComment(text, target, previousComment, this.options(path))));
	}

	/** Replaces the card's lines by `newSource`, keeping its comment (the edit box). Never throws. */
	replaceSource(path: string, target: CardTarget, newSource: string): Promise<ReviewWriteOutcome> {
		return this.change(path, (text) => {
			const result = replaceCardSource(text, target, newSource, { path, settings: this.settings() });
			return result.ok ? { ok: true, text: result.text, previousComment: null } : result;
		});
	}

	private options(path: string) {
		const settings = this.settings();
		return { path, settings, placement: settings.commentPlacement };
	}

	private async change(path: string, change: Change): Promise<ReviewWriteOutcome> {
		const file = this.app.vault.getAbstractFileByPath(path);
		if (!(file instanceof TFile)) return { ok: false, message: `The note ${path} no longer exists; nothing was saved.` };
		// Filled inside the callback; a holder, since TypeScript does not follow closure writes.
		const box: { outcome: ReviewWriteOutcome } = { outcome: { ok: false, message: "The note could not be written." } };
		let written: string;
		try {
			written = await this.app.vault.process(file, (text) => {
				const result = change(text);
				if (!result.ok) {
					box.outcome = result;
					return text;
				}
				const lineDelta = lineCount(result.text) - lineCount(text);
				box.outcome = { ok: true, previousComment: result.previousComment, text: result.text, lineDelta };
				return result.text;
			});
		} catch (error) {
			return { ok: false, message: `The note ${path} could not be written: ${error instanceof Error ? error.message : String(error)}` };
		}
		if (box.outcome.ok) {
			try {
				this.indexer.applyOwnWrite(path, written);
			} catch {
				// The note is written; the index catches up with the vault's own change event.
			}
		}
		return box.outcome;
	}
}

function fromWrite(result: WriteResult): ReturnType<Change> {
	return result.ok ? { ok: true, text: result.text, previousComment: result.previousComment } : { ok: false, message: result.message };
}

/** Lines of a text as `splitLines` counts them (`\n`, `\r\n` and a lone `\r` end a line). */
function lineCount(text: string): number {
	return splitLines(text).lines.length;
}
