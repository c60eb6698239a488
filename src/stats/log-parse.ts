/**
 * Reading one line of the review log (the format is described in `log-format.ts`). Never throws:
 * a line it cannot read comes back as a reason.
 */
import type { Rating } from "../model/schedule";
import { LOG_VERSION, type FsrsMemory, type LogEntry, type ParsedLine, type ReviewState } from "./log-format";

type Fields = Record<string, unknown>;
type Read = { ok: true; entry: LogEntry } | { ok: false; reason: string };

/** Reads one line (surrounding white space ignored). Never throws. */
export function parseLogLine(line: string): ParsedLine {
	let value: unknown;
	try {
		value = JSON.parse(line);
	} catch {
		return fail("not valid JSON");
	}
	if (typeof value !== "object" || value === null || Array.isArray(value)) return fail("not a JSON object");
	const o = value as Fields;
	if (typeof o.v !== "number") return fail("no format version");
	if (o.v > LOG_VERSION) return fail(`written by a newer version of the plugin (format ${o.v})`);
	if (o.v !== LOG_VERSION) return fail(`unknown format version ${String(o.v)}`);
	const time = readTime(o.t);
	if (time === null) return fail("bad time 't'");
	const kind = o.k ?? "review";
	switch (kind) {
		case "review":
			return readReview(o, time);
		case "cram":
			if (!nonEmpty(o.card) || typeof o.deck !== "string") return fail("cram without 'card' and 'deck'");
			if (!isIntIn(o.r, 1, 4)) return fail("rating 'r' is not 1–4");
			if (!isNonNegative(o.d)) return fail("'d' must be a number ≥ 0");
			return ok({ kind: "cram", time, card: o.card, deck: o.deck, rating: o.r as Rating, durationMs: o.d });
		case "reset":
			if (!nonEmpty(o.card)) return fail("reset without 'card'");
			return ok({ kind: "reset", time, card: o.card });
		case "due":
			if (!nonEmpty(o.card) || typeof o.due !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(o.due)) return fail("due without 'card' and a day 'due'");
			return ok({ kind: "set-due", time, card: o.card, due: o.due });
		case "suspend":
			if (!nonEmpty(o.card) || typeof o.on !== "boolean") return fail("suspend without 'card' and 'on'");
			return ok({ kind: "suspend", time, card: o.card, suspended: o.on });
		case "note":
			return readNoteReview(o, time);
		case "rename":
			if (!nonEmpty(o.from) || !nonEmpty(o.to)) return fail("rename without 'from' and 'to'");
			return ok({ kind: "rename", time, from: o.from, to: o.to });
		case "undo": {
			const reviewTime = readTime(o.of);
			if (!nonEmpty(o.card) || reviewTime === null) return fail("undo without 'card' and 'of'");
			return ok({ kind: "undo", time, card: o.card, reviewTime });
		}
		default:
			return fail(`unknown kind ${JSON.stringify(kind)}`);
	}
}

function readReview(o: Fields, time: number): Read {
	if (!nonEmpty(o.card)) return fail("no card id");
	if (typeof o.deck !== "string") return fail("no deck");
	const answer = readAnswer(o);
	if (typeof answer === "string") return fail(answer);
	if (!isNonNegative(o.d)) return fail("'e', 'i' and 'd' must be numbers ≥ 0");
	const memory = readMemory(o);
	if (typeof memory === "string") return fail(memory);
	return ok({ kind: "review", time, card: o.card, deck: o.deck, ...answer, durationMs: o.d, ...(memory ? { memory } : {}) });
}

function readNoteReview(o: Fields, time: number): Read {
	if (!nonEmpty(o.note)) return fail("note review without 'note'");
	if (typeof o.deck !== "string") return fail("no deck");
	const answer = readAnswer(o);
	if (typeof answer === "string") return fail(answer);
	if (o.ease !== undefined && !isNonNegative(o.ease)) return fail("'ease' must be a number ≥ 0");
	const memory = readMemory(o);
	if (typeof memory === "string") return fail(memory);
	return ok({
		kind: "note",
		time,
		note: o.note,
		deck: o.deck,
		...answer,
		...(o.ease === undefined ? {} : { ease: o.ease }),
		...(memory ? { memory } : {}),
	});
}

function readAnswer(o: Fields): { rating: Rating; state: ReviewState; elapsedDays: number; scheduledDays: number } | string {
	if (!isIntIn(o.r, 1, 4)) return "rating 'r' is not 1–4";
	if (!isIntIn(o.s, 0, 3)) return "state 's' is not 0–3";
	if (!isNonNegative(o.e) || !isNonNegative(o.i)) return "'e', 'i' and 'd' must be numbers ≥ 0";
	return { rating: o.r as Rating, state: o.s as ReviewState, elapsedDays: o.e, scheduledDays: o.i };
}

/** FSRS fields: none (undefined), all readable (the memory), or a reason. */
function readMemory(o: Fields): FsrsMemory | undefined | string {
	if (o.st === undefined && o.df === undefined && o.rt === undefined) return undefined;
	if (!isPositive(o.st) || !isPositive(o.df)) return "'st' and 'df' must be numbers > 0";
	if (o.rt !== undefined && !(isNonNegative(o.rt) && o.rt <= 1)) return "'rt' must be a number from 0 to 1";
	return { stability: o.st, difficulty: o.df, ...(o.rt === undefined ? {} : { retrievability: o.rt }) };
}

function ok(entry: LogEntry): Read {
	return { ok: true, entry };
}

function fail(reason: string): ParsedLine {
	return { ok: false, reason };
}

function readTime(value: unknown): number | null {
	if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return null;
	const time = Date.parse(value);
	return Number.isNaN(time) ? null : time;
}

function nonEmpty(value: unknown): value is string {
	return typeof value === "string" && value.length > 0;
}

function isIntIn(value: unknown, min: number, max: number): boolean {
	return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}

function isNonNegative(value: unknown): value is number {
	return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

function isPositive(value: unknown): value is number {
	return isNonNegative(value) && value > 0;
}
