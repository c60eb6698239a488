/**
 * The browser's text column (docs/architecture.md, "The card browser"): the index keeps no card
 * text, so when the browser opens it reads and parses every note once, in slices that leave the
 * interface responsive, and keeps each note's sibling texts keyed by the index entry they were
 * read for. When the index changes, only notes whose entry changed are read again.
 */
import type { CardRows, SiblingText } from "../../browse/card-rows";
import { siblingTexts } from "../../browse/note-texts";
import { parseNote } from "../../cards/parse";
import type { IndexedFile } from "../../index/card-index";
import type { ParserSettings } from "../../settings/settings";

export interface TextSource {
	/** A note's current text. */
	read(path: string): Promise<string>;
	settings(): ParserSettings;
}

/** Work done between two yields to the interface, ms. */
const SLICE_MS = 12;

export class NoteTextCache {
	private readonly texts = new Map<string, { file: IndexedFile; texts: SiblingText[][] }>();

	constructor(private readonly source: TextSource) {}

	/** What was read of a sibling (its answer too, which the rows do not keep), if its note was read. */
	sibling(path: string, card: number, sibling: number): SiblingText | undefined {
		return this.texts.get(path)?.texts[card]?.[sibling];
	}

	/** Fills `rows` with every text still valid; returns the file numbers that must be read. */
	fill(rows: CardRows): number[] {
		const missing: number[] = [];
		const seen = new Set<string>();
		for (let f = 0; f < rows.files.length; f++) {
			const file = rows.files[f];
			seen.add(file.path);
			const cached = this.texts.get(file.path);
			if (cached && cached.file === file && rows.setNoteTexts(f, cached.texts)) continue;
			missing.push(f);
		}
		for (const path of [...this.texts.keys()]) if (!seen.has(path)) this.texts.delete(path);
		return missing;
	}

	/**
	 * Reads the notes `files` of `rows` in slices, calling `progress` after each slice with the
	 * count done. Stops early (returns false) when `current()` turns false (a newer table exists).
	 */
	async read(rows: CardRows, files: readonly number[], progress: (done: number) => void, current: () => boolean): Promise<boolean> {
		let sliceStart = performance.now();
		for (let i = 0; i < files.length; i++) {
			const f = files[i];
			const file = rows.files[f];
			let text: string | null = null;
			try {
				text = await this.source.read(file.path);
			} catch {
				// A note that vanished or cannot be read keeps its cells empty; the index will drop it.
			}
			if (!current()) return false;
			if (text !== null) {
				const parsed = parseNote(text, { path: file.path, settings: this.source.settings() });
				const texts = siblingTexts(file.path, parsed.cards);
				if (rows.setNoteTexts(f, texts)) this.texts.set(file.path, { file, texts });
			}
			if (performance.now() - sliceStart > SLICE_MS || i === files.length - 1) {
				progress(i + 1);
				await new Promise<void>((resolve) => window.setTimeout(resolve, 0));
				if (!current()) return false;
				sliceStart = performance.now();
			}
		}
		return true;
	}
}
