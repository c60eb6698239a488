// Why a card of ours differs from its card at the same place, and whether the user would see the two the same.
import { sameSchedule, scheduleReason } from "./schedules.mjs";
import { seenSame, sideReason } from "./sides.mjs";

/** Every reason the card we read at the same place differs from its card (empty: identical). */
export function cardReasons(theirs, ours) {
	const reasons = new Set();
	if (theirs.kind !== ours.kind) reasons.add(`kind: it reads ${theirs.kind}, we read ${ours.kind}`);
	if (theirs.siblings.length !== ours.siblings.length) reasons.add("siblings: a different number of siblings");
	const n = Math.min(theirs.siblings.length, ours.siblings.length);
	for (let i = 0; i < n; i++) {
		const a = theirs.siblings[i];
		const b = ours.siblings[i];
		for (const reason of [sideReason(a.question, b.question), sideReason(a.answer, b.answer), scheduleReason(a.schedule, b.schedule)]) {
			if (reason) reasons.add(reason);
		}
	}
	return [...reasons];
}

// ---- Read the same as the user sees it ------------------------------------------------------
//
// A second, wider figure (docs/compatibility.md): a card of its is "the same as the user sees it"
// when a card of ours is the same card (kind, number of siblings, every schedule) and every side
// reads the same once these are set aside, none of which changes what is asked or its schedule:
// - the list bullet, task box or callout '>' it keeps in front of the question (our choice);
// - its '$$' shown as '$' in the text of a deletion (its replacement-pattern defect, format.md),
//   compared with every '$$' read as '$' on both sides (seenSame in sides.mjs);
// - the first line it reports: a card it starts on an invisible one-line HTML comment just above
//   ours (it skips the line after such a comment), or right after a single-line card, on that
//   card's line (its stale first line, see cardsOf in cards.mjs).

/** The same card, read the same as the user sees it (see above). */
export function cardSeenSame(theirs, ours) {
	if (theirs.kind !== ours.kind || theirs.siblings.length !== ours.siblings.length) return false;
	return theirs.siblings.every((a, i) => {
		const b = ours.siblings[i];
		return a && b && sameSchedule(a.schedule, b.schedule) && seenSame(a.question, b.question) && seenSame(a.answer, b.answer);
	});
}
