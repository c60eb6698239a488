/**
 * The queue of notes to review (docs/scheduling.md, "Note review"), by deck as the Spaced
 * Repetition plugin groups them: a deck per review tag of the settings, holding the notes with
 * that tag or one of its sub-tags (a sub-tag is its own deck only when it is listed itself), and
 * here also a deck per review folder. In a deck: new notes by link rank, then the scheduled ones
 * by due day and, within a day, by link rank; the view shows those due up to `noteQueueMaxDays`
 * ahead. Daily limits are the cards' (new and reviews per deck and day), counted from the log.
 */
import { addDays, localDay } from "../model/days";
import type { DueHistogram } from "../schedule/sm2";
import { tagMatches } from "../decks/tags";
import type { SpacedNotesSettings } from "../settings/settings";
import type { NoteReviewEntry } from "../stats/log-format";
import type { NoteSchedule } from "./note-schedule";
import { currentFsrs } from "./rate-note";
import { dueDay } from "../schedule/status";

export type NoteQueueSettings = Pick<
	SpacedNotesSettings,
	"noteReviewTags" | "noteReviewFolders" | "ignoredFolders" | "noteQueueMaxDays" | "newPerDay" | "reviewsPerDay" | "nextDayStartsAt" | "algorithm"
>;

/** A note as the queue needs it. */
export interface ReviewableNote {
	path: string;
	/** Its tags, with `#`. */
	tags: readonly string[];
	schedule: NoteSchedule;
}

interface QueuedNote {
	path: string;
	/** Due day, or null for a new note. */
	due: string | null;
	rank: number;
}

export type BucketName = "new" | "overdue" | "today" | "tomorrow" | "later";
export const BUCKETS: readonly BucketName[] = ["new", "overdue", "today", "tomorrow", "later"];

export interface NoteDeck {
	/** The review tag as the settings list it (`#review`) or a review folder (`reading/`). */
	name: string;
	buckets: Record<BucketName, QueuedNote[]>;
	/** What may still be reviewed today under the daily limits. */
	newLeft: number;
	reviewsLeft: number;
}

export interface NoteQueue {
	today: string;
	decks: NoteDeck[];
	/** Notes due per day over every deck (a note in two decks counts twice, as the other plugin counts). */
	dueOn: DueHistogram;
}

/** The decks a note belongs to: each review tag it has (or a sub-tag of), then each review folder it is in. */
export function noteDecks(
	path: string,
	tags: readonly string[],
	settings: Pick<NoteQueueSettings, "noteReviewTags" | "noteReviewFolders" | "ignoredFolders">,
): string[] {
	if (settings.ignoredFolders.some((pattern) => inFolder(path, pattern))) return [];
	const decks: string[] = [];
	for (const reviewTag of settings.noteReviewTags) if (tags.some((tag) => tagMatches(tag, reviewTag))) decks.push(reviewTag);
	for (const folder of settings.noteReviewFolders) if (inFolder(path, folder)) decks.push(folder);
	return decks;
}

/** A path is in a folder pattern when it starts with it (the other plugin's rule) or matches it as a glob. */
export function inFolder(path: string, pattern: string): boolean {
	if (pattern === "") return false;
	if (path.startsWith(pattern)) return true;
	return globPattern(pattern).test(path);
}

function globPattern(glob: string): RegExp {
	let source = "";
	for (let i = 0; i < glob.length; i++) {
		const c = glob[i];
		if (c === "*" && glob[i + 1] === "*") {
			source += glob[i + 2] === "/" ? "(?:.*/)?" : ".*";
			i += glob[i + 2] === "/" ? 2 : 1;
		} else if (c === "*") source += "[^/]*";
		else if (c === "?") source += "[^/]";
		else source += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
	}
	return new RegExp(`^${source}(?:/.*)?$`);
}

/** The day a note is due, by the form the algorithm reads; null when it is new. */
function noteDueDay(schedule: NoteSchedule, settings: Pick<NoteQueueSettings, "algorithm" | "nextDayStartsAt">): string | null {
	if (settings.algorithm === "fsrs") {
		const fsrs = currentFsrs(schedule, settings.nextDayStartsAt);
		if (fsrs) return dueDay(fsrs, settings.nextDayStartsAt);
	}
	return schedule.classic?.due ?? null;
}

/**
 * Builds the queue at `now`.
 * @param ranks link ranks (`linkRanks`); a note without one ranks 0
 * @param reviewedToday today's note reviews from the log, for the daily limits
 */
