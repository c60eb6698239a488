/**
 * The settings about notes: the "Cards" group (which notes hold cards, separators, clozes,
 * where a scheduling comment goes) and the "Notes display" group (how comments and the
 * Dockerfile panel look in a note).
 */
import type { PluginServices } from "../services";
import { CLOZE_KEYS, validateControl } from "../../settings/settings-controls";
import type { SpacedNotesSettings } from "../../settings/settings";
import type { SettingRow } from "../settings-compat";

/** The "Cards" group: which notes hold cards and how a card is written. */
export function cardItems(services: PluginServices): SettingRow[] {
	const current = (): SpacedNotesSettings => services.settings();
	return [
		{
			name: "Flashcard tags",
			desc: "Notes with one of these tags (or a nested tag) hold cards; nested tags are decks. Separate with commas.",
			control: { type: "text", key: "flashcardTags", placeholder: "#flashcards", validate: (v) => validateControl("flashcardTags", v) },
		},
		{
			name: "Tags to ignore",
			desc: "Notes with one of these tags are skipped. Separate with commas.",
			control: { type: "text", key: "ignoredTags", placeholder: "#draft", validate: (v) => validateControl("ignoredTags", v) },
		},
		{
			name: "Folders to ignore",
			desc: "One folder or glob pattern per line, e.g. templates/**.",
			control: { type: "textarea", key: "ignoredFolders", rows: 3, validate: (v) => validateControl("ignoredFolders", v) },
		},
		{
			name: "Folders as decks",
			desc: "A note in a folder puts its cards in the deck named by the folder's path, with or without a flashcard tag.",
			control: { type: "toggle", key: "foldersAsDecks" },
		},
		{ name: "Highlight clozes", desc: "Turn ==highlighted== text into cloze deletions.", control: { type: "toggle", key: CLOZE_KEYS.highlight } },
		{ name: "Bold clozes", desc: "Turn **bold** text into cloze deletions.", control: { type: "toggle", key: CLOZE_KEYS.bold } },
		{ name: "Curly bracket clozes", desc: "Turn {{text}} into cloze deletions.", control: { type: "toggle", key: CLOZE_KEYS.curly } },
		{
			name: "Cloze patterns",
			desc: "One pattern per line, in the Spaced Repetition plugin's syntax: the word answer marks the hidden text, [123;;] the group number, [;;hint] the hint. The toggles above add or remove their pattern.",
			control: { type: "textarea", key: "clozePatterns", rows: 3, validate: (v) => validateControl("clozePatterns", v) },
		},
		{
			name: "Single-line card separator",
			desc: "Splits a question from its answer on one line, e.g. ::. Leave empty for no such cards.",
			control: { type: "text", key: "singleLineSeparator", placeholder: "::", validate: (v) => validateControl("singleLineSeparator", v, current()) },
		},
		{
			name: "Single-line reversed card separator",
			desc: "The same for cards reviewed both ways, e.g. :::. The longer separator is looked for first.",
			control: {
				type: "text",
				key: "singleLineReversedSeparator",
				placeholder: ":::",
				validate: (v) => validateControl("singleLineReversedSeparator", v, current()),
			},
		},
		{
			name: "Multi-line card separator",
			desc: "A line holding only this splits a question from its answer, e.g. ?.",
			control: { type: "text", key: "multiLineSeparator", placeholder: "?", validate: (v) => validateControl("multiLineSeparator", v, current()) },
		},
		{
			name: "Multi-line reversed card separator",
			desc: "The same for cards reviewed both ways, e.g. ??.",
			control: {
				type: "text",
				key: "multiLineReversedSeparator",
				placeholder: "??",
				validate: (v) => validateControl("multiLineReversedSeparator", v, current()),
			},
		},
		{
			name: "Multi-line card end marker",
			desc: "A line that ends a multi-line card, e.g. +++. Leave empty to end cards at a blank line.",
			control: { type: "text", key: "endMarker", placeholder: "+++", validate: (v) => validateControl("endMarker", v, current()) },
		},
		{
			name: "Scheduling comment placement",
			desc: "Where a card's first scheduling comment is written. Automatic: at the end of the card's line in lists, callouts and indented lines, where the Spaced Repetition plugin reads it, and on the next line elsewhere.",
			control: {
				type: "dropdown",
				key: "commentPlacement",
				options: { auto: "Automatic", "next-line": "On the next line", "same-line": "On the same line" },
			},
		},
	];
}

/** The "Notes display" group: how the plugin's marks look in notes. */
export function displayItems(): SettingRow[] {
	return [
		{
			name: "Dockerfile panel",
			desc: "Show the analysis panel below Dockerfile code blocks in reading view.",
			control: { type: "toggle", key: "dockerPanel" },
		},
		{ name: "Dockerfile panel in live preview", desc: "Also show it while editing.", control: { type: "toggle", key: "dockerPanelInLivePreview" } },
		{
			name: "Scheduling comments",
			desc: "How scheduling comments look in your notes.",
			control: { type: "dropdown", key: "commentDisplay", options: { chip: "As a small chip", hidden: "Hidden", raw: "As written" } },
		},
	];
}
