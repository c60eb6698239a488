// How one side's text is compared: tidied, and without the markup, comments, block ids or deck tags one parser keeps.

export const tidy = (text) =>
	text
		.split("\n")
		.map((line) => line.trimEnd())
		.join("\n")
		.trim();
const withoutMarkup = (text) =>
	tidy(
		text
			.split("\n")
			.map((line) => line.replace(/^(\s*>)+ ?/u, "").replace(/^\s*([-*+]|\d+[.)])\s+(\[.\]\s+)?/u, ""))
			.join("\n"),
	);
const withoutBlockIds = (text) => tidy(text.replace(/ \^[A-Za-z0-9-]+$/gmu, ""));
const withoutComments = (text) => tidy(text.replace(/\s*<!--SR:.*?-->/gu, "").replace(/^\s*(>\s*)+\[!sr\|card-metadata\]\s*$/gmu, ""));
const withoutTags = (text) => tidy(text.replace(/^\s*#[^\s#]+\s*/u, ""));

export const PRESENTATION = "side: list bullet or callout '>' kept in its text, not in ours";

/** Why two versions of one side differ, or null when they are the same. */
export function sideReason(theirs, ours) {
	if (tidy(theirs) === tidy(ours)) return null;
	if (withoutMarkup(theirs) === withoutMarkup(ours)) return PRESENTATION;
	if (withoutComments(theirs) === withoutComments(ours)) return "side: a scheduling comment or sr callout line kept in one side's text";
	if (withoutBlockIds(theirs) === withoutBlockIds(ours)) return "side: block id kept in one side's text";
	if (withoutTags(theirs) === withoutTags(ours)) return "side: leading deck tag kept in one side's text";
	// Comments first: its sr callout header is taken off with its `>`, the `>` left below it by the markup.
	const all = (text) => withoutTags(withoutBlockIds(withoutMarkup(withoutComments(text))));
	if (all(theirs) === all(ours)) return "side: several of list/callout markup, comment, block id and deck tag at once";
	// It puts a deletion's text back with String#replace, which turns "$$" into "$".
	// Both sides with every '$$' read as '$': its '$$' outside deletions stays '$$'.
	if (all(theirs.replaceAll("$$", "$")) === all(ours.replaceAll("$$", "$")))
		return "side: its '$$' in a deletion shown as '$' (its replacement-pattern defect)";
	return "side: text differs";
}

/** A side as shown: the same text, or the same but for markup in front or its '$$' → '$' (see card-reasons.mjs). */
export function seenSame(theirs, ours) {
	if (tidy(theirs) === tidy(ours)) return true;
	const shown = withoutMarkup(theirs);
	// Its '$$' outside deletions stays '$$': compare with every '$$' read as '$' on both sides.
	return shown === withoutMarkup(ours) || withoutMarkup(theirs.replaceAll("$$", "$")) === withoutMarkup(ours.replaceAll("$$", "$"));
}
