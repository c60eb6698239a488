/** Code fences as docs/format.md reads them: an opening line, and a line that closes it. */
import { Char } from "../model/char-codes";
import { isBlankText } from "./container";

export type FenceChar = Char.Backtick | Char.Tilde;

/** An opening fence at offset `p`: 3+ backticks (info without backticks) or tildes. */
export function fenceAt(line: string, p: number): { char: FenceChar; length: number } | null {
	const c = line.charCodeAt(p);
	if (c !== Char.Backtick && c !== Char.Tilde) return null;
	let q = p;
	while (line.charCodeAt(q) === c) q++;
	if (q - p < 3) return null;
	if (c === Char.Backtick && line.indexOf("`", q) >= 0) return null;
	return { char: c, length: q - p };
}

/** Length of a closing fence of `char` on the line (content from `from`), or 0. */
export function closingFenceLength(line: string, from: number, char: FenceChar): number {
	let p = from;
	while (line.charCodeAt(p) === Char.Space || line.charCodeAt(p) === Char.Tab) p++;
	let q = p;
	while (line.charCodeAt(q) === char) q++;
	if (q - p < 3 || !isBlankText(line, q)) return 0;
	return q - p;
}
