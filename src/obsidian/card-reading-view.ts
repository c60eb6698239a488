/**
 * Reading view: Obsidian does not render HTML comments, so a card's schedule is invisible there.
 * This post-processor adds the same chips as Live Preview to a rendered section whose source
 * lines (known through `getSectionInfo`) hold a card's last text line. Each chip goes at the end
 * of its card's rendered line when the section's DOM maps to its lines (see reading-view-lines);
 * the others go in one row at the end of the section. Without section info it does nothing; it
 * never changes the note.
 */
import type { MarkdownPostProcessor, MarkdownPostProcessorContext } from "obsidian";
import { splitLines } from "../cards/lines";
import { parseNote } from "../cards/parse";
import type { Card } from "../model/card";
import { cardChipLabel } from "../schedule/chip-label";
import { PARSER_SETTING_KEYS, type ParserSettings, type SpacedNotesSettings } from "../settings/settings";
import { createRawCommentChip, createScheduleChip } from "../ui/schedule-chip";
import type { CardChipClick } from "./card-live-preview";
import { renderClozeGroups } from "./cloze-reading-view";
import { sectionLineSlots, type ChipSlot } from "./reading-view-lines";

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
	return JSON.stringify(PARSER_SETTING_KEYS.map((key) => s[key]));
}

/**
 * The post-processor to register with `registerMarkdownPostProcessor`.
 * @param getSettings read on every render (display mode, parser settings, day start)
 */
export function createCardReadingViewPostProcessor(getSettings: () => SpacedNotesSettings, options: CardReadingViewOptions = {}): MarkdownPostProcessor {
	const now = options.now ?? (() => new Date());
	// Every section of a note hands over the same whole text: parse it once, not per section.
	let cache: { text: string; path: string; key: string; cards: Card[]; lines: string[] } | null = null;
	const parsed = (text: string, path: string, settings: SpacedNotesSettings): { cards: Card[]; lines: string[] } => {
		const key = parserKey(settings);
		if (cache && cache.path === path && cache.key === key && cache.text === text) return cache;
		const cards = parseNote(text, { path, settings }).cards;
		cache = { text, path, key, cards, lines: splitLines(text).lines };
		return cache;
	};

	return (el: HTMLElement, ctx: MarkdownPostProcessorContext) => {
		// Chips of an earlier run go first, so a re-render never shows them twice.
		for (const old of Array.from(el.querySelectorAll(".sn-chip-row, .sn-chip-line"))) old.remove();
		const settings = getSettings();
		renderClozeGroups(el, settings);
		if (settings.commentDisplay === "hidden") return;
		const info = ctx.getSectionInfo(el);
		if (!info || !info.text.includes("<!--SR:")) return;
		const { cards, lines } = parsed(info.text, ctx.sourcePath, settings);
		// A card belongs to the section holding its last text line, whether or not its own-line
		// comment was rendered into the same section.
		const here = cards.filter((c) => {
			if (c.comment === null) return false;
			const line = lastTextLine(c);
			return line >= info.lineStart && line <= info.lineEnd;
		});
		if (here.length === 0) return;

		const chipOf = (card: Card): HTMLElement => {
			if (settings.commentDisplay === "raw") return createRawCommentChip(card.comment?.raw ?? "");
			const label = cardChipLabel(
				card.siblings.map((s) => s.segment),
				now(),
				settings.nextDayStartsAt,
			);
			// Several chips in one section: say which card each belongs to.
			const title = here.length > 1 ? `${card.front}\n${label.title}` : label.title;
			const onChipClick = options.onChipClick;
			const onClick = onChipClick ? () => onChipClick({ path: ctx.sourcePath, card }) : undefined;
			const onMenu = onChipClick ? (menu: MouseEvent) => onChipClick({ path: ctx.sourcePath, card, menu }) : undefined;
			return createScheduleChip({ ...label, title }, { onClick, onMenu });
		};

		// Read the DOM first: the slots point at its nodes, and inserting chips does not move them.
		const slotOf = sectionLineSlots(el, lines, info.lineStart, info.lineEnd);
		const placed = new Map<number, { slot: ChipSlot; chips: HTMLElement[] }>();
		const unplaced: HTMLElement[] = [];
		for (const card of here) {
			const line = lastTextLine(card);
			const slot = slotOf(line);
			if (!slot) {
				unplaced.push(chipOf(card));
				continue;
			}
			const group = placed.get(line) ?? { slot, chips: [] };
			group.chips.push(chipOf(card));
			placed.set(line, group);
		}
		for (const { slot, chips } of placed.values()) {
			const host = createSpan({ cls: "sn-chip-line" });
			for (const chip of chips) host.appendChild(chip);
			slot.parent.insertBefore(host, slot.before);
		}
		if (unplaced.length === 0) return;

		const last = el.lastElementChild;
		const row =
			last instanceof HTMLElement && INLINE_HOSTS.has(last.tagName) ? last.createSpan({ cls: "sn-chip-row" }) : el.createDiv({ cls: "sn-chip-row" });
		for (const chip of unplaced) row.appendChild(chip);
	};
}

/** The card's last line of text: its comment's line, or the line above an own-line comment. */
function lastTextLine(card: Card): number {
	return card.comment?.ownLine ? card.endLine - 1 : card.endLine;
}
