/**
 * Replaces one sibling's segment in a scheduling comment while keeping every other segment
 * byte for byte — also unreadable ones, which must never be rewritten unless reviewed (docs/format.md, "Scheduling comments").
 */
import { splitMarks } from "../cards/segment-marks";
import { COMMENT_CLOSE, COMMENT_OPEN, NEW_SEGMENT, formatComment } from "./format";

/** A scheduling comment cut into its parts; joining them gives the raw comment back. */
export interface CommentParts {
	/** `<!--SR:` as written, plus any spaces before the first segment. */
	open: string;
	/** The segments as written, each with its leading `!` (except an old-form first segment). */
	segments: string[];
	/** Any spaces after the last segment, plus `-->`. */
	close: string;
}

/**
 * Splits a raw scheduling comment into segments. Segments start at `!`; an old-form first
 * segment without `!` (`<!--SR:2021-08-11,4,270-->`) counts as segment 0. A comment without
 * `-->` gets one in `close`, so a comment rebuilt from the parts is whole.
 * Returns null when `raw` is not a scheduling comment.
 */
export function splitComment(raw: string): CommentParts | null {
	if (raw.length < COMMENT_OPEN.length) return null;
	if (raw.slice(0, COMMENT_OPEN.length).toUpperCase() !== COMMENT_OPEN) return null;
	// A comment without `-->` (read up to the end of its line) is written whole.
	const closed = raw.indexOf(COMMENT_CLOSE, COMMENT_OPEN.length) >= 0;
	if (closed && !raw.endsWith(COMMENT_CLOSE)) return null;
	const body = raw.slice(COMMENT_OPEN.length, closed ? raw.length - COMMENT_CLOSE.length : raw.length);
	const lead = /^\s*/.exec(body)?.[0] ?? "";
	const trail = /\s*$/.exec(body.slice(lead.length))?.[0] ?? "";
	const inner = body.slice(lead.length, body.length - trail.length);
	const segments: string[] = [];
	const chunks = inner.split("!");
	if (chunks[0] !== "") segments.push(chunks[0]);
	for (const chunk of chunks.slice(1)) segments.push("!" + chunk);
	return {
		open: raw.slice(0, COMMENT_OPEN.length) + lead,
		segments,
		close: trail + COMMENT_CLOSE,
	};
}

/**
 * What changes in one sibling's segment: its schedule part (a formatted segment with its `!`)
 * and/or its marks suffix (`,s,f3`, "" for none); what is undefined is kept as written.
 */
export interface SegmentChange {
	schedule?: string;
	marks?: string;
}

/**
 * The comment text after reviewing sibling `sibling` of a card with `siblingCount` siblings:
 * `segment` replaces that sibling's schedule (its marks are kept), siblings without one get the
 * "new" placeholder, every other segment (extra ones included) is kept as written. `raw` null =
 * no comment yet.
 */
export function commentWithSegment(raw: string | null, sibling: number, siblingCount: number, segment: string): string {
	return commentWithChange(raw, sibling, siblingCount, { schedule: segment });
}

/**
 * The comment text after `change` to sibling `sibling`'s segment (docs/format.md, "Suspended and
 * flagged cards"): a sibling without a segment gets the "new" placeholder first, so marks on a
 * new sibling still read as a new card; other segments are kept byte for byte.
 */
export function commentWithChange(raw: string | null, sibling: number, siblingCount: number, change: SegmentChange): string {
	const parts = raw === null ? null : splitComment(raw);
	if (raw !== null && parts === null) throw new Error(`Not a scheduling comment: ${raw}`);
	const segments = parts ? parts.segments.slice() : [];
	while (segments.length < Math.max(siblingCount, sibling + 1)) segments.push(NEW_SEGMENT);
	const current = segments[sibling];
	const space = /\s*$/.exec(current)?.[0] ?? "";
	const written = splitMarks(current.slice(0, current.length - space.length));
	segments[sibling] = (change.schedule ?? written.schedule) + (change.marks ?? written.marks) + space;
	return parts ? parts.open + segments.join("") + parts.close : formatComment(segments);
}
