/** Word wrap for the terminal review: lines break between words, never inside one. */

/**
 * `text` with each line broken at spaces so that it fits `width` columns; a word longer than a
 * line stays whole on a line of its own (a terminal shows the rest on the next row), and the
 * indentation of a line (a list, a code block) is repeated on its continuation lines.
 */
export function wrapWords(text: string, width: number): string {
	if (!(width > 10)) return text;
	return text
		.split("\n")
		.map((line) => wrapLine(line, width))
		.join("\n");
}

function wrapLine(line: string, width: number): string {
	if ([...line].length <= width) return line;
	const indent = /^\s*/.exec(line)?.[0] ?? "";
	const hang = indent.length < width / 2 ? indent : "";
	const words = line.slice(indent.length).split(/ +/);
	const rows: string[] = [];
	let row = indent;
	let length = [...indent].length;
	for (const word of words) {
		const size = [...word].length;
		const start = row.trim() === "";
		if (!start && length + 1 + size > width) {
			rows.push(row);
			row = hang + word;
			length = [...hang].length + size;
		} else {
			row += (start ? "" : " ") + word;
			length += (start ? 0 : 1) + size;
		}
	}
	rows.push(row);
	return rows.join("\n");
}
