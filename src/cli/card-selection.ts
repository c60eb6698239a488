/**
 * The siblings `--deck` and `--filter` select for `cards` and `set` (docs/cli.md): the deck
 * through the index, the filter in the card browser's search language (`browse/card-search.ts`),
 * evaluated as the browser evaluates it, over the same table of rows (`browse/card-rows.ts`), so
 * a search finds the same cards in both. The review log is read only when a term needs it
 * (lapses, leeches, reviews, `rated:`); buried siblings come from the plugin's saved state.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildCardRows } from "../browse/card-rows";
import { parseCardSearch, type CardSearch } from "../browse/card-search";
import { siblingTexts } from "../browse/note-texts";
import { applyLogTallies } from "../browse/row-log";
import { compileSearch } from "../browse/search-eval";
import type { Card, Sibling } from "../model/card";
import { localDay } from "../model/days";
import { selectSiblings, type SiblingRef } from "../index/query";
import { BuriedSiblings } from "../review/buried";
import { logTallies } from "../stats/card-history";
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

/** The `--filter` of the command as a card search (null when absent); a bad one is a usage error. */
export function cardFilterFromArgs(args: ParsedArgs): CardSearch | null {
	const expression = flagValue(args, "filter");
	if (expression === undefined) return null;
	if (expression.trim() === "") throw new UsageError("--filter: The filter is empty.");
	const parsed = parseCardSearch(expression);
	if (!parsed.ok) throw new UsageError(`--filter: ${parsed.error}`);
	return parsed.search;
}

/** Whether a search reads what only the review log knows. */
function needsLog(search: CardSearch): boolean {
	return search.groups.some((group) =>
		group.some(
			(term) =>
				term.kind === "rated" ||
				(term.kind === "is" && term.word === "leech") ||
				(term.kind === "prop" && (term.name === "lapses" || term.name === "reviews")),
		),
	);
}

/** The selected siblings at `now`, files in path order, cards and siblings in note order. */
export function selectCardSiblings(loaded: LoadedCards, args: ParsedArgs, now: Date): SelectedSibling[] {
	const search = cardFilterFromArgs(args);
	const deck = flagValue(args, "deck");
	requireKnownDeck(loaded.index, { deck });
	const { settings, vault, index } = loaded;
	let matches: ((ref: SiblingRef) => boolean) | null = null;
	if (search) {
		const rows = buildCardRows(index, now);
		const fileNumber = new Map(rows.files.map((file, f) => [file.path, f]));
		rows.files.forEach((file, f) => {
			const note = loaded.notes.get(file.path);
			if (note) rows.setNoteTexts(f, siblingTexts(file.path, note.parsed.cards));
		});
		if (needsLog(search)) applyLogTallies(rows, logTallies(mergeLogs(readVaultLog(vault.root).files)));
		const buried = readBuried(vault.root);
		const today = localDay(now, settings.nextDayStartsAt);
		const test = compileSearch(search, {
			rows,
			decks: index.decks,
			isBuried: (id) => buried.isBuried(id, today),
			leechLapses: settings.leechThreshold,
			dayStartHour: settings.nextDayStartsAt,
		});
		matches = (ref) => {
			const f = fileNumber.get(ref.file.path);
			return f !== undefined && test(rows.rowOf(f, ref.cardIndex, ref.sibling));
		};
	}
	const out: SelectedSibling[] = [];
	for (const ref of selectSiblings(index, deck === undefined ? {} : { deck }, now)) {
		const note = loaded.notes.get(ref.file.path);
		const card = note?.parsed.cards[ref.cardIndex];
		const sibling = card?.siblings[ref.sibling];
		if (!note || !card || !sibling) continue;
		if (matches && !matches(ref)) continue;
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
