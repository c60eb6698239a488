/**
 * `spaced-notes review-note FILE easy|good|hard|again [--now ISO]`: rates one note, for scripts
 * (docs/cli.md, "review-note"). Written atomically like answers (`DiskNotes`); logged like them.
 */
import { resolve } from "node:path";
import { Rating } from "../../model/schedule";
import { noteDecks } from "../../notes/note-queue";
import { ratingAllowed } from "../../notes/rate-note";
import { reviewNote } from "../../notes/review-note";
import { parseArgs } from "../args";
import { applyCommonFlags, COMMON_VALUED_FLAGS, resolveNow } from "../common";
import { DiskNotes } from "../disk-notes";
import { toSlashes } from "../fs-paths";
import { EXIT_OK, UsageError, type Command } from "../io";
import { loadNoteVault } from "../note-vault";
import { appendToVaultLog } from "../review-log";
import { isInside, loadVault } from "../vault";

const RATINGS: Record<string, Rating> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

export const reviewNoteCommand: Command = async (argv, io) => {
	const args = parseArgs(argv, [], [...COMMON_VALUED_FLAGS]);
	if (args.positional.length !== 2) throw new UsageError("review-note takes a FILE and a rating (easy, good, hard or again)");
	const [fileArg, ratingArg] = args.positional;
	const rating = RATINGS[ratingArg.toLowerCase()];
	if (rating === undefined) throw new UsageError(`the rating must be easy, good, hard or again, not '${ratingArg}'`);
	if (!fileArg.toLowerCase().endsWith(".md")) throw new UsageError(`${fileArg} is not a Markdown note`);
	const now = resolveNow(args);
	const one = loadVault([fileArg], io.cwd);
	const settings = applyCommonFlags(one.settings, args);
	if (!ratingAllowed(rating, settings)) throw new UsageError("again is only for notes reviewed with FSRS; under SM-2 rate a note easy, good or hard");
	const vault = loadVault([one.root], io.cwd);
	const absolute = resolve(io.cwd, fileArg);
	if (!isInside(vault.root, absolute)) throw new UsageError(`${fileArg} is not inside the vault ${vault.root}`);
	const file = vault.files.find((f) => f.absolute === absolute) ?? one.files[0];
	const path = file?.vaultPath ?? toSlashes(absolute.slice(vault.root.length + 1));
	const notes = loadNoteVault(vault, settings, now);
	const facts = notes.facts.get(path);
	const deck = facts ? noteDecks(path, facts.tags, settings)[0] : undefined;
	if (deck === undefined) {
		throw new UsageError(
			`${fileArg} is not a note to review: give it a review tag (${settings.noteReviewTags.join(", ") || "none set"}) or put it in a review folder`,
		);
	}
	const store = new DiskNotes(vault, { warn: (message) => io.stderr(`spaced-notes review-note: ${message}\n`) });
	try {
		const isNew = facts?.schedule.classic === null;
		const done = await reviewNote(
			{
				notes: store,
				settings: () => settings,
				now: () => now,
				appendLog: (entry) => Promise.resolve(logQuietly(() => appendToVaultLog(vault.root, [entry]), io.stderr)),
			},
			rating,
			{ path, deck, initialEase: isNew ? notes.firstEase(path) : settings.baseEase, dueOn: notes.queue.dueOn },
		);
		const { entry } = done;
		io.stdout(
			`${file?.display ?? fileArg}: ${ratingArg.toLowerCase()}, next review in ${entry.scheduledDays} day${entry.scheduledDays === 1 ? "" : "s"}\n`,
		);
	} catch (error) {
		throw new UsageError(error instanceof Error ? error.message : String(error));
	} finally {
		await store.close();
	}
	return EXIT_OK;
};

/** The note is written by now: a log that cannot be written is said, not made an error. */
function logQuietly(append: () => unknown, stderr: (text: string) => void): void {
	try {
		append();
	} catch (error) {
		stderr(`spaced-notes review-note: the review log could not be written: ${error instanceof Error ? error.message : String(error)}\n`);
	}
}
