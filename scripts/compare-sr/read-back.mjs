// The schedules one plugin wrote and whether the other reads them back the same (--baseline, --written).
import { cardsOf, firstWithin, groupByFile } from "./cards.mjs";
import { sameSchedule } from "./schedules.mjs";

/** Schedules the review wrote (ours now ≠ ours in the baseline), and how many it reads back. */
export function readBack(baselineRows, ourRows, theirRows) {
	const key = (row) => `${row.file}:${row.line}:${row.sibling}`;
	const before = new Map(baselineRows.map((row) => [`${row.file}:${row.question}:${row.answer}:${row.sibling}`, row.schedule]));
	const theirs = new Map(theirRows.map((row) => [key(row), row]));
	let written = 0;
	let same = 0;
	const missed = [];
	for (const row of ourRows) {
		if (!row.schedule || sameSchedule(before.get(`${row.file}:${row.question}:${row.answer}:${row.sibling}`) ?? null, row.schedule)) continue;
		written++;
		const other = theirs.get(key(row));
		if (other && sameSchedule(other.schedule, row.schedule)) same++;
		else missed.push(`${row.file}:${row.line}${row.sibling ? ` #${row.sibling + 1}` : ""}`);
	}
	return { written, readBack: same, missed };
}

/**
 * Schedules the other plugin's review wrote (`wrote` in its rows), how many its own parser reads
 * back (control) and how many we read back the same. Its cards are paired with ours as in
 * compare(): same first line (its stale line after a single-line card relocated by cardsOf), or
 * for its card that starts on a one-line HTML comment, our first card below within it. Where its
 * own parser does not read back what it wrote, `sameAsItReads` says whether we read what it reads.
 */
export function readBackOurs(writtenRows, theirRows, ourRows) {
	const theirs = cardsOf(theirRows);
	const ours = cardsOf(ourRows);
	const ourFiles = groupByFile(ours);
	let written = 0;
	let control = 0;
	let same = 0;
	let asIt = 0;
	const missed = [];
	for (const [key, card] of cardsOf(writtenRows)) {
		const mine = ours.get(key) ?? firstWithin(ourFiles, card);
		card.siblings.forEach((row, i) => {
			if (!row?.wrote) return;
			written++;
			const itReads = theirs.get(key)?.siblings[i]?.schedule ?? null;
			if (sameSchedule(itReads, row.wrote)) control++;
			if (mine?.siblings[i] && sameSchedule(mine.siblings[i].schedule, itReads)) asIt++;
			if (mine?.siblings[i] && sameSchedule(mine.siblings[i].schedule, row.wrote)) same++;
			else missed.push(`${row.file}:${row.line}${i ? ` #${i + 1}` : ""}`);
		});
	}
	return { written, control, readBack: same, sameAsItReads: asIt, missed };
}