export function buildNoteQueue(
	notes: readonly ReviewableNote[],
	now: Date,
	settings: NoteQueueSettings,
	ranks: ReadonlyMap<string, number> = new Map(),
	reviewedToday: readonly NoteReviewEntry[] = [],
): NoteQueue {
	const today = localDay(now, settings.nextDayStartsAt);
	const tomorrow = addDays(today, 1);
	const last = addDays(today, Math.max(0, settings.noteQueueMaxDays));
	const byName = new Map<string, NoteDeck>();
	const load = new Map<string, number>();
	for (const note of notes) {
		const decks = noteDecks(note.path, note.tags, settings);
		if (decks.length === 0) continue;
		const due = noteDueDay(note.schedule, settings);
		const queued: QueuedNote = { path: note.path, due, rank: ranks.get(note.path) ?? 0 };
		for (const name of decks) {
			let deck = byName.get(name);
			if (!deck) {
				deck = { name, buckets: { new: [], overdue: [], today: [], tomorrow: [], later: [] }, newLeft: 0, reviewsLeft: 0 };
				byName.set(name, deck);
			}
			if (due === null) {
				deck.buckets.new.push(queued);
				continue;
			}
			load.set(due, (load.get(due) ?? 0) + 1);
			if (due < today) deck.buckets.overdue.push(queued);
			else if (due === today) deck.buckets.today.push(queued);
			else if (due === tomorrow) deck.buckets.tomorrow.push(queued);
			else if (due <= last) deck.buckets.later.push(queued);
		}
	}
	const decks = orderDecks([...byName.values()], settings);
	for (const deck of decks) {
		deck.buckets.new.sort(byRank);
		for (const name of ["overdue", "today", "tomorrow", "later"] as const) deck.buckets[name].sort(byDueThenRank);
		const done = reviewedToday.filter((e) => e.deck === logDeckName(deck.name) && localDay(new Date(e.time), settings.nextDayStartsAt) === today);
		deck.newLeft = Math.max(0, settings.newPerDay - done.filter((e) => e.state === 0).length);
		deck.reviewsLeft = Math.max(0, settings.reviewsPerDay - done.filter((e) => e.state !== 0).length);
	}
	return { today, decks, dueOn: (day) => load.get(day) ?? 0 };
}

/** A deck as the review log names it: a tag path without `#` (as cards' decks are logged), or the folder. */
export function logDeckName(deck: string): string {
	return deck.startsWith("#") ? deck.slice(1) : deck;
}

/** Decks in the order the settings list their tags, then folders. */
function orderDecks(decks: NoteDeck[], settings: NoteQueueSettings): NoteDeck[] {
	const order = [...settings.noteReviewTags, ...settings.noteReviewFolders];
	return decks.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
}

function byRank(a: QueuedNote, b: QueuedNote): number {
	return b.rank - a.rank || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

function byDueThenRank(a: QueuedNote, b: QueuedNote): number {
	const ad = a.due ?? "";
	const bd = b.due ?? "";
	return ad < bd ? -1 : ad > bd ? 1 : byRank(a, b);
}

/** The notes of a deck that may be reviewed now: due ones (overdue, today) then new ones, within the limits. */
function reviewableNow(deck: NoteDeck): { due: QueuedNote[]; fresh: QueuedNote[] } {
	return {
		due: [...deck.buckets.overdue, ...deck.buckets.today].slice(0, deck.reviewsLeft),
		fresh: deck.buckets.new.slice(0, deck.newLeft),
	};
}

/** How many distinct notes may be reviewed now over every deck (the status bar's count). */
export function dueNoteCount(queue: NoteQueue): number {
	const paths = new Set<string>();
	for (const deck of queue.decks) for (const note of reviewableNow(deck).due) paths.add(note.path);
	return paths.size;
}

/**
 * The next note to open: in `deckName` (or the first deck with one), a due note before a new one,
 * the first by order or, with `random`, a random one of them (`random()` in [0, 1)).
 */
export function nextNote(queue: NoteQueue, deckName?: string, random?: () => number): { path: string; deck: string } | null {
	const decks = deckName === undefined ? queue.decks : queue.decks.filter((d) => d.name === deckName);
	for (const deck of decks) {
		const { due, fresh } = reviewableNow(deck);
		const pool = due.length > 0 ? due : fresh;
		if (pool.length === 0) continue;
		const at = random ? Math.min(pool.length - 1, Math.floor(random() * pool.length)) : 0;
		return { path: pool[at].path, deck: deck.name };
	}
	return null;
}
