/**
 * Note review's commands and its file-menu entries (docs/scheduling.md, "Note review"). No
 * default hotkeys. "Again" is offered only under FSRS (the other plugin's notes have no Again).
 */
import { Menu, TAbstractFile, TFile, type Plugin } from "obsidian";
import { Rating } from "../model/schedule";
import { ratingAllowed } from "../notes/rate-note";
import type { SpacedNotesSettings } from "../settings/settings";
import { openNoteReviewView } from "../ui/note-review/note-review-view";
import { RATING_NAMES, type NoteReviewService } from "./note-review";

const RATINGS = [Rating.Easy, Rating.Good, Rating.Hard, Rating.Again] as const;

/** Registers the note review commands and file-menu entries on `plugin`. */
export function registerNoteCommands(plugin: Plugin, service: NoteReviewService, settings: () => SpacedNotesSettings): void {
	const app = plugin.app;
	plugin.addCommand({ id: "open-next-note", name: "Open the next note to review", callback: () => service.openNext() });
	plugin.addCommand({ id: "open-note-review-queue", name: "Open notes to review", callback: () => void openNoteReviewView(app) });
	for (const rating of RATINGS) {
		plugin.addCommand({
			id: `review-this-note-${RATING_NAMES[rating].toLowerCase()}`,
			name: `Review this note: ${RATING_NAMES[rating]}`,
			checkCallback: (checking) => {
				const file = app.workspace.getActiveFile();
				if (!isNote(file) || !ratingAllowed(rating, settings()) || service.decksOf(file.path).length === 0) return false;
				if (!checking) void service.rate(file.path, rating);
				return true;
			},
		});
	}
	plugin.addCommand({ id: "undo-note-review", name: "Undo the last note review", callback: () => void service.undo() });
	plugin.registerEvent(
		app.workspace.on("file-menu", (menu: Menu, file: TAbstractFile) => {
			if (!isNote(file)) return;
			for (const rating of RATINGS) {
				if (!ratingAllowed(rating, settings())) continue;
				menu.addItem((item) =>
					item
						.setTitle(`Review note: ${RATING_NAMES[rating]}`)
						.setIcon("file-clock")
						.onClick(() => void service.rate(file.path, rating)),
				);
			}
		}),
	);
}

function isNote(file: TAbstractFile | null): file is TFile {
	return file instanceof TFile && file.extension === "md";
}
