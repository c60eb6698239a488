/**
 * The card browser's actions (`BrowserActions` in ui/services.ts) on top of card management. A
 * row names its card by note, first line and position among the note's cards, so each note is
 * read and parsed once more before acting: the action then works on the card as it is now, and
 * a row whose card has moved or gone is reported instead of acting on another card.
 */
import { Notice, type App } from "obsidian";
import { parseNote } from "../cards/parse";
import type { ActionReport, ActionSubject } from "../review/card-manager";
import type { NoteStore } from "../review/ports";
import type { SpacedNotesSettings } from "../settings/settings";
import { openCardInTab } from "../ui/card-browser/open-card";
import type { BrowserActions, BrowserCardRef, CardActions } from "../ui/services";

export function browserActionsOf(app: App, notes: Pick<NoteStore, "read">, settings: () => SpacedNotesSettings, actions: CardActions): BrowserActions {
	const run = async (refs: readonly BrowserCardRef[], act: (subjects: ActionSubject[]) => Promise<ActionReport | string>): Promise<void> => {
		const { subjects, missing } = await subjectsOf(notes, settings(), refs);
		if (missing > 0) new Notice(`Spaced Notes: ${missing} of the selected cards changed or are gone since the list was read; they were left alone.`);
		if (subjects.length === 0) return;
		const result = await act(subjects);
		if (typeof result === "string") new Notice(`Spaced Notes: ${result}`);
	};
	return {
		open: (card) => openCardInTab(app, card),
		suspend: (cards, suspended) => run(cards, (subjects) => actions.apply(subjects, { kind: suspended ? "suspend" : "unsuspend" })),
		flag: (cards, flag) => run(cards, (subjects) => actions.apply(subjects, { kind: "flag", flag })),
		reset: (cards) => run(cards, (subjects) => actions.apply(subjects, { kind: "reset" })),
		setDue: (cards, when) => run(cards, (subjects) => actions.setDue(subjects, when)),
	};
}

/** The rows' siblings as card-management subjects, each note read once; `missing` = rows whose card is no longer there. */
export async function subjectsOf(
	notes: Pick<NoteStore, "read">,
	settings: SpacedNotesSettings,
	refs: readonly BrowserCardRef[],
): Promise<{ subjects: ActionSubject[]; missing: number }> {
	const byPath = new Map<string, BrowserCardRef[]>();
	for (const ref of refs) byPath.set(ref.path, [...(byPath.get(ref.path) ?? []), ref]);
	const subjects: ActionSubject[] = [];
	let missing = 0;
	for (const [path, list] of byPath) {
		let text: string;
		try {
			text = await notes.read(path);
		} catch {
			missing += list.length;
			continue;
		}
		const cards = parseNote(text, { path, settings }).cards;
		for (const ref of list) {
			const card = cards[ref.cardIndex]?.startLine === ref.line ? cards[ref.cardIndex] : cards.find((c) => c.startLine === ref.line);
			if (card && ref.sibling < card.siblings.length) subjects.push({ path, card, sibling: ref.sibling });
			else missing++;
		}
	}
	return { subjects, missing };
}
