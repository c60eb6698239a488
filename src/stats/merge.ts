/**
 * Reading the review log: every device appends to its own file, so readers merge all files,
 * sort by time, drop lines that appear twice (a copied or re-synced file), apply undo records,
 * and resolve card ids across note renames. Unreadable lines are skipped and reported.
 */
import { pathHash, pathPartOf } from "./card-id";
import { formatLogLine, parseLogLine, type LogEntry, type RenameEntry, type ReviewEntry } from "./log-format";

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
	/** Rename records in time order. */
	renames: RenameEntry[];
	problems: LogProblem[];
	/** Lines dropped because the same entry was already read. */
	duplicates: number;
	/** Answers dropped because an undo record names them. */
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
	let reviews: ReviewEntry[] = [];
	for (const entry of ordered) {
		if (entry.kind === "undo") undoneKeys.add(undoKey(entry.card, entry.reviewTime));
		else if (entry.kind === "rename") renames.push(entry);
		else reviews.push(entry);
	}
	const before = reviews.length;
	reviews = reviews.filter((r) => !undoneKeys.has(undoKey(r.card, r.time)));
	return { reviews: followRenames(reviews, renames), renames, problems, duplicates, undone: before - reviews.length };
}

/**
 * Resolves card ids across renames: an answer given before a rename of its note from `from` to
 * `to` gets the id the card has under `to` (chains a → b → c follow through). Answers given
 * after the rename keep their id, so a new note later created at the old path stays apart.
 * `reviews` need not be sorted; the result keeps their order. Pure: the input is not changed.
 */
export function followRenames(reviews: readonly ReviewEntry[], renames: readonly RenameEntry[]): ReviewEntry[] {
	const result = reviews.map((r) => ({ ...r }));
	if (renames.length === 0) return result;
	const byPart = new Map<string, ReviewEntry[]>();
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
