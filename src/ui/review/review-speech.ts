/**
 * What the review screen's live region says (screen readers): a card's question and answer as
 * plain words, and why a card left the session.
 */

/** What the live region says when a card left: why, then the next card's question. */
export function leaving(why: string, nextQuestion: string | undefined): string {
	const left = `The card was ${why} and left this session.`;
	return nextQuestion === undefined ? left : `${left} Question: ${spoken(nextQuestion)}`;
}

/** Markdown as a screen reader should say it: without emphasis, code and heading marks. */
export function spoken(markdown: string): string {
	return markdown
		.replace(/[*_`#>]+/g, " ")
		.replace(/\s+/g, " ")
		.trim();
}
