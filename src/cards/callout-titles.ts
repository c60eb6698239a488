/**
 * The titles of the callouts around a card, outermost first: its context goes on from the
 * headings above it (docs/format.md, "Card kinds") into them.
 * Cards come in line order, so each line of a note is applied once, however many cards it has.
 */
import { calloutTitleStart, containerOf, isBlankText } from "./container";
import { LineKind, type NoteRegions } from "./line-kinds";
import { withoutEmphasis } from "./emphasis";

/**
 * Offset of the title when `visible` (a text line) is a callout header (`[!type] Title`), else -1.
 * The header of the callout that holds a scheduling comment is not a callout of the text.
 */
export function calloutHeaderTitle(visible: string): number {
	const contentStart = containerOf(visible).contentStart;
	const title = calloutTitleStart(visible, contentStart);
	return title >= 0 && isScheduleCalloutAt(visible, contentStart) ? -1 : title;
}

/** The header the Spaced Repetition plugin (1.15) writes above a scheduling comment, in a callout. */
const SCHEDULE_CALLOUT = "[!sr|card-metadata]";

/**
 * True when `line` is `> [!sr|card-metadata]` (at any callout depth, any case, whitespace
 * around): the header of the callout in which that plugin writes a card's scheduling comment
 * on the next line.
 */
export function isScheduleCallout(line: string): boolean {
	const { depth, contentStart } = containerOf(line);
	return depth > 0 && isScheduleCalloutAt(line, contentStart);
}

function isScheduleCalloutAt(line: string, contentStart: number): boolean {
	const at = line.indexOf("[", contentStart);
	if (at < 0 || !isBlankText(line.slice(contentStart, at)) || !isBlankText(line, at + SCHEDULE_CALLOUT.length)) return false;
	return line.slice(at, at + SCHEDULE_CALLOUT.length).toLowerCase() === SCHEDULE_CALLOUT;
}

/** Tracks the open callouts of one note while its cards are read in line order. */
export class CalloutTitles {
	/** Titles of the open callouts by depth ("" for a callout without title or a plain quote). */
	private readonly titles: string[] = [];
	/** How many entries of `titles` are open (the array is reused, not shortened). */
	private depth = 0;
	/** Lines before this one have been applied to `titles`. */
	private line = 0;

	constructor(private readonly regions: NoteRegions) {}

	/**
	 * Titles of the callouts around line `at`, never before an earlier call's line. A header on
	 * line `at` itself closes its level without adding its title: a card that starts on a header
	 * is not inside that callout's title.
	 */
	at(at: number): readonly string[] {
		const { kind, depth, visible } = this.regions;
		if (!this.regions.hasCallouts) return NO_TITLES;
		const titles = this.titles;
		let open = this.depth;
		for (let i = this.line; i < at; i++) {
			const d = depth[i];
			if (d === 0 && open === 0) continue;
			const k = kind[i];
			if (k !== LineKind.Text && k !== LineKind.Blank && k !== LineKind.EndMarker) continue;
			if (open > d) open = d;
			if (d === 0 || k !== LineKind.Text) continue;
			const title = calloutHeaderTitle(visible[i]);
			if (title < 0) continue;
			while (open < d - 1) titles[open++] = "";
			titles[d - 1] = withoutEmphasis(visible[i].slice(title).trim());
			open = d;
		}
		this.line = Math.max(this.line, at);
		this.depth = open;
		if (kind[at] === LineKind.Text) open = Math.min(open, depth[at] > 0 && calloutHeaderTitle(visible[at]) >= 0 ? depth[at] - 1 : depth[at]);
		let out: string[] | null = null;
		for (let d = 0; d < open; d++) if (titles[d] !== "") (out ??= []).push(titles[d]);
		return out ?? NO_TITLES;
	}
}

const NO_TITLES: readonly string[] = [];
