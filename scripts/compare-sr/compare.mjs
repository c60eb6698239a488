// Pairs its cards with ours and sorts every difference into a named reason: the figures of the report.
import { cardReasons, cardSeenSame } from "./card-reasons.mjs";
import { cardsOf, cardText, covering, firstWithin, groupByFile } from "./cards.mjs";
import { PRESENTATION, tidy } from "./sides.mjs";

const CALLOUT_HEADER = /^\s*(>\s*)+\[![^\]]+\]/u;
const HEADER_REASON = "only @: its card starts at the callout header above ours (the callout's title is no card text here)";

export function compare(theirRows, ourRows, vault, srOnly) {
	const theirs = cardsOf(theirRows);
	const ours = cardsOf(ourRows);
	const theirFiles = groupByFile(theirs);
	const ourFiles = groupByFile(ours);
	const byReason = new Map();
	const note = (reason, card) => {
		if (!byReason.has(reason)) byReason.set(reason, []);
		byReason.get(reason).push(`${card.file}:${card.line}`);
	};
	const files = new Map();
	// A card written with a marker only the other plugin's settings define: that is the reason.
	const settingReason = (card) => {
		const text = cardText(vault, files, card);
		const marker = srOnly.markers.find((m) => text.includes(m));
		return marker === undefined ? undefined : `settings: written with its custom marker "${marker}", which our settings import did not carry over`;
	};
	let identical = 0;
	let identicalSiblings = 0;
	let presentationOnly = 0;
	const seen = new Set();
	for (const [key, card] of theirs) {
		const mine = ours.get(key);
		if (mine && card.reportedLine !== card.line) {
			// Its stale first line (cardsOf): compared where its text starts, never identical.
			note("line: its card after a single-line card in the same block reports that card's first line", card);
			if (cardSeenSame(card, mine)) seen.add(key);
			for (const reason of cardReasons(card, mine)) note(reason, card);
			continue;
		}
		const bySetting = mine && cardReasons(card, mine).length === 0 ? undefined : settingReason(card);
		if (bySetting) {
			note(bySetting, card);
			continue;
		}
		if (!mine && srOnly.foldersAsDecks && !ourFiles.has(card.file)) {
			note('settings: its note has no flashcard tag, read through its "folders as decks" setting (decks come from tags here)', card);
			continue;
		}
		if (!mine && /^\s*<!--(?!SR:)/u.test(cardText(vault, files, { ...card, endLine: card.line }))) {
			note("only theirs: its card starts on the one-line HTML comment above ours (it skips the line after a comment)", card);
			const below = firstWithin(ourFiles, card);
			if (below && cardSeenSame(card, below)) seen.add(key);
			continue;
		}
		if (!mine && CALLOUT_HEADER.test(cardText(vault, files, { ...card, endLine: card.line }))) {
			note(HEADER_REASON.replace("@", "theirs"), card);
			continue;
		}
		if (!mine && card.kind.startsWith("singleline") && card.siblings.every((row) => tidy(row.question) === "" || tidy(row.answer) === "")) {
			note("only theirs: its single-line card with an empty side (a line that is only the separator, or nothing before it)", card);
			continue;
		}
		if (!mine) {
			const around = covering(ourFiles, card.file, card.line);
			note(
				around
					? `only theirs: its ${card.kind} card lies inside our ${around.kind} card`
					: `only theirs: no card of ours at this line (its ${card.kind})`,
				card,
			);
			continue;
		}
		const reasons = cardReasons(card, mine);
		if (reasons.length === 0) {
			identical++;
			identicalSiblings += card.siblings.length;
		} else if (reasons.every((reason) => reason === PRESENTATION)) {
			// Read the same, only shown without its list bullet or callout marker (by design).
			presentationOnly++;
		}
		if (reasons.length === 0 || cardSeenSame(card, mine)) seen.add(key);
		for (const reason of reasons) note(reason, card);
	}
	for (const [key, card] of ours) {
		if (theirs.has(key)) continue;
		const bySetting = settingReason(card);
		if (bySetting) {
			note(bySetting, card);
			continue;
		}
		const around = covering(theirFiles, card.file, card.line);
		if (around && CALLOUT_HEADER.test(cardText(vault, files, { ...around, endLine: around.line }))) {
			note(HEADER_REASON.replace("@", "ours"), card);
			continue;
		}
		if (around && /^\s*<!--(?!SR:)/u.test(cardText(vault, files, { ...around, endLine: around.line }))) {
			note("only ours: its card starts on the one-line HTML comment above ours (it skips the line after a comment)", card);
			continue;
		}
		// Its parser drops a cloze whose block goes on with a single-line card: the card replaces it.
		if (!around && card.kind === "cloze") {
			let next = card.endLine + 1;
			while (/^\s*(>\s*)+$/u.test(cardText(vault, files, { file: card.file, line: next, endLine: next }))) next++;
			const below = theirs.get(`${card.file}:${next}`);
			if (below && below.kind.startsWith("singleline") && next <= (files.get(card.file)?.length ?? 0)) {
				note("only ours: our cloze right above a single-line card in its block (it drops the cloze for the card)", card);
				continue;
			}
		}
		// It skips a line that starts with a comment and the line after it.
		const startsWithComment = (line) => line >= 1 && /^<!--(?!SR:)/u.test(cardText(vault, files, { file: card.file, line, endLine: line }));
		if (!around && (startsWithComment(card.line) || startsWithComment(card.line - 1))) {
			note("only ours: it skips a line that starts with an HTML comment and the line below it", card);
			continue;
		}
		note(
			around ? `only ours: our ${card.kind} card lies inside its ${around.kind} card` : `only ours: it reads no card at this line (our ${card.kind})`,
			card,
		);
	}
	const reasons = [...byReason.entries()]
		.map(([reason, cards]) => ({ reason, cards: cards.length, examples: cards }))
		.sort((a, b) => b.cards - a.cards || (a.reason < b.reason ? -1 : 1));
	return {
		theirs: { cards: theirs.size, siblings: theirRows.length, scheduled: theirRows.filter((row) => row.schedule).length },
		ours: { cards: ours.size, siblings: ourRows.length, scheduled: ourRows.filter((row) => row.schedule).length },
		identical: { cards: identical, siblings: identicalSiblings },
		presentationOnly,
		sameAsSeen: { cards: seen.size, not: [...theirs.keys()].filter((key) => !seen.has(key)) },
		reasons,
	};
}
