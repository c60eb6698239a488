/**
 * Commands on the card at the cursor (docs/format.md, "Suspended and flagged cards"): suspend,
 * bury until tomorrow, flag, reset, forget, set due, undo — each on every sibling of the card,
 * through the services' card actions. No default hotkeys.
 */
import type { Editor, Plugin } from "obsidian";
import { parseNote } from "../cards/parse";
import type { ActionSubject } from "../review/card-manager";
import { DueDateModal } from "../ui/due-date-modal";
import type { CardActions, PluginServices } from "../ui/services";

/** Flag colours by number, as Anki names them. */
export const FLAG_COLOURS = ["Red", "Orange", "Green", "Blue", "Pink", "Turquoise", "Purple"];

/** Every sibling of the card whose lines hold the cursor, read from the editor's text; empty when there is none. */
function subjectsAtCursor(services: PluginServices, editor: Editor, path: string): ActionSubject[] {
	const line = editor.getCursor().line;
	const cards = parseNote(editor.getValue(), { path, settings: services.settings() }).cards;
	const card = cards.find((c) => c.startLine <= line && line <= c.endLine);
	return card ? card.siblings.map((s) => ({ path, card, sibling: s.index })) : [];
}

export function registerCardCommands(plugin: Plugin, services: PluginServices): void {
	const actions = services.cardActions;
	if (!actions) return;
	const onCard = (id: string, name: string, run: (subjects: ActionSubject[], actions: CardActions) => void) =>
		plugin.addCommand({
			id,
			name,
			editorCheckCallback: (checking, editor, ctx) => {
				const path = ctx.file?.path;
				if (!path) return false;
				const subjects = subjectsAtCursor(services, editor, path);
				if (subjects.length === 0) return false;
				if (!checking) run(subjects, actions);
				return true;
			},
		});
	onCard("suspend-card", "Suspend or unsuspend the card at the cursor", (s, a) => void a.toggleSuspend(s));
	onCard("bury-card", "Bury the card at the cursor until tomorrow", (s, a) => a.bury(s));
	FLAG_COLOURS.forEach((colour, i) =>
		onCard(`flag-card-${i + 1}`, `Flag the card at the cursor: ${colour.toLowerCase()}`, (s, a) => void a.toggleFlag(s, i + 1)),
	);
	onCard("unflag-card", "Remove the flag of the card at the cursor", (s, a) => void a.apply(s, { kind: "flag", flag: 0 }));
	onCard("reset-card", "Reset the card at the cursor to new", (s, a) => void a.apply(s, { kind: "reset" }));
	onCard("forget-card", "Forget the card at the cursor (new, no marks)", (s, a) => void a.apply(s, { kind: "forget" }));
	onCard("set-due-card", "Set the due date of the card at the cursor…", (s, a) => openDueDate(services, a, s));
	plugin.addCommand({ id: "undo-card-action", name: "Undo the last card action", callback: () => void actions.undo() });
}

/** The due date modal for `subjects`. */
export function openDueDate(services: PluginServices, actions: CardActions, subjects: ActionSubject[]): void {
	new DueDateModal(services.app, subjects.length, async (when) => {
		const result = await actions.setDue(subjects, when);
		return typeof result === "string" ? result : null;
	}).open();
}
