/** Human-readable figures shared by the panel and the command line. */

/** Decimal units as `docker images` prints them: `0 MB`, `8.3 MB`, `833.5 MB`, `1.02 GB`. */
export function formatBytes(bytes: number): string {
	if (bytes >= 1_000_000_000) return `${trim((bytes / 1_000_000_000).toFixed(2))} GB`;
	if (bytes === 0 || bytes >= 1_000_000) return `${trim((bytes / 1_000_000).toFixed(bytes >= 10_000_000 ? 1 : 2))} MB`;
	return `${trim((bytes / 1000).toFixed(1))} kB`;
}

function trim(n: string): string {
	return n.includes(".") ? n.replace(/\.?0+$/, "") : n;
}

/** `12×`, `3.4×`: a ratio rounded for reading. */
export function formatRatio(ratio: number): string {
	return `${ratio >= 10 ? Math.round(ratio) : trim(ratio.toFixed(1))}×`;
}
