/**
 * Reading view: Obsidian does not render HTML comments, so a card's schedule is invisible there.
 * This post-processor adds the same chips as Live Preview to a rendered section whose source
 * lines (known through `getSectionInfo`) hold a card's scheduling comment. Without section info
 * it does nothing; it never changes the note.
 */
import type { MarkdownPostProcessor, MarkdownPostProcessorContext } from "obsidian";
import { parseNote } from "../cards/parse";
import type { Card } from "../cards/types";
import { cardChipLabel } from "../schedule/chip-label";
import type { ParserSettings, SpacedNotesSettings } from "../settings/settings";
import { createRawCommentChip, createScheduleChip } from "../ui/schedule-chip";
import type { CardChipClick } from "./card-live-preview";

export interface CardReadingViewOptions {
	/** The clock for chip labels (tests replace it). */
	now?: () => Date;
	/** Called when a chip is clicked; without it chips are not buttons. */
	onChipClick?: (info: CardChipClick) => void;
}

/** Block elements a chip may end; anything else gets the chips in a row of their own. */
const INLINE_HOSTS = new Set(["P", "LI", "H1", "H2", "H3", "H4", "H5", "H6", "TD"]);

/** Everything the parser reads from the settings, as one comparable string. */
function parserKey(s: ParserSettings): string {
	return JSON.stringify([s.flashcardTags, s.ignoredTags, s.ignoredFolders, s.clozeKinds, s.endMarker]);
}

/**
 * The post-processor to register with `registerMarkdownPostProcessor`.
 * @param getSettings read on every render (display mode, parser settings, day start)
 */
export function createCardReadingViewPostProcessor(getSettings: () => SpacedNotesSettings, options: CardReadingViewOptions = {}): MarkdownPostProcessor {
	const now = options.now ?? (() => new Date());
	// Every section of a note hands over the same whole text: parse it once, not per section.
	let cache: { text: string; path: string; key: string; cards: Card[] } | null = null;
	const cardsOf = (text: string, path: string, settings: SpacedNotesSettings): Card[] => {
		const key = parserKey(settings);
		if (cache && cache.path === path && cache.key === key && cache.text === text) return cache.cards;
		const cards = parseNote(text, { path, settings }).cards;
		cache = { text, path, key, cards };
		return cards;
	};

	return (el: HTMLElement, ctx: MarkdownPostProcessorContext) => {
		const settings = getSettings();
		if (settings.commentDisplay === "hidden") return;
		const info = ctx.getSectionInfo(el);
		if (!info || !info.text.includes("<!--SR:")) return;
		const here = cardsOf(info.text, ctx.sourcePath, settings).filter((c) => c.comment !== null && c.comment.line >= info.lineStart && c.comment.line <= info.lineEnd);
		for (const old of Array.from(el.querySelectorAll(".sn-chip-row"))) old.remove();
		if (here.length === 0) return;

		const last = el.lastElementChild;
		const row = last instanceof HTMLElement && INLINE_HOSTS.has(last.tagName) ? last.createSpan({ cls: "sn-chip-row" }) : el.createDiv({ cls: "sn-chip-row" });
		for (const card of here) {
			if (settings.commentDisplay === "raw") {
				row.appendChild(createRawCommentChip(card.comment?.raw ?? ""));
				continue;
			}
			const label = cardChipLabel(
				card.siblings.map((s) => s.segment),
				now(),
				settings.nextDayStartsAt,
			);
			// Several chips in one section: say which card each belongs to.
			const title = here.length > 1 ? `${card.front}\n${label.title}` : label.title;
			const onChipClick = options.onChipClick;
			const onClick = onChipClick ? () => onChipClick({ path: ctx.sourcePath, card }) : undefined;
			row.appendChild(createScheduleChip({ ...label, title }, { onClick }));
		}
	};
}
