/**
 * Note review inside Obsidian (docs/scheduling.md, "Note review"): the queue built from the
 * metadata cache (tags, resolved links, the frontmatter's schedule keys) and the card index (card
 * eases), rebuilt after changes; rating the active note through `Vault.process` (only the schedule
 * keys' lines change), its undo, and opening the next note. The view and the status bar listen.
 */
import { Component, Notice, TFile, getAllTags, type App } from "obsidian";
import type { CardIndex } from "../index/card-index";
import { Rating } from "../model/schedule";
import { linkRanks } from "../notes/link-rank";
import { nextNote, noteDecks, type NoteQueue } from "../notes/note-queue";
import { readNoteSchedule, type NoteSchedule } from "../notes/note-schedule";
import { noteVault, type NoteFacts, type NoteVault } from "../notes/note-vault";
import { ratingAllowed } from "../notes/rate-note";
import { reviewNote, undoNoteReview, type DoneNoteReview } from "../notes/review-note";
import type { NoteStore } from "../review/ports";
import type { SpacedNotesSettings } from "../settings/settings";
import type { LogEntry, NoteReviewEntry } from "../stats/log-format";
import type { MergedLog } from "../stats/merge";
import type { NoteReviewPort } from "../ui/note-review/note-review-port";
import { mattersToQueueNow, noteFactsFromCache } from "./note-facts";

export interface NoteReviewOptions {
	/** The review log: note reviews are appended, and today's counted against the daily limits. */
	log?: { append(entry: LogEntry): Promise<void>; readAll(): Promise<MergedLog> };
	/** The card index, for the eases of a linked note's cards. */
	index?: () => CardIndex;
	now?: () => Date;
	/** Wait this long after a change before rebuilding (default 300 ms; 0 = at once). */
	debounceMs?: number;
	/** A random number in [0, 1) for "open a random note" (tests fix it). */
	random?: () => number;
}

export const RATING_NAMES: Record<Rating, string> = { [Rating.Again]: "Again", [Rating.Hard]: "Hard", [Rating.Good]: "Good", [Rating.Easy]: "Easy" };

export class NoteReviewService extends Component implements NoteReviewPort {
	private cached: NoteVault | null = null;
	/** The settings object the cached queue was built with (a settings change replaces it). */
	private cachedFor: SpacedNotesSettings | null = null;
	private readonly listeners = new Set<() => void>();
	private noteReviews: NoteReviewEntry[] = [];
	private lastDone: DoneNoteReview | null = null;
	private lastDeck: string | null = null;
	private pending: number | null = null;
	private readonly now: () => Date;
	/** Link ranks, kept until Obsidian resolves links again (a note's edit rarely changes them). */
	private ranks: ReadonlyMap<string, number> | null = null;
	/** Schedules just written, used until the metadata cache has read the note again. */
	private readonly written = new Map<string, NoteSchedule>();
	/** Paths of the notes the cached queue was built from that matter to it: in a review deck, or with schedule keys. */
	private relevant = new Set<string>();
	/** The log's note reviews, read once the first time a queue holds a note (a vault without notes to review never reads it). */
	private logRead: Promise<void> | null = null;

	constructor(
		private readonly app: App,
		private readonly settings: () => SpacedNotesSettings,
		private readonly notes: NoteStore,
		private readonly options: NoteReviewOptions = {},
	) {
		super();
		this.now = options.now ?? (() => new Date());
	}

	override onload(): void {
		const changed = () => {
			this.ranks = null;
			this.invalidate();
		};
		this.registerEvent(
			this.app.metadataCache.on("changed", (file: TFile) => {
				this.written.delete(file.path);
				// Editing a note that neither was nor is one to review (no review deck, no schedule keys) leaves the queue as it is.
				if (this.cached !== null && !this.relevant.has(file.path) && !this.isRelevant(file)) return;
				this.invalidate();
			}),
		);
		this.registerEvent(this.app.metadataCache.on("resolved", changed));
		this.registerEvent(this.app.vault.on("rename", changed));
		this.registerEvent(this.app.vault.on("delete", changed));
		// The view marks the open note: redraw (the queue itself is unchanged) when another opens.
		this.registerEvent(this.app.workspace.on("file-open", () => this.emit()));
		this.register(() => this.cancelPending());
	}

	queue(): NoteQueue {
		return this.vault().queue;
	}

