/**
 * What the metadata cache says about the notes for note review (docs/scheduling.md, "Note
 * review"): each note's tags, resolved links and frontmatter schedule keys, and its cards' eases
 * from the card index, as the core's `NoteFacts`; and whether a note matters to the queue. Apart
 * from `note-review.ts` (the service that keeps the queue and rates notes) so that each file
 * stays small enough to read whole.
 */
import { getAllTags, type App, type TFile } from "obsidian";
import type { CardIndex } from "../index/card-index";
import { noteDecks } from "../notes/note-queue";
import { scheduleFromFrontmatter, type NoteSchedule } from "../notes/note-schedule";
import type { NoteFacts } from "../notes/note-vault";
import type { SpacedNotesSettings } from "../settings/settings";

/**
 * Every markdown note's facts as the metadata cache has them (a schedule in `written`, written but
 * not yet read by the cache, wins over its frontmatter), and the paths of those that matter to the queue.
 */
export function noteFactsFromCache(
	app: App,
	index: CardIndex | undefined,
	settings: SpacedNotesSettings,
	written: ReadonlyMap<string, NoteSchedule>,
): { facts: NoteFacts[]; relevant: Set<string> } {
	const { metadataCache } = app;
	const relevant = new Set<string>();
	const out: NoteFacts[] = [];
	for (const file of app.vault.getMarkdownFiles()) {
		const cache = metadataCache.getFileCache(file);
		const schedule = written.get(file.path) ?? scheduleFromFrontmatter(cache?.frontmatter);
		const links = metadataCache.resolvedLinks?.[file.path] ?? {};
		const tags = cache ? (getAllTags(cache) ?? []) : [];
		if (mattersToQueue(file.path, tags, schedule, settings)) relevant.add(file.path);
		out.push({
			path: file.path,
			tags,
			schedule,
			links: new Map(Object.entries(links)),
			cardEases: schedule.classic !== null && index ? cardEases(index, file.path) : [],
		});
	}
	return { facts: out, relevant };
}

/** Whether the note, as the metadata cache has it now, matters to the queue. */
export function mattersToQueueNow(app: App, file: TFile, settings: SpacedNotesSettings): boolean {
	const cache = app.metadataCache.getFileCache(file);
	return mattersToQueue(file.path, cache ? (getAllTags(cache) ?? []) : [], scheduleFromFrontmatter(cache?.frontmatter), settings);
}

/** A note matters to the queue when it is in a review deck or has schedule keys (its ease counts for linked notes). */
function mattersToQueue(path: string, tags: readonly string[], schedule: NoteSchedule, settings: SpacedNotesSettings): boolean {
	return schedule.classic !== null || schedule.fsrs !== null || noteDecks(path, tags, settings).length > 0;
}

function cardEases(index: CardIndex, path: string): number[] {
	const eases: number[] = [];
	for (const card of index.getFile(path)?.readCards() ?? []) {
		for (const segment of card.segments) if (segment.kind === "ok" && segment.schedule?.type === "classic") eases.push(segment.schedule.ease);
	}
	return eases;
}
