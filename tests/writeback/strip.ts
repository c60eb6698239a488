/**
 * Test helper, written independently of the code under test: the note's text with every
 * scheduling comment removed — comment-only lines with their ending (the line before loses its
 * ending when the comment line ended the file), and ` <!--SR:…-->` inside other lines.
 */
export function stripSchedulingComments(text: string): string {
	const pieces = text.split(/(\r\n|\n|\r)/);
	const lines: string[] = [];
	const endings: string[] = [];
	for (let i = 0; i < pieces.length; i += 2) {
		lines.push(pieces[i]);
		endings.push(pieces[i + 1] ?? "");
	}
	const keptLines: string[] = [];
	const keptEndings: string[] = [];
	lines.forEach((line, i) => {
		if (/^[ \t>]*<!--SR:.*?-->[ \t]*$/.test(line.replace(/^\uFEFF/, ""))) {
			if (endings[i] === "" && keptEndings.length > 0) keptEndings[keptEndings.length - 1] = "";
			return;
		}
		keptLines.push(line.replace(/ ?<!--SR:.*?-->/g, ""));
		keptEndings.push(endings[i]);
	});
	return keptLines.map((line, i) => line + keptEndings[i]).join("");
}

/** How many scheduling comments `text` holds. */
export function countComments(text: string): number {
	return text.split("<!--SR:").length - 1;
}
