/**
 * Extra new cards today (custom study): raising a deck's new-card limit for one day, as Anki's
 * "Increase today's new card limit". The plugin keeps the raise in its local state (not synced,
 * not in a note) and forgets it when the day is over; a raise for a deck holds for each of its
 * sub-decks too, since every deck has its own limit (docs/scheduling.md, "Custom study").
 */

/** The raises of one local day: deck path (lower case, without `#`; "" for every deck) → extra new cards. */
export interface ExtraNewToday {
	day: string;
	decks: Record<string, number>;
}

/** The most extra new cards one raise may add (the settings' own ceiling for the limit). */
export const EXTRA_NEW_MAX = 100_000;

/** A deck path as limits are keyed: lower case, no `#`, no slashes at the ends. */
export function deckKeyOf(deck: string | undefined): string {
	return (deck ?? "")
		.trim()
		.replace(/^#/, "")
		.replace(/^\/+|\/+$/g, "")
		.toLowerCase();
}

/** The raises stored for `today` (from local state in any form); none when they are from another day or unreadable. */
export function extraNewOn(stored: unknown, today: string): Record<string, number> {
	if (typeof stored !== "object" || stored === null) return {};
	const { day, decks } = stored as { day?: unknown; decks?: unknown };
	if (day !== today || typeof decks !== "object" || decks === null) return {};
	const out: Record<string, number> = {};
	for (const [deck, count] of Object.entries(decks as Record<string, unknown>)) {
		if (typeof count === "number" && Number.isInteger(count) && count > 0) out[deckKeyOf(deck)] = Math.min(count, EXTRA_NEW_MAX);
	}
	return out;
}

/** The state after raising `deck`'s limit by `count` on `today`; a raise of another day is dropped. */
export function addExtraNew(stored: unknown, deck: string | undefined, count: number, today: string): ExtraNewToday {
	const decks = extraNewOn(stored, today);
	const key = deckKeyOf(deck);
	decks[key] = Math.min(EXTRA_NEW_MAX, (decks[key] ?? 0) + Math.max(0, Math.floor(count)));
	return { day: today, decks };
}

/** Extra new cards allowed today for limit key `deckKey` (a card's first deck, lower case): the raises of it and its parents. */
export function extraNewFor(extra: Readonly<Record<string, number>>, deckKey: string): number {
	let total = 0;
	for (const [deck, count] of Object.entries(extra)) {
		if (deck === "" || deck === deckKey || deckKey.startsWith(`${deck}/`)) total += count;
	}
	return total;
}
