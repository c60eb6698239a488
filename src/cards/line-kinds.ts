/**
 * What pass one (`findRegions`, docs/format.md "Lines, frontmatter and blocks") tells pass two
 * about each line of a note, and the comment delimiters a note holds at all.
 */
import type { NoteProblem } from "../model/card";

/** What a line is; stored as numbers in a Uint8Array per note. */
export const LineKind = {
	Text: 0,
	Blank: 1,
	/** Inside (or a delimiter of) a fence, math block or multi-line comment. */
	Opaque: 2,
	Frontmatter: 3,
	/** The closing line of a code fence (opaque). */
	FenceClose: 4,
	/** A line that is exactly the configured end marker. */
	EndMarker: 5,
} as const;

export interface NoteRegions {
	kind: Uint8Array;
	/** Callout depth of each line (0 outside callouts; not set for opaque lines). */
	depth: Uint8Array;
	/** True when some line has a callout depth above 0. */
	hasCallouts: boolean;
	/** Each line as card markers see it: in text lines, comment parts are replaced by spaces. */
	visible: readonly string[];
	/** Last frontmatter line, or -1. */
	frontmatterEnd: number;
	problems: NoteProblem[];
}

/** Comment delimiters that occur in a note; each found with one native search of the whole text. */
export interface NoteNeedles {
	/** `%%` */
	percent: boolean;
	/** `<!--` other than the start of a scheduling comment `<!--SR:`. */
	plainHtml: boolean;
	/** `$$` */
	math: boolean;
}

/** The delimiters that occur in `text` (searching the text once is cheaper than every line). */
export function needlesOf(text: string): NoteNeedles {
	let plainHtml = false;
	for (let html = text.indexOf("<!--"); html >= 0 && !plainHtml; html = text.indexOf("<!--", html + 4)) {
		if (!text.startsWith("<!--SR:", html)) plainHtml = true;
	}
	return { percent: text.includes("%%"), plainHtml, math: text.includes("$$") };
}
