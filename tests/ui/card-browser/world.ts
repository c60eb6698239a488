/** A card browser world: notes as text, an index built from them, services that read them. */
import type { App as ObsidianApp } from "obsidian";
import { App } from "../../mocks/obsidian";
import { parseNote } from "../../../src/cards/parse";
import { CardIndex } from "../../../src/index/card-index";
import type { VaultIndexer } from "../../../src/obsidian/vault-index";
import { DEFAULT_SETTINGS, type SpacedNotesSettings } from "../../../src/settings/settings";
import type { MergedLog } from "../../../src/stats/merge";
import type { BrowserActions, BrowserCardRef, PluginServices } from "../../../src/ui/services";

const NOW = new Date(2026, 2, 10, 12, 0);
export const SETTINGS: SpacedNotesSettings = { ...structuredClone(DEFAULT_SETTINGS), flashcardTags: ["#flashcards"] };

/** `count` notes `note-000.md` … of `perNote` single-line cards each; card k of note n is "Question n.k". */
export function manyNotes(count: number, perNote: number): Map<string, string> {
	const notes = new Map<string, string>();
	for (let n = 0; n < count; n++) {
		const lines = [n % 2 === 0 ? "#flashcards/even" : "#flashcards/odd", ""];
		for (let k = 0; k < perNote; k++) {
			// Every third card reviewed (SM-2), interval growing with k; the rest new.
			const comment = k % 3 === 0 ? ` <!--SR:!2026-03-${String(5 + (k % 20)).padStart(2, "0")},${k * 7 + 1},${200 + k}-->` : "";
			lines.push(`Question ${n}.${k}::Answer ${n}.${k}${comment}`);
		}
		notes.set(`note-${String(n).padStart(3, "0")}.md`, lines.join("\n"));
	}
	return notes;
}

export class World {
	readonly app = new App();
	readonly index = new CardIndex({ flashcardTags: SETTINGS.flashcardTags, dayStartHour: SETTINGS.nextDayStartsAt });
	readonly listeners = new Set<() => void>();
	readonly opened: BrowserCardRef[] = [];
	readonly suspended: { cards: readonly BrowserCardRef[]; on: boolean }[] = [];
	log: MergedLog | null = null;
	buried = new Set<string>();

	constructor(readonly notes: Map<string, string>) {
		for (const [path, text] of notes) this.setNote(path, text);
	}

	setNote(path: string, text: string): void {
		this.notes.set(path, text);
		const parsed = parseNote(text, { path, settings: SETTINGS });
		if (parsed.included) this.index.setFile(path, parsed);
		for (const listener of this.listeners) listener();
	}

	services(actions?: Partial<BrowserActions>): PluginServices {
		const indexer = {
			index: this.index,
			isBuilding: false,
			ready: Promise.resolve(),
			onChange: (listener: () => void) => {
				this.listeners.add(listener);
				return () => this.listeners.delete(listener);
			},
		};
		return {
			app: this.app as unknown as ObsidianApp,
			settings: () => SETTINGS,
			updateSettings: async () => {},
			indexer: indexer as unknown as VaultIndexer,
			notes: {
				read: (path) => {
					const text = this.notes.get(path);
					return text === undefined ? Promise.reject(new Error(`no ${path}`)) : Promise.resolve(text);
				},
				process: () => Promise.reject(new Error("read-only world")),
			},
			deviceId: () => "test",
			startReview: () => {},
			openDeckList: () => {},
			now: () => NOW,
			browserActions: {
				open: (card) => void this.opened.push(card),
				suspend: async (cards, on) => void this.suspended.push({ cards, on }),
				...actions,
			},
			readLog: () => (this.log ? Promise.resolve(this.log) : Promise.reject(new Error("no log"))),
			isBuried: (id) => this.buried.has(id),
		};
	}
}
