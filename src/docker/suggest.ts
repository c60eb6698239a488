/**
 * BuildKit's "did you mean": the option closest to a word, when it is fewer than three edits
 * away and no option is the word itself.
 */

/** Levenshtein distance. */
function distance(a: string, b: string): number {
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
		prev = row;
	}
	return prev[b.length];
}

/**
 * The closest option to `value`, or null when none is within two edits or one is `value` itself.
 * Compared without case when asked, and the answer then takes the case of `value` when that is all
 * lower or all upper.
 */
export function closestName(value: string, options: Iterable<string>, caseSensitive = true): string | null {
	const v = caseSensitive ? value : value.toLowerCase();
	let best: string | null = null;
	let bestDistance = 3;
	for (const option of options) {
		const o = caseSensitive ? option : option.toLowerCase();
		if (o === v) return null;
		// Words of very different lengths cannot be close: skip the quadratic distance.
		if (Math.abs(o.length - v.length) >= bestDistance) continue;
		const d = distance(v, o);
		if (d < bestDistance) {
			bestDistance = d;
			best = caseSensitive ? o : value === value.toUpperCase() && value !== value.toLowerCase() ? o.toUpperCase() : o;
		}
	}
	return best;
}
