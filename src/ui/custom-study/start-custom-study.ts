/**
 * Starting custom study sessions from the plugin (docs/scheduling.md, "Custom study"): the
 * requests the modal and other screens hand to `services.startReview`, and today's extra new
 * cards, kept in the vault's local storage (not synced, forgotten the next day).
 */
import { setIcon, type App } from "obsidian";
import type { Filter } from "../../decks/filter";
import { localDay } from "../../model/days";
import { customStudyName, type CustomStudy } from "../../review/custom-study";
import { addExtraNew, extraNewOn } from "../../review/extra-new";
import type { ReviewRequest } from "../../review/request";
import type { PluginServices } from "../services";
import { deckTitle } from "../deck-list/deck-filter";

/** Local storage key of today's raised new-card limits. */
const EXTRA_NEW_KEY = "spaced-notes-extra-new";

/** Where a custom session takes its cards from: every card, a deck (with its sub-decks), a filter, or one note. */
export type StudyScope =
	{ kind: "all" } | { kind: "deck"; deck: string } | { kind: "filter"; filter: Filter; name: string } | { kind: "note"; path: string; name: string };

/** How a scope is named in titles: "All cards", "space › docker", the filter's or the note's name. */
export function scopeTitle(scope: StudyScope): string {
	if (scope.kind === "all") return "All cards";
	if (scope.kind === "deck") return deckTitle(scope.deck);
	return scope.name;
}

/** The review request of a custom session over `scope`. */
export function customStudyRequest(scope: StudyScope, custom: CustomStudy): ReviewRequest {
	const request: ReviewRequest = { title: `${customStudyName(custom)} · ${scopeTitle(scope)}`, custom };
	if (scope.kind === "deck") request.deck = scope.deck;
	else if (scope.kind === "filter") request.filter = scope.filter;
	else if (scope.kind === "note") request.path = scope.path;
	return request;
}

/**
 * Starts a review-ahead session of `deck` (every deck when absent or ""): the reviews due in the
 * next `days` days, answered as real reviews. For screens that have nothing due to show.
 */
export function startReviewAhead(services: PluginServices, deck?: string, days = 1): void {
	services.startReview(customStudyRequest(deck ? { kind: "deck", deck } : { kind: "all" }, { kind: "ahead", days }));
}

/** Raises today's new-card limit of `deck` (every deck for "") by `count` in the vault's local storage. */
export function raiseNewLimitToday(app: App, deck: string, count: number, now: Date, dayStartHour: number): void {
	app.saveLocalStorage(EXTRA_NEW_KEY, addExtraNew(app.loadLocalStorage(EXTRA_NEW_KEY), deck, count, localDay(now, dayStartHour)));
}

/** Today's raised new-card limits (deck key → extra), read from the vault's local storage. */
export function extraNewToday(app: App, now: Date, dayStartHour: number): Record<string, number> {
	return extraNewOn(app.loadLocalStorage(EXTRA_NEW_KEY), localDay(now, dayStartHour));
}

/** The scope of a deck list row's request: its filter, its deck, or every card. */
function scopeOfRow(name: string, request: ReviewRequest): StudyScope {
	if (request.filter !== undefined) return { kind: "filter", filter: request.filter, name };
	return request.deck !== undefined ? { kind: "deck", deck: request.deck } : { kind: "all" };
}

/** A deck list row's "Custom study" icon (mouse and touch; the command serves the keyboard). */
export function addCustomStudyButton(row: HTMLElement, name: string, request: ReviewRequest, open: (scope: StudyScope) => void): void {
	const button = row.createEl("button", { cls: "sn-deck-custom-study clickable-icon", attr: { tabindex: "-1", "aria-label": `Custom study: ${name}` } });
	setIcon(button, "sliders-horizontal");
	const scope = scopeOfRow(name, request);
	button.addEventListener("click", () => open(scope));
}
