/**
 * Card-management marks at the end of a segment (docs/format.md, "Suspended and flagged cards"):
 * `,s` (suspended) and/or `,fN` (flag N, 1–7), in that order, after the schedule's last field.
 * The Spaced Repetition plugin splits a segment on commas and reads only its first fields, so it
 * reads the schedule before the marks unchanged. Read with char codes: this runs per segment.
 */
import type { SiblingMarks } from "../model/card";
import { Char } from "../model/char-codes";

/** The highest flag number (Anki's seven colours). */
export const MAX_FLAG = 7;

/** Where the marks of `text[start..end)` begin (`end` when there are none), set by {@link marksAt}. */
export let marksStart = 0;

/** The marks ending `text[start..end)`, or undefined when it ends with none; sets {@link marksStart}. */
export function marksAt(text: string, start: number, end: number): SiblingMarks | undefined {
	let e = end;
	let flag = 0;
	if (e - start >= 4 && text.charCodeAt(e - 3) === Char.Comma && text.charCodeAt(e - 2) === Char.LowerF) {
		const digit = text.charCodeAt(e - 1) - Char.Digit0;
		if (digit >= 1 && digit <= MAX_FLAG) {
			flag = digit;
			e -= 3;
		}
	}
	let suspended = false;
	if (e - start >= 3 && text.charCodeAt(e - 2) === Char.Comma && text.charCodeAt(e - 1) === Char.LowerS) {
		suspended = true;
		e -= 2;
	}
	marksStart = e;
	return e === end ? undefined : { suspended, flag };
}

/** The written suffix of `marks`: `,s`, `,f3`, `,s,f3`, or "" for none. */
export function formatMarks(marks: SiblingMarks | undefined): string {
	if (marks === undefined) return "";
	return (marks.suspended ? ",s" : "") + (marks.flag >= 1 && marks.flag <= MAX_FLAG ? `,f${Math.trunc(marks.flag)}` : "");
}

/** A segment as written, cut into its schedule part and its marks suffix (either may be empty). */
export function splitMarks(segment: string): { schedule: string; marks: string } {
	marksAt(segment, 0, segment.length);
	return { schedule: segment.slice(0, marksStart), marks: segment.slice(marksStart) };
}
