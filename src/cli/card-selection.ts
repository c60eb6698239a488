/**
 * The siblings `--deck` and `--filter` select for `cards` and `set` (docs/cli.md): the deck
 * through the index, the filter with the card-management terms of `index/card-filter-terms.ts`,
 * judged on each sibling as parsed here. Lapses of SM-2 siblings come from the review log, read
 * only when a term needs them; buried siblings from the plugin's saved state in the vault.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Card, Sibling } from "../model/card";
import { localDay } from "../model/days";
import { matchesCardFilter, parseCardFilter, type CardFilter } from "../index/card-filter-terms";
import { selectSiblings, type SiblingRef } from "../index/query";
import { BuriedSiblings } from "../review/buried";
import { intervalOf, isLeechLapses, lapsesOf } from "../schedule/leech";
import { siblingStatus } from "../schedule/status";
import { cardId } from "../stats/card-id";
import { lapsesByCard } from "../stats/lapses";
import { flagValue, type ParsedArgs } from "./args";
import { UsageError } from "./io";
import { requireKnownDeck, type LoadedCards } from "./load-index";
import { readVaultLog } from "./review-log";
import { mergeLogs } from "../stats/merge";

export interface SelectedSibling {
	ref: SiblingRef;
	/** Vault path and the path as shown. */
	path: string;
	display: string;
	card: Card;
	sibling: Sibling;
}

/** The `--filter` of the command as card terms (null when absent); a bad one is a usage error. */
export function cardFilterFromArgs(args: ParsedArgs): CardFilter | null {
	const expression = flagValue(args, "filter");
	if (expression === undefined) return null;
	const parsed = parseCardFilter(expression);
	if (!parsed.ok) throw new UsageError(`--filter: ${parsed.error}`);
	return parsed.filter;
}

/** The selected siblings at `now`, files in path order, cards and siblings in note order. */
export function selectCardSiblings(loaded: LoadedCards, args: ParsedArgs, now: Date): SelectedSibling[] {
	const filter = cardFilterFromArgs(args);
	const deck = flagValue(args, "deck");
	requireKnownDeck(loaded.index, { deck });
	const { settings, vault } = loaded;
	const lapses = filter?.needsLapses ? lapsesByCard(mergeLogs(readVaultLog(vault.root).files)) : new Map<string, number>();
	const buried = filter ? readBuried(vault.root) : new BuriedSiblings();
	const today = localDay(now, settings.nextDayStartsAt);
	const out: SelectedSibling[] = [];
	for (const ref of selectSiblings(loaded.index, deck === undefined ? {} : { deck }, now)) {
		const note = loaded.notes.get(ref.file.path);
		const card = note?.parsed.cards[ref.cardIndex];
		const sibling = card?.siblings[ref.sibling];
		if (!note || !card || !sibling) continue;
		if (filter) {
			const id = cardId(ref.file.path, card.source, sibling.index);
			const count = lapsesOf(sibling.segment, lapses.get(id));
			const facts = {
				tags: [...card.decks, ...note.parsed.tags],
				status: ref.status,
				overdue: ref.overdue,
				scheduleStatus: siblingStatus(sibling.segment, now, settings.nextDayStartsAt),
				suspended: sibling.marks?.suspended === true,
				buried: buried.isBuried(id, today),
				leech: isLeechLapses(count, settings.leechThreshold),
				flag: sibling.marks?.flag ?? 0,
				lapses: count,
				interval: intervalOf(sibling.segment),
			};
			if (!matchesCardFilter(filter, facts)) continue;
		}
		out.push({ ref, path: ref.file.path, display: note.file.display, card, sibling });
	}
	return out;
}

/** The plugin's buried siblings saved in the vault (`buried` in its data.json); none when absent. */
function readBuried(root: string): BuriedSiblings {
	try {
		const data = JSON.parse(readFileSync(join(root, ".obsidian", "plugins", "spaced-notes", "data.json"), "utf8")) as { buried?: unknown };
		return BuriedSiblings.from(data.buried);
	} catch {
		return new BuriedSiblings();
	}
}
