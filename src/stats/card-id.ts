/**
 * Stable card ids for the review log. An id is two hashes joined by a dash:
 * `PPPPPPPPPPPP-CCCCCCCCCCCC`, the first from the note's path, the second from the card's own
 * source text and sibling index. Editing other cards of the note changes neither part; renaming
 * the note changes only the path part, which is why the log can follow renames
 * ({@link renameCardId}) without knowing the card's text.
 */

const HEX_PART = 12;
const ID_PATTERN = /^[0-9a-f]{12}-[0-9a-f]{12}$/;

/**
 * The id of sibling `sibling` of the card whose source text is `source` in the note at `path`.
 * The path is normalised ({@link normaliseNotePath}); the source has line endings unified to
 * `\n`, trailing spaces of each line removed and Unicode in NFC, so a file that only changes
 * line endings or is synced through a file system with decomposed names keeps its ids.
 */
export function cardId(path: string, source: string, sibling: number): string {
	return `${pathHash(path)}-${sourceHash(source, sibling)}`;
}

/** The path part of a card id: 12 hex digits (48 bits of FNV-1a 64 of the normalised path). */
export function pathHash(path: string): string {
	return fnv1a64Hex(normaliseNotePath(path)).slice(0, HEX_PART);
}

/** Whether `id` has the form of a card id (two 12-digit lower-case hex parts). */
export function isCardId(id: unknown): id is string {
	return typeof id === "string" && ID_PATTERN.test(id);
}

/** The path part of an id, or null when `id` is not a card id. */
export function pathPartOf(id: string): string | null {
	return ID_PATTERN.test(id) ? id.slice(0, HEX_PART) : null;
}

/**
 * The id a card had under `from` carries, after the note moved to `to`. Ids of other notes
 * (and strings that are not card ids) come back unchanged.
 */
export function renameCardId(id: string, from: string, to: string): string {
	const part = pathPartOf(id);
	if (part === null || part !== pathHash(from)) return id;
	return pathHash(to) + id.slice(HEX_PART);
}

/** Vault path as Obsidian writes it: `/` separators, no leading `./` or `/`, no doubled `/`, NFC. */
export function normaliseNotePath(path: string): string {
	return path
		.normalize("NFC")
		.replace(/\\/g, "/")
		.replace(/\/{2,}/g, "/")
		.replace(/^(\.\/)+/, "")
		.replace(/^\/+/, "");
}

function sourceHash(source: string, sibling: number): string {
	const text = source
		.normalize("NFC")
		.split(/\r\n|\r|\n/)
		.map((line) => line.replace(/[ \t]+$/, ""))
		.join("\n")
		.trim();
	return fnv1a64Hex(`${text}\u0000${sibling}`).slice(0, HEX_PART);
}

const encoder = new TextEncoder();

/**
 * FNV-1a 64-bit of the UTF-8 bytes of `text`, as 16 hex digits. Computed on two 32-bit halves
 * (no BigInt) because it runs for every card of the vault, also on phones.
 * The FNV prime is 2^40 + 0x1b3, so h·prime = h·0x1b3 + (h << 40).
 */
export function fnv1a64Hex(text: string): string {
	let hi = 0xcbf29ce4;
	let lo = 0x84222325;
	for (const byte of encoder.encode(text)) {
		lo = (lo ^ byte) >>> 0;
		const low = lo * 0x1b3; // < 2^41: exact in a double
		const carry = Math.floor(low / 0x1_0000_0000);
		hi = (Math.imul(hi, 0x1b3) + carry + (lo << 8)) >>> 0;
		lo = low >>> 0;
	}
	return hi.toString(16).padStart(8, "0") + lo.toString(16).padStart(8, "0");
}
