/**
 * What note review knows about a vault at one moment: each note's tags, schedule, links and card
 * eases, turned into the link graph and ranks, the queue, and a new note's first ease. The plugin
 * fills it from Obsidian's metadata cache, the command line from the files.
 */
import type { ParsedNote } from "../model/card";
import type { SpacedNotesSettings } from "../settings/settings";
import type { NoteReviewEntry } from "../stats/log-format";
import { initialNoteEase, neighbourEase } from "./initial-ease";
import { linkRanks, type LinkGraph } from "./link-rank";
import { buildNoteQueue, type NoteQueue, type ReviewableNote } from "./note-queue";

/** One note of the vault. */
export interface NoteFacts extends ReviewableNote {
	/** Notes it links to, with how many links. */
	links: ReadonlyMap<string, number>;
	/** Eases (×100) of its cards' SM-2 schedules. */
	cardEases: readonly number[];
}

export interface NoteVault {
	queue: NoteQueue;
	/** A new note's first ease by the other plugin's rule. */
	firstEase(path: string): number;
}

/**
 * The vault's note review state at `now`. `ranks`: link ranks computed before for the same links
 * (the plugin keeps them until Obsidian resolves links again); computed here when absent.
 */
export function noteVault(
	notes: readonly NoteFacts[],
	now: Date,
	settings: SpacedNotesSettings,
	reviewedToday: readonly NoteReviewEntry[] = [],
	ranks: ReadonlyMap<string, number> = linkRanks(new Map(notes.map((n) => [n.path, n.links]))),
): NoteVault {
	const graph: LinkGraph = new Map(notes.map((n) => [n.path, n.links]));
	const eases = new Map<string, number>();
	for (const note of notes) {
		const ease = neighbourEase(note.schedule.classic?.ease ?? null, note.cardEases, settings.baseEase);
		if (ease !== null) eases.set(note.path, ease);
	}
	return {
		queue: buildNoteQueue(notes, now, settings, ranks, reviewedToday),
		firstEase: (path) => initialNoteEase(path, graph, ranks, (p) => eases.get(p) ?? null, settings),
	};
}

/** The eases of a note's cards that have an SM-2 schedule (what the other plugin averages). */
export function cardEasesOf(parsed: ParsedNote): number[] {
	const eases: number[] = [];
	for (const card of parsed.cards) {
		for (const sibling of card.siblings) {
			const segment = sibling.segment;
			if (segment.kind === "ok" && segment.schedule?.type === "classic") eases.push(segment.schedule.ease);
		}
	}
	return eases;
}
