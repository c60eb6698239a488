// The plain-text report printed without --json: the figures, then the differences by reason with examples.

export function report(vault, result, options, settingsNotes, roundTrip, written) {
	const lines = [];
	lines.push(`vault: ${vault}`);
	lines.push(`cards it reads:      ${result.theirs.cards} (${result.theirs.siblings} siblings, ${result.theirs.scheduled} with a schedule)`);
	lines.push(`cards we read:       ${result.ours.cards} (${result.ours.siblings} siblings, ${result.ours.scheduled} with a schedule)`);
	lines.push(`read identically:    ${result.identical.cards} cards (${result.identical.siblings} siblings): same line, kind, sides and schedules`);
	lines.push(`  and ${result.presentationOnly} more the same but for the list bullet or callout '>' it keeps in the question`);
	lines.push(
		`read the same as the user sees it: ${result.sameAsSeen.cards} cards (also the bullet, its '$$' shown as '$' in deletions, its first line on a comment or a single-line card above)`,
	);
	if (roundTrip) {
		lines.push(`schedules we wrote:  ${roundTrip.written}; it reads back the same schedule for ${roundTrip.readBack}`);
		if (roundTrip.missed.length)
			lines.push(`  not read back: ${roundTrip.missed.slice(0, options.examples).join(", ")}${roundTrip.missed.length > options.examples ? ", …" : ""}`);
	}
	if (written) {
		lines.push(
			`schedules it wrote:  ${written.written}; its parser reads back ${written.control}; we read back the same schedule for ${written.readBack}; we read what it reads for ${written.sameAsItReads}`,
		);
		if (written.missed.length)
			lines.push(
				`  not read back by us: ${written.missed.slice(0, options.examples).join(", ")}${written.missed.length > options.examples ? ", …" : ""}`,
			);
	}
	if (settingsNotes.length) lines.push(`settings import: ${settingsNotes.join(" ")}`);
	if (result.reasons.length) {
		lines.push("differences (cards, reason, examples):");
		for (const { reason, cards, examples } of result.reasons) {
			const shown = examples.slice(0, options.examples).join(", ") + (examples.length > options.examples ? ", …" : "");
			lines.push(`  ${String(cards).padStart(6)}  ${reason}  [${shown}]`);
		}
	}
	return lines.join("\n") + "\n";
}
