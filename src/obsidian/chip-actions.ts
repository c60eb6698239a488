/**
 * What clicking a card's schedule chip does: a card whose comment cannot be read explains the
 * problem (a review would only hide it); a card with something to review now starts a review
 * of just that card; a card that is not due shows its schedule instead of an empty session.
 */
import { Menu, Notice } from "obsidian";
import type { Card } from "../model/card";
import type { ActionSubject } from "../review/card-manager";
import { marksOf } from "../writeback/card-actions";
import { FLAG_COLOURS, openDueDate } from "./card-commands";
import { cardChipLabel } from "../schedule/chip-label";
import { siblingStatus } from "../schedule/status";
import type { PluginServices } from "../ui/services";

export function chipClickHandler(services: PluginServices): (info: { path: string; card: Card; menu?: MouseEvent }) => void {
	return ({ path, card, menu }) => {
		if (path === "") return;
		if (menu) {
			showCardMenu(services, path, card, menu);
			return;
		}
		const unreadable = card.siblings.map((s) => s.segment).find((segment) => segment.kind === "unreadable");
		if (unreadable !== undefined && unreadable.kind === "unreadable") {
			new Notice(
				`Spaced Notes: this card's schedule "${unreadable.raw}" cannot be read: ${unreadable.reason}. ` +
					"Until the comment is fixed or removed, the card is reviewed as new and its next answer replaces it.",
				10_000,
			);
			return;
		}
		const now = services.now();
		const hour = services.settings().nextDayStartsAt;
		// A suspended side is never reviewed (docs/format.md, "Suspended and flagged cards").
		const reviewable = card.siblings.some((sibling) => !sibling.marks?.suspended && siblingStatus(sibling.segment, now, hour) !== "later");
		if (reviewable) {
			services.startReview({ title: card.context[card.context.length - 1] ?? path, path, line: card.startLine });
			return;
		}
		const label = cardChipLabel(
			card.siblings.map((s) => s.segment),
			now,
			hour,
		);
		new Notice(`Spaced Notes: next review ${label.text}. ${label.title}`);
	};
}

/**
 * A chip's context menu: review the card, then its actions on every sibling (docs/format.md,
 * "Suspended and flagged cards").
 */
function showCardMenu(services: PluginServices, path: string, card: Card, event: MouseEvent): void {
	const actions = services.cardActions;
	const subjects: ActionSubject[] = card.siblings.map((s) => ({ path, card, sibling: s.index }));
	const marks = card.siblings.map(marksOf);
	const menu = new Menu();
	menu.addItem((item) =>
		item
			.setTitle("Review this card")
			.setIcon("play")
			.onClick(() => services.startReview({ title: card.context[card.context.length - 1] ?? path, path, line: card.startLine })),
	);
	if (actions) {
		const suspended = marks.every((m) => m.suspended);
		menu.addSeparator();
		menu.addItem((item) =>
			item
				.setTitle(suspended ? "Unsuspend" : "Suspend")
				.setIcon(suspended ? "play-circle" : "pause-circle")
				.onClick(() => void actions.toggleSuspend(subjects)),
		);
		menu.addItem((item) =>
			item
				.setTitle("Bury until tomorrow")
				.setIcon("eye-off")
				.onClick(() => actions.bury(subjects)),
		);
		menu.addItem((item) =>
			item
				.setTitle("Set due date…")
				.setIcon("calendar")
				.onClick(() => openDueDate(services, actions, subjects)),
		);
		menu.addItem((item) =>
			item
				.setTitle("Reset to new")
				.setIcon("rotate-ccw")
				.onClick(() => void actions.apply(subjects, { kind: "reset" })),
		);
		menu.addItem((item) =>
			item
				.setTitle("Forget")
				.setIcon("eraser")
				.onClick(() => void actions.apply(subjects, { kind: "forget" })),
		);
		menu.addSeparator();
		FLAG_COLOURS.forEach((colour, i) => {
			const flag = i + 1;
			menu.addItem((item) =>
				item
					.setTitle(`Flag ${colour.toLowerCase()}`)
					.setIcon("flag")
					.setChecked(marks.every((m) => m.flag === flag))
					.onClick(() => void actions.toggleFlag(subjects, flag)),
			);
		});
		if (marks.some((m) => m.flag !== 0))
			menu.addItem((item) =>
				item
					.setTitle("Remove flag")
					.setIcon("flag-off")
					.onClick(() => void actions.apply(subjects, { kind: "flag", flag: 0 })),
			);
	}
	menu.showAtMouseEvent(event);
}
