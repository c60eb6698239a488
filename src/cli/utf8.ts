/** Notes are UTF-8: reading commands may show others lossily, but nothing is written over them. */

/** Throws on bytes that are not UTF-8; keeps a byte order mark in the text, so it is written back. */
const STRICT = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The text of `bytes`, or null when they are not valid UTF-8 (a Latin-1 note, a binary file). */
export function decodeUtf8(bytes: Uint8Array): string | null {
	try {
		return STRICT.decode(bytes);
	} catch {
		return null;
	}
}

/** Why a note that is not UTF-8 is not written (one sentence, with the note's name). */
export function notUtf8Message(display: string): string {
	return `${display} is not valid UTF-8, so it was left as it is and nothing was saved.`;
}
