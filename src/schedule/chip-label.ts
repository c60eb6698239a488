/**
 * The short label that stands in for a scheduling comment in Live Preview and reading view:
 * "new", "due today", "in 12 d", "overdue 3 d", with the stored numbers as a hover title.
 * Pure: the same segment, moment and day-start hour always give the same label.
 */
import type { SegmentState } from "../model/card";
import { daysBetween, localDay } from "../model/days";
import { durationLabel, intervalLabel } from "./scheduler";
import { dueDay } from "./status";
import type { ClassicSchedule, FsrsSchedule } from "../model/schedule";

/** What a chip says about its card; also its CSS modifier (`sn-chip-<state>`). */
type ChipState = "new" | "learning" | "due" | "overdue" | "later" | "unreadable" | "suspended";

export interface ChipLabel {
	/** Shown in the chip, e.g. "in 12 d". */
	text: string;
	/** Shown on hover: due date, interval, ease or stability. */
	title: string;
	state: ChipState;
}

/** A label with how urgent it is, to pick one label for a card with several siblings. */
interface Ranked {
	label: ChipLabel;
	/** Higher = shown first: unreadable, overdue, due, learning due, new, learning later, later. */
	rank: number;
	/** Breaks ties within a rank; higher = more urgent (more days overdue, fewer days to wait). */
	key: number;
}

const NEW_TITLE = "New: never reviewed";

/**
 * The chip label of one sibling's segment at `now`.
 * - absent, the "new" placeholder and FSRS state 0 → "new";
 * - unreadable → "unreadable" (the sibling is reviewed as new; the title gives the reason);
 * - FSRS learning / relearning → "due now" or "in 8 min" (by the exact due moment);
 * - reviews → "overdue N d", "due today" or "in N d" by local days (`dayStartHour`, 0–23);
 *   an unreadable due date counts as due today, as in `siblingStatus`.
 */
export function chipLabel(segment: SegmentState, now: Date, dayStartHour: number): ChipLabel {
	return ranked(segment, now, dayStartHour).label;
}

/**
 * One label for a card: its most urgent sibling's text; with several siblings the title lists
 * every sibling ("Side 1: …"). No siblings gives "new".
 */
export function cardChipLabel(segments: readonly SegmentState[], now: Date, dayStartHour: number): ChipLabel {
	const label = withMarks(scheduleLabel(segments, now, dayStartHour), segments);
	if (label.state === "suspended" || !segments.some(isSuspended)) return label;
	// The chip says when the sides still reviewed are due; the title names every side.
	const active = scheduleLabel(
		segments.filter((s) => !isSuspended(s)),
		now,
		dayStartHour,
	);
	return { ...label, text: active.text, state: active.state };
}

function isSuspended(segment: SegmentState): boolean {
	return segment.kind !== "absent" && segment.marks?.suspended === true;
}

const FLAG_NAMES = ["", "red", "orange", "green", "blue", "pink", "turquoise", "purple"];

/**
 * The label with the siblings' marks (docs/format.md, "Suspended and flagged cards"): a card whose
 * every sibling is suspended reads "suspended"; suspended sides and flags are named in the title.
 */
function withMarks(label: ChipLabel, segments: readonly SegmentState[]): ChipLabel {
	const marks = segments.map((s) => (s.kind === "absent" ? undefined : s.marks));
	if (marks.every((m) => m === undefined)) return label;
	const notes: string[] = [];
	const several = segments.length > 1;
	marks.forEach((m, i) => {
		if (!m) return;
		const side = several ? `Side ${i + 1}: ` : "";
		if (m.suspended) notes.push(`${side}suspended.`);
		if (m.flag > 0) notes.push(`${side}flag ${FLAG_NAMES[m.flag] ?? m.flag}.`);
	});
	const title = `${label.title}\n${notes.map((n) => n.charAt(0).toUpperCase() + n.slice(1)).join(" ")}`;
	if (marks.every((m) => m?.suspended === true)) return { text: "suspended", title, state: "suspended" };
	return { ...label, title };
}

