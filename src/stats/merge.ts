/**
 * Reading the review log: every device appends to its own file, so readers merge all files,
 * sort by time, drop lines that appear twice (a copied or re-synced file), apply undo records,
 * and resolve card ids across note renames. Unreadable lines are skipped and reported.
 */
import { pathHash, pathPartOf } from "./card-id";
import { formatLogLine, type CardActionEntry, type CramEntry, type LogEntry, type NoteReviewEntry, type RenameEntry, type ReviewEntry } from "./log-format";
import { parseLogLine } from "./log-parse";

/** One log file's name (for messages) and text. */
export interface LogFile {
	name: string;
	text: string;
}

/** A line that was skipped. `line` is 1-based. */
export interface LogProblem {
	file: string;
	line: number;
	reason: string;
}

export interface MergedLog {
	/** Answers in time order, undone ones removed, ids resolved to the cards' current paths. */
	reviews: ReviewEntry[];
	/** Cram answers in time order (no schedule changed), undone ones removed, ids resolved. */
	cram: CramEntry[];
	/** Resets, due days set by hand and suspensions, in time order, undone ones removed, ids resolved. */
	actions: CardActionEntry[];
	/** Whole-note reviews in time order, undone ones removed, paths resolved across renames. */
	noteReviews: NoteReviewEntry[];
	/** Rename records in time order. */
	renames: RenameEntry[];
	problems: LogProblem[];
	/** Lines dropped because the same entry was already read. */
	duplicates: number;
	/** Entries dropped because an undo record names them. */
	undone: number;
}

/** Merges the log files of all devices. Never throws. */
export function mergeLogs(files: readonly LogFile[]): MergedLog {
	const problems: LogProblem[] = [];
	const seen = new Map<string, LogEntry>();
	let duplicates = 0;
	for (const file of files) {
		const lines = file.text.split(/\r\n|\r|\n/);
		lines.forEach((raw, index) => {
			const line = raw.trim();
			if (line === "") return;
			const parsed = parseLogLine(line);
			if (!parsed.ok) {
				problems.push({ file: file.name, line: index + 1, reason: parsed.reason });
				return;
			}
			const key = formatLogLine(parsed.entry);
			if (seen.has(key)) duplicates++;
			else seen.set(key, parsed.entry);
		});
	}
	const ordered = [...seen.entries()].sort(([ka, a], [kb, b]) => a.time - b.time || (ka < kb ? -1 : ka > kb ? 1 : 0)).map(([, e]) => e);
	const undoneKeys = new Set<string>();
	const renames: RenameEntry[] = [];
	const reviews: ReviewEntry[] = [];
	const cram: CramEntry[] = [];
	const actions: CardActionEntry[] = [];
	const noteReviews: NoteReviewEntry[] = [];
	for (const entry of ordered) {
		if (entry.kind === "undo") undoneKeys.add(undoKey(entry.card, entry.reviewTime));
		else if (entry.kind === "rename") renames.push(entry);
		else if (entry.kind === "review") reviews.push(entry);
		else if (entry.kind === "cram") cram.push(entry);
		else if (entry.kind === "note") noteReviews.push(entry);
		else actions.push(entry);
	}
	let undone = 0;
	const kept = <T extends { time: number }>(list: T[], key: (e: T) => string): T[] => {
		const out = list.filter((e) => !undoneKeys.has(undoKey(key(e), e.time)));
		undone += list.length - out.length;
		return out;
	};
	return {
		reviews: followRenames(
			kept(reviews, (r) => r.card),
			renames,
		),
		cram: followRenames(
			kept(cram, (r) => r.card),
			renames,
		),
		actions: followRenames(
			kept(actions, (r) => r.card),
			renames,
		),
		noteReviews: followNoteRenames(
			kept(noteReviews, (r) => r.note),
			renames,
		),
		renames,
		problems,
		duplicates,
		undone,
	};
}

/**
 * Resolves card ids across renames: an answer given before a rename of its note from `from` to
 * `to` gets the id the card has under `to` (chains a → b → c follow through). Answers given
 * after the rename keep their id, so a new note later created at the old path stays apart.
 * `reviews` need not be sorted; the result keeps their order. Pure: the input is not changed.
 */
export function followRenames<T extends { card: string; time: number }>(reviews: readonly T[], renames: readonly RenameEntry[]): T[] {
	const result = reviews.map((r) => ({ ...r }));
	if (renames.length === 0) return result;
	const byPart = new Map<string, T[]>();
	for (const review of result) {
		const part = pathPartOf(review.card);
		if (part === null) continue;
		const list = byPart.get(part);
		if (list) list.push(review);
		else byPart.set(part, [review]);
	}
	const sorted = [...renames].sort((a, b) => a.time - b.time);
	for (const rename of sorted) {
		const from = pathHash(rename.from);
		const to = pathHash(rename.to);
		if (from === to) continue;
		const list = byPart.get(from);
		if (!list) continue;
		const moved = list.filter((r) => r.time <= rename.time);
		if (moved.length === 0) continue;
		byPart.set(
			from,
			list.filter((r) => r.time > rename.time),
		);
		for (const review of moved) review.card = to + review.card.slice(from.length);
		byPart.set(to, [...(byPart.get(to) ?? []), ...moved]);
	}
	return result;
}

function undoKey(card: string, time: number): string {
	return `${card}@${time}`;
}

/** A note review before a rename of its note names the note's later path (chains follow through). */
function followNoteRenames(reviews: readonly NoteReviewEntry[], renames: readonly RenameEntry[]): NoteReviewEntry[] {
	const sorted = [...renames].sort((a, b) => a.time - b.time);
	return reviews.map((review) => {
		let note = review.note;
		for (const rename of sorted) if (rename.time >= review.time && rename.from === note) note = rename.to;
		return note === review.note ? { ...review } : { ...review, note };
	});
}
