// What the other plugin's settings let a card be written with that our settings import could not carry over.
import { readFileSync } from "node:fs";

const SEPARATOR_KEYS = {
	singleLineCardSeparator: "singleLineSeparator",
	singleLineReversedCardSeparator: "singleLineReversedSeparator",
	multilineCardSeparator: "multiLineSeparator",
	multilineReversedCardSeparator: "multiLineReversedSeparator",
};

/**
 * What the other plugin's settings let a card be written with that our import could not carry
 * over (a separator or cloze pattern it rejected, folders as decks it did not map): the cards
 * written with those are counted apart. Everything the import maps is compared like any card.
 */
export function srOnlySettings(srSettingsFile, imported) {
	if (!srSettingsFile) return { markers: [], foldersAsDecks: false };
	const data = JSON.parse(readFileSync(srSettingsFile, "utf8"));
	const settings = (data && data.settings) || data || {};
	const ours = imported.settings;
	const markers = [];
	for (const [key, to] of Object.entries(SEPARATOR_KEYS)) {
		if (typeof settings[key] === "string" && settings[key] !== "" && ours[to] === undefined) markers.push(settings[key]);
	}
	const carried = new Set(ours.clozePatterns ?? []);
	for (const pattern of Array.isArray(settings.clozePatterns) ? settings.clozePatterns : []) {
		const open = String(pattern).trim().split("[")[0];
		if (open && !carried.has(String(pattern).trim())) markers.push(open);
	}
	// Longest first: "::@::" must not be taken for its part ":@:".
	return {
		markers: markers.sort((a, b) => b.length - a.length),
		foldersAsDecks: settings.convertFoldersToDecks === true && ours.foldersAsDecks !== true,
	};
}
