/**
 * What clicking a card's schedule chip does: a card whose comment cannot be read explains the
 * problem (a review would only hide it); a card with something to review now starts a review
 * of just that card; a card that is not due shows its schedule instead of an empty session.
 */
import { Notice } from "obsidian";
import type { Card } from "../model/card";
import { cardChipLabel } from "../schedule/chip-label";
import { siblingStatus } from "../schedule/status";
import type { PluginServices } from "../ui/services";

export function chipClickHandler(services: PluginServices): (info: { path: string; card: Card }) => void {
	return ({ path, card }) => {
		if (path === "") return;
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
		const reviewable = card.siblings.some((sibling) => siblingStatus(sibling.segment, now, hour) !== "later");
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
