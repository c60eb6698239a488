/**
 * A whole note's schedule in its frontmatter (docs/format.md, "Note review"), in the keys the
 * Spaced Repetition plugin reads and writes: `sr-due` (a day, written `YYYY-MM-DD`), `sr-interval`
 * (days) and `sr-ease` (×100). It reads a schedule only when all three are present. Its 1.15 keeps
 * scheduling notes with SM-2 even when its cards use FSRS, so under FSRS we still write those three
 * keys (it keeps reading them) and add `sr-fsrs`, the FSRS memory in the form of a card comment's
 * FSRS segment, which it ignores.
 */
import { readSegment } from "../cards/comment";
import { isDay, formatDay } from "../model/days";
import type { ClassicSchedule, FsrsSchedule } from "../model/schedule";
import { formatSegment, plainDecimal } from "../writeback/format";
import { readKeys, setKeys, type KeysBefore, type KeyUpdate } from "./frontmatter";

const DUE_KEY = "sr-due";
const INTERVAL_KEY = "sr-interval";
const EASE_KEY = "sr-ease";
const FSRS_KEY = "sr-fsrs";
const KEYS = [DUE_KEY, INTERVAL_KEY, EASE_KEY, FSRS_KEY] as const;

/** What a note's frontmatter says about its review. */
export interface NoteSchedule {
	/** The SM-2 keys, or null when one of the three is missing or unreadable (the note is new). */
	classic: ClassicSchedule | null;
	/** The FSRS memory, when `sr-fsrs` is present, readable and agrees with `sr-due`. */
	fsrs: FsrsSchedule | null;
	/** Why a present key could not be read (the note then counts as new). */
	problem?: string;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * The day `sr-due` names. The reading rule follows the formats the other plugin accepts
 * (`YYYY-MM-DD`, `DD-MM-YYYY`, `ddd MMM DD YYYY`); it writes only the first.
 */
export function readDueDay(text: string): string | null {
	const value = text.trim();
	let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
	if (m) return checkedDay(Number(m[1]), Number(m[2]), Number(m[3]));
	m = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(value);
	if (m) return checkedDay(Number(m[3]), Number(m[2]), Number(m[1]));
	m = /^[A-Za-z]{3},? ([A-Za-z]{3}) (\d{1,2}),? (\d{4})$/.exec(value);
	if (m) {
		const month = MONTHS.indexOf(m[1].toLowerCase()) + 1;
		return month > 0 ? checkedDay(Number(m[3]), month, Number(m[2])) : null;
	}
	return null;
}

function checkedDay(year: number, month: number, date: number): string | null {
	const day = formatDay(year, month, date);
	return isDay(day) ? day : null;
}

/** A number as the other plugin reads it (`parseFloat`: leading number, the rest ignored), finite and ≥ 0. */
function readNumber(text: string): number | null {
	const n = Number.parseFloat(text.trim());
	return Number.isFinite(n) && n >= 0 ? n : null;
}

/** Reads the note's schedule from its text. Never throws. */
export function readNoteSchedule(text: string): NoteSchedule {
	const raw = readKeys(text, KEYS);
	return scheduleFromValues((key) => raw.get(key)?.value ?? null);
}

/**
 * Reads the schedule from frontmatter values as a YAML parser gives them (Obsidian's metadata
 * cache): like the other plugin, the first item of a list, a number as its decimal text.
 */
export function scheduleFromFrontmatter(frontmatter: Readonly<Record<string, unknown>> | undefined): NoteSchedule {
	return scheduleFromValues((key) => {
		const value: unknown = frontmatter?.[key];
		const first: unknown = Array.isArray(value) ? value[0] : value;
		return typeof first === "string" ? first : typeof first === "number" ? String(first) : null;
	});
}

function scheduleFromValues(get: (key: string) => string | null): NoteSchedule {
	const due = get(DUE_KEY);
	const interval = get(INTERVAL_KEY);
	const ease = get(EASE_KEY);
	let classic: ClassicSchedule | null = null;
	let problem: string | undefined;
	if (due !== null && interval !== null && ease !== null && due !== "" && interval !== "" && ease !== "") {
		const day = readDueDay(due);
		const i = readNumber(interval);
		const e = readNumber(ease);
		if (day === null) problem = `${DUE_KEY} "${due}" is not a date`;
		else if (i === null) problem = `${INTERVAL_KEY} "${interval}" is not a number`;
		else if (e === null || e === 0) problem = `${EASE_KEY} "${ease}" is not a number`;
		else classic = { type: "classic", due: day, interval: i, ease: e };
	}
	let fsrs: FsrsSchedule | null = null;
	const fsrsText = get(FSRS_KEY);
	if (fsrsText) {
		const segment = readSegment(fsrsText.trim().replace(/^!/, ""));
		if (segment.kind === "ok" && segment.schedule?.type === "fsrs") fsrs = segment.schedule;
		else problem ??= `${FSRS_KEY} "${fsrsText}" is not an FSRS schedule`;
	}
	return { classic, fsrs, ...(problem === undefined ? {} : { problem }) };
}

/** The frontmatter updates that store `schedule` (an absent `fsrs` removes `sr-fsrs`). */
function scheduleUpdates(classic: ClassicSchedule, fsrs: FsrsSchedule | null): KeyUpdate[] {
	return [
		{ key: DUE_KEY, text: classic.due },
		{ key: INTERVAL_KEY, text: plainDecimal(classic.interval) },
		{ key: EASE_KEY, text: plainDecimal(classic.ease) },
		// Quoted: a plain YAML value may not start with `!`, and the moments hold colons.
		{ key: FSRS_KEY, text: fsrs === null ? null : `"${formatSegment(fsrs).slice(1)}"` },
	];
}

/** Writes the schedule into the note's frontmatter, changing only those keys' lines. */
export function writeNoteSchedule(text: string, classic: ClassicSchedule, fsrs: FsrsSchedule | null): { text: string; before: KeysBefore } {
	const updates = scheduleUpdates(classic, fsrs);
	// A note that never had `sr-fsrs` is not given a removal to make.
	return setKeys(text, fsrs === null ? updates.filter((u) => u.key !== FSRS_KEY || readKeys(text, [FSRS_KEY]).size > 0) : updates);
}
