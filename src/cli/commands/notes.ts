/** `spaced-notes notes PATH [--json]`: the notes to review by deck (docs/cli.md, "notes"). */
import { BUCKETS, dueNoteCount, type NoteDeck } from "../../notes/note-queue";
import { hasFlag, parseArgs } from "../args";
import { applyCommonFlags, COMMON_VALUED_FLAGS, resolveNow } from "../common";
import { EXIT_OK, UsageError, type Command } from "../io";
import { loadNoteVault } from "../note-vault";
import { jsonText } from "../terminal-text";
import { loadVault, warnSkippedLinks } from "../vault";

export const notesCommand: Command = (argv, io) => {
	const args = parseArgs(argv, ["json"], [...COMMON_VALUED_FLAGS]);
	if (args.positional.length !== 1) throw new UsageError("notes takes exactly one PATH");
	const now = resolveNow(args);
	const vault = loadVault(args.positional, io.cwd, (line) => io.stderr(`${line}\n`));
	warnSkippedLinks(vault, "notes", io.stderr);
	const settings = applyCommonFlags(vault.settings, args);
	const notes = loadNoteVault(vault, settings, now);
	for (const problem of notes.problems) io.stderr(`spaced-notes notes: ${problem.path}: ${problem.reason}; the note counts as new\n`);
	const { queue } = notes;
	if (hasFlag(args, "json")) {
		io.stdout(
			jsonText({
				today: queue.today,
				due: dueNoteCount(queue),
				decks: queue.decks.map((deck) => ({
					name: deck.name,
					newLeft: deck.newLeft,
					reviewsLeft: deck.reviewsLeft,
					...Object.fromEntries(
						BUCKETS.map((b) => [b, deck.buckets[b].map((n) => (n.due === null ? { path: n.path } : { path: n.path, due: n.due }))]),
					),
				})),
			}) + "\n",
		);
		return Promise.resolve(EXIT_OK);
	}
	if (queue.decks.length === 0) io.stdout(`No notes to review (review tags: ${settings.noteReviewTags.join(", ") || "none"}).\n`);
	for (const deck of queue.decks) io.stdout(formatDeck(deck));
	return Promise.resolve(EXIT_OK);
};

function formatDeck(deck: NoteDeck): string {
	const count = (b: keyof NoteDeck["buckets"]) => deck.buckets[b].length;
	let out = `${deck.name}  (due ${count("overdue") + count("today")}, new ${count("new")})\n`;
	for (const bucket of BUCKETS) {
		if (count(bucket) === 0) continue;
		out += `  ${bucket}\n`;
		for (const note of deck.buckets[bucket]) out += `    ${note.path}${note.due === null || bucket === "today" ? "" : `  ${note.due}`}\n`;
	}
	return out;
}
