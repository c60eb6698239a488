/**
 * What the command line prints is text from notes and logs, which may hold terminal control
 * sequences (clear the screen, hide text, write the clipboard with OSC 52). They are shown as
 * visible characters, never obeyed: {@link guardTerminal} wraps every output stream, and only the
 * few sequences the terminal review itself draws with pass through unchanged.
 */

const ESC = "\u001b";
/** The sequences the terminal review draws with: clear screen and home, bold, dim, normal intensity. */
const OWN_SEQUENCES = [`${ESC}[2J${ESC}[H`, `${ESC}[1m`, `${ESC}[2m`, `${ESC}[22m`];

/** C0 controls but tab and line feed, DEL and the C1 controls. */
function isControl(code: number): boolean {
	return (code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f);
}

/** `text` with every control character shown as a visible stand-in (␛ for escape, \x9b for C1). */
export function terminalText(text: string): string {
	let out = "";
	let last = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (!isControl(code)) continue;
		out += text.slice(last, i) + (code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? "\u2421" : `\\x${code.toString(16)}`);
		last = i + 1;
	}
	return last === 0 ? text : out + text.slice(last);
}

/**
 * A writer that shows the control characters of what it is given. With `ownSequences` (the
 * terminal review, which makes note text visible itself before drawing around it) the review's
 * own drawing sequences pass.
 */
export function guardTerminal(write: (text: string) => void, ownSequences = false): (text: string) => void {
	return (text) => {
		if (!ownSequences) {
			write(terminalText(text));
			return;
		}
		let out = "";
		let last = 0;
		for (let at = text.indexOf(ESC); at >= 0; at = text.indexOf(ESC, at + 1)) {
			const own = OWN_SEQUENCES.find((sequence) => text.startsWith(sequence, at));
			if (own === undefined) continue;
			out += terminalText(text.slice(last, at)) + own;
			last = at + own.length;
			at = last - 1;
		}
		write(out + terminalText(text.slice(last)));
	};
}

/** Pretty JSON whose strings carry DEL and C1 controls as `\u` escapes (JSON already escapes C0). */
export function jsonText(value: unknown): string {
	return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f]/gu, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}
