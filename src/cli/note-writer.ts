/**
 * Writes review results into notes on disk for the terminal review, as the plugin does through
 * Vault.process: re-read the note, find the card again, change only its comment, and write
 * atomically; a note changed on disk since it was read is re-read, never overwritten blindly.
 */
import { readFileSync } from "node:fs";
import type { Card } from "../cards/types";
import type { SpacedNotesSettings } from "../settings/settings";
import type { Schedule } from "../schedule/types";
import { restoreComment, writeSchedule, type CardTarget, type WriteResult } from "../writeback/write-schedule";
import { writeIfUnchanged } from "./atomic-write";
import type { LoadedNote } from "./load-index";

export type NoteWriteOutcome = { ok: true; previousComment: string | null } | { ok: false; message: string };

/** How often a write is redone when the note keeps changing under it. */
const ATTEMPTS = 3;

export class NoteWriter {
	/** Line shifts made by our own writes, per note: lines after `after` moved by `delta`. */
	private readonly shifts = new Map<string, { after: number; delta: number }[]>();

	constructor(
		private readonly notes: Map<string, LoadedNote>,
		private readonly settings: SpacedNotesSettings,
	) {}

	/** Writes sibling `sibling` of `card` (as first read) in note `path`. */
	write(path: string, card: Card, sibling: number, schedule: Schedule): NoteWriteOutcome {
		return this.edit(path, card, sibling, (text, target) => writeSchedule(text, target, schedule, this.options(path)));
	}

	/** Puts back the comment the card had before an answer (undo). */
	restore(path: string, card: Card, sibling: number, previousComment: string | null): NoteWriteOutcome {
		return this.edit(path, card, sibling, (text, target) => restoreComment(text, target, previousComment, this.options(path)));
	}

	private edit(path: string, card: Card, sibling: number, change: (text: string, target: CardTarget) => WriteResult): NoteWriteOutcome {
		const note = this.notes.get(path);
		if (!note) return { ok: false, message: `${path} is not part of this session` };
		const target: CardTarget = {
			source: card.source,
			startLine: this.currentLine(path, card.startLine),
			sibling,
			siblingCount: card.siblings.length,
			comment: card.comment?.raw ?? null,
		};
		let expected = note.text;
		for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
			let current: string;
			try {
				current = readFileSync(note.file.absolute, "utf8");
			} catch (error) {
				return { ok: false, message: `cannot read ${note.file.display}: ${(error as Error).message}` };
			}
			if (current !== expected) expected = current; // changed on disk: redo the change on the fresh text
			const result = change(expected, target);
			if (!result.ok) return { ok: false, message: `${note.file.display}:${card.startLine + 1}: ${result.message}` };
			try {
				const written = writeIfUnchanged(note.file.absolute, expected, result.text);
				if (!written.written) {
					expected = written.current;
					continue;
				}
			} catch (error) {
				return { ok: false, message: `cannot write ${note.file.display}: ${(error as Error).message}` };
			}
			this.recordShift(path, result.card.startLine, lineCount(result.text) - lineCount(expected));
			note.text = result.text;
			return { ok: true, previousComment: result.previousComment };
		}
		return { ok: false, message: `${note.file.display} kept changing while it was being written; try again` };
	}

	private options(path: string) {
		return { path, settings: this.settings, placement: this.settings.commentPlacement };
	}

	private currentLine(path: string, line: number): number {
		let result = line;
		for (const shift of this.shifts.get(path) ?? []) if (result > shift.after) result += shift.delta;
		return result;
	}

	private recordShift(path: string, after: number, delta: number): void {
		if (delta === 0) return;
		const list = this.shifts.get(path) ?? [];
		list.push({ after, delta });
		this.shifts.set(path, list);
	}
}

function lineCount(text: string): number {
	let count = 1;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 10) count++;
		else if (c === 13 && text.charCodeAt(i + 1) !== 10) count++;
	}
	return count;
}