	onChange(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	activePath(): string | null {
		return this.app.workspace.getActiveFile()?.path ?? null;
	}

	open(path: string, deck: string): void {
		this.lastDeck = deck;
		const file = this.app.vault.getAbstractFileByPath(path);
		if (file instanceof TFile) void this.app.workspace.getLeaf(false).openFile(file);
	}

	/** The decks the note is in (empty: not a note to review). */
	decksOf(path: string): string[] {
		const file = this.app.vault.getAbstractFileByPath(path);
		if (!(file instanceof TFile)) return [];
		const cache = this.app.metadataCache.getFileCache(file);
		return noteDecks(path, cache ? (getAllTags(cache) ?? []) : [], this.settings());
	}

	/** Opens the next note to review in `deck` (or the last deck used, or any). */
	openNext(deck?: string): void {
		const queue = this.queue();
		const wanted = deck ?? (this.lastDeck !== null && queue.decks.some((d) => d.name === this.lastDeck) ? this.lastDeck : undefined);
		const next =
			nextNote(queue, wanted, this.settings().noteOpenRandom ? (this.options.random ?? Math.random) : undefined) ??
			(wanted === undefined ? null : nextNote(queue));
		if (next === null) {
			notice("no notes to review right now.");
			return;
		}
		this.open(next.path, next.deck);
	}

	/** Rates the note at `path`; says why when it cannot. Opens the next note when the setting says so. */
	async rate(path: string, rating: Rating): Promise<void> {
		const settings = this.settings();
		if (!ratingAllowed(rating, settings)) {
			notice("Again is only for notes reviewed with FSRS; rate this note Easy, Good or Hard.");
			return;
		}
		const decks = this.decksOf(path);
		if (decks.length === 0) {
			new Notice(
				`Spaced Notes: this note is not one to review. Give it a review tag (${settings.noteReviewTags.join(", ") || "see the settings"}) first.`,
			);
			return;
		}
		const deck = this.lastDeck !== null && decks.includes(this.lastDeck) ? this.lastDeck : decks[0];
		await this.readLogOnce();
		const vault = this.vault();
		try {
			const done = await reviewNote(
				{
					notes: this.notes,
					settings: this.settings,
					now: this.now,
					appendLog: this.options.log ? (entry) => this.options.log?.append(entry) ?? Promise.resolve() : undefined,
				},
				rating,
				{ path, deck, initialEase: vault.firstEase(path), dueOn: vault.queue.dueOn },
			);
			await this.remember(path);
			this.lastDone = done;
			this.lastDeck = deck;
			this.noteReviews.push(done.entry);
			new Notice(`Spaced Notes: ${RATING_NAMES[rating]}. This note comes back in ${days(done.entry.scheduledDays)}.`);
		} catch (error) {
			new Notice(`Spaced Notes: ${error instanceof Error ? error.message : String(error)}`);
			return;
		}
		this.invalidate(true);
		if (settings.noteAutoNext) this.openNext(deck);
	}

	/** Undoes the last rating of this session. */
	async undo(): Promise<void> {
		const done = this.lastDone;
		if (done === null) {
			notice("there is no note review to undo.");
			return;
		}
		try {
			await undoNoteReview(
				{
					notes: this.notes,
					settings: this.settings,
					now: this.now,
					appendLog: this.options.log ? (entry) => this.options.log?.append(entry) ?? Promise.resolve() : undefined,
				},
				done,
			);
		} catch (error) {
			new Notice(`Spaced Notes: ${error instanceof Error ? error.message : String(error)}`);
			return;
		}
		await this.remember(done.entry.note);
		this.lastDone = null;
		this.noteReviews = this.noteReviews.filter((e) => e !== done.entry);
		notice("the note review was undone.");
		this.invalidate(true);
	}

	/** Marks the queue stale and tells the listeners (after a short pause, unless `now`). */
	invalidate(now = false): void {
		this.cached = null;
		const delay = this.options.debounceMs ?? 300;
		if (now || delay <= 0) {
			this.cancelPending();
			this.emit();
			return;
		}
		if (this.pending !== null) return;
		this.pending = window.setTimeout(() => {
			this.pending = null;
			this.emit();
		}, delay);
	}

	private emit(): void {
		for (const listener of [...this.listeners]) listener();
	}

	private cancelPending(): void {
		if (this.pending !== null) window.clearTimeout(this.pending);
		this.pending = null;
	}

	/** Keeps the schedule now in the note until the metadata cache catches up with the write. */
	private async remember(path: string): Promise<void> {
		try {
			this.written.set(path, readNoteSchedule(await this.notes.read(path)));
		} catch {
			this.written.delete(path);
		}
	}

	/** Reads the log's note reviews (today's count against the daily limits) once; the queue is rebuilt with them. */
	private readLogOnce(): Promise<void> {
		this.logRead ??= (async () => {
			if (!this.options.log) return;
			try {
				this.noteReviews = [...(await this.options.log.readAll()).noteReviews, ...this.noteReviews];
				this.invalidate(true);
			} catch {
				// Without the log the daily limits count from this session only; the view still works.
			}
		})();
		return this.logRead;
	}

	private vault(): NoteVault {
		const settings = this.settings();
		if (this.cached === null || this.cachedFor !== settings) {
			const facts = this.facts();
			this.ranks ??= linkRanks(new Map(facts.map((f) => [f.path, f.links])));
			this.cached = noteVault(facts, this.now(), settings, this.noteReviews, this.ranks);
			this.cachedFor = settings;
			if (this.logRead === null && this.cached.queue.decks.length > 0) void this.readLogOnce();
		}
		return this.cached;
	}

	/** Whether the note, as the metadata cache has it now, matters to the queue. */
	private isRelevant(file: TFile): boolean {
		return mattersToQueueNow(this.app, file, this.settings());
	}

	private facts(): NoteFacts[] {
		const { facts, relevant } = noteFactsFromCache(this.app, this.options.index?.(), this.settings(), this.written);
		this.relevant = relevant;
		return facts;
	}
}

/** A notice that names the plugin. */
function notice(message: string): void {
	new Notice(`Spaced Notes: ${message}`);
}

function days(n: number): string {
	const rounded = Math.round(n * 10) / 10;
	return rounded === 1 ? "1 day" : `${rounded} days`;
}