function scheduleLabel(segments: readonly SegmentState[], now: Date, dayStartHour: number): ChipLabel {
	if (segments.length === 0) return { text: "new", title: NEW_TITLE, state: "new" };
	const all = segments.map((s) => ranked(s, now, dayStartHour));
	let best = all[0];
	for (const r of all) if (r.rank > best.rank || (r.rank === best.rank && r.key > best.key)) best = r;
	if (all.length === 1) return best.label;
	const title = all.map((r, i) => `Side ${i + 1}: ${r.label.text}. ${r.label.title}`).join("\n");
	return { text: best.label.text, title, state: best.label.state };
}

function ranked(segment: SegmentState, now: Date, dayStartHour: number): Ranked {
	if (segment.kind === "absent") return { label: { text: "new", title: NEW_TITLE, state: "new" }, rank: 3, key: 0 };
	if (segment.kind === "unreadable") {
		const title = `Unreadable schedule "${segment.raw}": ${segment.reason}. Reviewed as new.`;
		return { label: { text: "unreadable", title, state: "unreadable" }, rank: 6, key: 0 };
	}
	const schedule = segment.schedule;
	if (schedule === null) return { label: { text: "new", title: NEW_TITLE, state: "new" }, rank: 3, key: 0 };
	if (schedule.type === "fsrs" && schedule.state === 0) return { label: { text: "new", title: `${NEW_TITLE} (FSRS)`, state: "new" }, rank: 3, key: 0 };
	if (schedule.type === "fsrs" && (schedule.state === 1 || schedule.state === 3)) return learning(schedule, now);
	return review(schedule, now, dayStartHour);
}

function learning(schedule: FsrsSchedule, now: Date): Ranked {
	const due = Date.parse(schedule.due);
	const step = schedule.state === 1 ? "Learning" : "Relearning";
	const title = `${step} step${Number.isNaN(due) ? "" : ` due ${new Date(due).toLocaleString()}`}. ${fsrsNumbers(schedule)}`;
	// An unreadable moment cannot be waited for: due now, as `isDueNow` decides.
	if (Number.isNaN(due) || due <= now.getTime()) return { label: { text: "due now", title, state: "learning" }, rank: 4, key: 0 };
	const wait = due - now.getTime();
	return { label: { text: `in ${durationLabel(wait)}`, title, state: "learning" }, rank: 2, key: -wait / 86_400_000 };
}

function review(schedule: ClassicSchedule | FsrsSchedule, now: Date, dayStartHour: number): Ranked {
	const day = dueDay(schedule, dayStartHour);
	const today = localDay(now, dayStartHour);
	const wait = day === null ? 0 : daysBetween(today, day);
	const numbers = schedule.type === "classic" ? `Interval ${intervalLabel(schedule.interval)}, ease ${schedule.ease}.` : fsrsNumbers(schedule);
	const title = `${day === null ? `Due date "${schedule.due}" cannot be read.` : `Due ${day}.`} ${numbers}`;
	if (wait < 0) return { label: { text: `overdue ${-wait} d`, title, state: "overdue" }, rank: 5, key: -wait };
	if (wait === 0) return { label: { text: "due today", title, state: "due" }, rank: 5, key: 0 };
	return { label: { text: `in ${intervalLabel(wait)}`, title, state: "later" }, rank: 1, key: -wait };
}

function fsrsNumbers(s: FsrsSchedule): string {
	const reviews = `${s.reps} review${s.reps === 1 ? "" : "s"}, ${s.lapses} lapse${s.lapses === 1 ? "" : "s"}`;
	return `Interval ${intervalLabel(s.interval)}, stability ${round1(s.stability)} d, difficulty ${round1(s.difficulty)}, ${reviews}.`;
}

function round1(value: number): string {
	return Number.isFinite(value) ? String(Math.round(value * 10) / 10) : "?";
}
