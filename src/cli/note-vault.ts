/**
 * The vault as note review sees it on the command line: every note's tags, schedule, links and
 * card eases, read from the files (docs/cli.md, "notes" and "review-note"), and today's note
 * reviews from the review log.
 */
import { parseNote } from "../cards/parse";
import { LinkResolver } from "../notes/links";
import { readNoteSchedule } from "../notes/note-schedule";
import { cardEasesOf, noteVault, type NoteFacts, type NoteVault } from "../notes/note-vault";
import type { SpacedNotesSettings } from "../settings/settings";
import { mergeLogs } from "../stats/merge";
import { readVaultLog } from "./review-log";
import { readText, type LoadedVault } from "./vault";

export interface CliNoteVault extends NoteVault {
	facts: Map<string, NoteFacts>;
	/** Notes whose schedule keys could not be read, with why. */
	problems: { path: string; reason: string }[];
}

/** Reads every note of `vault` for note review at `now`. */
export function loadNoteVault(vault: Pick<LoadedVault, "root" | "files">, settings: SpacedNotesSettings, now: Date): CliNoteVault {
	const resolver = new LinkResolver(vault.files.map((f) => f.vaultPath));
	const facts = new Map<string, NoteFacts>();
	const problems: { path: string; reason: string }[] = [];
	for (const file of vault.files) {
		const text = readText(file);
		const parsed = parseNote(text, { path: file.vaultPath, settings });
		const schedule = readNoteSchedule(text);
		if (schedule.problem !== undefined) problems.push({ path: file.display, reason: schedule.problem });
		facts.set(file.vaultPath, {
			path: file.vaultPath,
			tags: parsed.tags,
			schedule,
			links: resolver.linksOf(text, file.vaultPath),
			cardEases: cardEasesOf(parsed),
		});
	}
	const log = mergeLogs(readVaultLog(vault.root).files);
	return { ...noteVault([...facts.values()], now, settings, log.noteReviews), facts, problems };
}
