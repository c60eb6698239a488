/**
 * Reads every note a command names, parses it once and indexes its cards, and turns
 * `--deck` / `--filter` into the index's selection: the same selection the plugin's deck list uses.
 */
import { parseNote } from "../cards/parse";
import type { ParsedNote } from "../model/card";
import { parseFilter } from "../decks/filter";
import { CardIndex } from "../index/card-index";
import type { Selection } from "../index/query";
import type { SpacedNotesSettings } from "../settings/settings";
import { flagValue, type ParsedArgs } from "./args";
import { applyCommonFlags } from "./common";
import { buildVaultIndex } from "./index-threads";
import { UsageError, type CliIO } from "./io";
import { loadVault, readText, type LoadedVault, type VaultFile } from "./vault";

export const SELECTION_FLAGS = ["deck", "filter"] as const;

interface LoadedNote {
	file: VaultFile;
	/** The text as read: writes compare against it so a note changed on disk is never overwritten blindly. */
	text: string;
	parsed: ParsedNote;
}

export interface LoadedCards {
	vault: LoadedVault;
	settings: SpacedNotesSettings;
	index: CardIndex;
	/** By vault path. */
	notes: Map<string, LoadedNote>;
}

/** Loads, parses and indexes the notes under the command's PATH arguments. */
export function loadCards(args: ParsedArgs, io: CliIO): LoadedCards {
	const vault = loadVault(args.positional, io.cwd, (line) => io.stderr(`${line}\n`));
	const settings = applyCommonFlags(vault.settings, args);
	const index = new CardIndex({ flashcardTags: settings.flashcardTags, dayStartHour: settings.nextDayStartsAt });
	const notes = new Map<string, LoadedNote>();
	for (const file of vault.files) {
		const text = readText(file);
		const parsed = parseNote(text, { path: file.vaultPath, settings });
		notes.set(file.vaultPath, { file, text, parsed });
		if (parsed.cards.length > 0) index.setFile(file.vaultPath, parsed);
	}
	return { vault, settings, index, notes };
}

/**
 * Only the index of the notes under the command's PATH arguments (no text kept): built on every
 * core for a large vault (see `buildVaultIndex`).
 */
export function loadIndex(args: ParsedArgs, io: CliIO): Pick<LoadedCards, "vault" | "settings" | "index"> {
	const vault = loadVault(args.positional, io.cwd, (line) => io.stderr(`${line}\n`));
	const settings = applyCommonFlags(vault.settings, args);
	return { vault, settings, index: buildVaultIndex(vault.files, settings) };
}

/**
 * Refuses a `--deck` that names no deck of the index (a typo would otherwise select nothing and
 * look like "nothing due"). An empty deck means every deck.
 */
export function requireKnownDeck(index: CardIndex, selection: Selection): void {
	const deck = selection.deck?.replace(/^#/, "").trim();
	if (deck && index.decks.findNode(deck) === undefined) {
		throw new UsageError(`--deck: no deck '${selection.deck}' here; 'spaced-notes decks PATH' lists them`);
	}
}

/** `--deck D` and `--filter EXPR` as a selection; a bad filter is a usage error with its message. */
export function selectionFromArgs(args: ParsedArgs): Selection {
	const selection: Selection = {};
	const deck = flagValue(args, "deck");
	if (deck !== undefined) selection.deck = deck;
	const expression = flagValue(args, "filter");
	if (expression !== undefined) {
		const parsed = parseFilter(expression);
		if (!parsed.ok) throw new UsageError(`--filter: ${parsed.error}`);
		selection.filter = parsed.filter;
	}
	return selection;
}
