/**
 * A review session as an immutable state machine: every action returns a new session, so undo
 * is simply going back to the previous one. It never touches files: `answer` returns the
 * schedule for the caller to write, and the caller reports whether the write worked. The queues
 * are built and changed in `session-queue.ts`; the answers it records are counted in `session-records.ts`.
 */
import type { SegmentState } from "../model/card";
import type { SchedulingSettings } from "../settings/settings";
import { schedulingForDeck } from "../settings/deck-presets";
import { answer as schedule, type AnswerContext } from "../schedule/scheduler";
import { cardKeyOf, siblingKeyOf, type DoneTodayCounts, type QueueEntry, type SessionItem } from "./session-item";
import { atTheEnd, buildQueues, burySiblings, entryFor, insertByDue, requeue, without, type Queues } from "./session-queue";
import type { DueHistogram } from "../schedule/sm2";
import type { Rating } from "../model/schedule";
import { buildCustomQueues, cramRequeue, reschedules, type CustomStudy } from "./custom-study";
import { extraNewFor } from "./extra-new";
import { sessionProgress, sessionSummary, type AnswerRecord, type SessionProgress, type SessionSummary } from "./session-records";

export type { QueueEntry, QueueKind, SessionItem } from "./session-item";
export type { AnswerRecord, SessionProgress, SessionSummary } from "./session-records";

/** When nothing else is left, a learning step due within this time is shown early (as Anki does). */
const LEARN_AHEAD_MS = 20 * 60_000;

export interface SessionOptions {
	now: Date;
	settings: SchedulingSettings;
	/** Cards already answered today per deck key, counted against the daily limits. */
	doneToday?: Readonly<Record<string, DoneTodayCounts>>;
	/** Seed of the shuffle (when the order is not deterministic); defaults to the start moment. */
	seed?: string;
	/** A custom study session (docs/scheduling.md, "Custom study"); absent: a normal review. */
	custom?: CustomStudy;
	/** Forgotten cards: the ids of the cards answered Again lately (`forgottenCardIds`). */
	forgotten?: ReadonlySet<string>;
	/** Today's raised new-card limits (extra new cards), deck key → extra. */
	extraNew?: Readonly<Record<string, number>>;
}

interface SessionData {
	readonly settings: SchedulingSettings;
	/** False in a session whose answers change no schedule (they are logged as cram). */
	readonly reschedule: boolean;
	/** Review ahead: cards are answered before their due day (SM-2's early-review intervals). */
	readonly early: boolean;
	readonly queues: Readonly<Queues>;
	readonly records: readonly AnswerRecord[];
	readonly unsaved: readonly AnswerRecord[];
	readonly startedAt: number;
	readonly nextId: number;
	/** The session before the last answer, for undo. */
	readonly previous: ReviewSession | null;
}

export class ReviewSession {
	private constructor(private readonly data: SessionData) {}

	/** A session over `items` at `options.now`: due learning steps, then due reviews, then new cards. */
	static start(items: readonly SessionItem[], options: SessionOptions): ReviewSession {
		const seed = options.seed ?? String(options.now.getTime());
		const extra = options.extraNew ?? {};
		const queues = options.custom
			? buildCustomQueues(items, options.now, options.settings, options.custom, seed, options.forgotten)
			: buildQueues(items, options.now, options.settings, options.doneToday ?? {}, seed, (deck) => extraNewFor(extra, deck));
		return new ReviewSession({
			settings: options.settings,
			reschedule: reschedules(options.custom),
			early: options.custom?.kind === "ahead",
			queues,
			records: [],
			unsaved: [],
			startedAt: options.now.getTime(),
			nextId: 1,
			previous: null,
		});
	}

	/**
	 * The card to show at `now`: a learning step that is due, else the next review, else the next
	 * new card, else a learning step due within {@link LEARN_AHEAD_MS}; null when none.
	 */
	current(now: Date): QueueEntry | null {
		const { learning, reviews, news } = this.data.queues;
		const firstLearning = learning[0];
		if (firstLearning && firstLearning.dueAt <= now.getTime()) return firstLearning;
		if (reviews.length > 0) return reviews[0];
		if (news.length > 0) return news[0];
		if (firstLearning && firstLearning.dueAt <= now.getTime() + LEARN_AHEAD_MS) return firstLearning;
		return null;
	}

	/** When the session has only learning steps left, the moment the next one is due; else null. */
	waitingUntil(now: Date): Date | null {
		const first = this.data.queues.learning[0];
		return this.current(now) === null && first ? new Date(first.dueAt) : null;
	}

	/** True when no card is left at all (learning steps later today included). */
	get finished(): boolean {
		const { learning, reviews, news } = this.data.queues;
		return learning.length + reviews.length + news.length === 0;
	}

	/**
	 * Answers the current card: returns the schedule to write and the next session, or null when
	 * there is no card to answer. The card's siblings are buried (setting) and a card still in
	 * learning steps today comes back when its step is due.
	 */
	answer(rating: Rating, now: Date, ctx: { dueOn?: DueHistogram; cardKey?: string } = {}): { session: ReviewSession; record: AnswerRecord } | null {
		const entry = this.current(now);
		if (!entry) return null;
		// The card's first deck's preset, if any (docs/scheduling.md, "Deck presets").
		const settings = schedulingForDeck(this.data.settings, entry.item.card.decks[0]);
		if (!this.data.reschedule) return this.answerWithoutSchedule(entry, rating, now);
		const answerCtx: AnswerContext = { cardKey: ctx.cardKey ?? siblingKeyOf(entry.item), dueOn: ctx.dueOn, early: this.data.early };
		const next = schedule(entry.segment, rating, now, settings, answerCtx);
		const record: AnswerRecord = {
			id: this.data.nextId,
			item: entry.item,
			kind: entry.kind,
			rating,
			previous: entry.segment,
			schedule: next,
			at: now.getTime(),
		};
		let queues = without(this.data.queues, entry);
		if (settings.burySiblings) queues = burySiblings(queues, cardKeyOf(entry.item));
		const again = requeue(entry.item, next, now, settings);
		if (again) queues = { ...queues, learning: insertByDue(queues.learning, again) };
		const session = new ReviewSession({
			...this.data,
			queues,
			records: [...this.data.records, record],
			nextId: this.data.nextId + 1,
			previous: this,
		});
		return { session, record };
	}

	/** True in a review-ahead session: cards may be answered before their due day. */
	get early(): boolean {
		return this.data.early;
	}

	/** True when answers write new schedules; false in a cram session or a review of forgotten cards. */
	get reschedules(): boolean {
		return this.data.reschedule;
	}

	/** A cram answer: no schedule; Again and Hard bring the card back a little later (siblings are not buried). */
	private answerWithoutSchedule(entry: QueueEntry, rating: Rating, now: Date): { session: ReviewSession; record: AnswerRecord } {
		const record: AnswerRecord = {
			id: this.data.nextId,
			item: entry.item,
			kind: entry.kind,
			rating,
			previous: entry.segment,
			schedule: null,
			at: now.getTime(),
		};
		let queues = without(this.data.queues, entry);
		const again = cramRequeue(entry, rating, now);
		if (again) queues = { ...queues, learning: insertByDue(queues.learning, again) };
		const session = new ReviewSession({ ...this.data, queues, records: [...this.data.records, record], nextId: this.data.nextId + 1, previous: this });
		return { session, record };
	}

	/**
	 * Skips the current card: to the end of its queue, or out of this session when `out`.
	 * Returns this session unchanged when there is no current card.
	 */
	skip(now: Date, out = false): ReviewSession {
		const entry = this.current(now);
		if (!entry) return this;
		const queues = without(this.data.queues, entry);
		return new ReviewSession({ ...this.data, queues: out ? queues : atTheEnd(queues, entry, now) });
	}

	/** This session without any queue entry of `item` (a sibling suspended meanwhile); undo history kept. */
	without(item: SessionItem): ReviewSession {
		const q = this.data.queues;
		const other = (e: QueueEntry) => e.item !== item;
		return new ReviewSession({
			...this.data,
			queues: { learning: q.learning.filter(other), reviews: q.reviews.filter(other), news: q.news.filter(other) },
		});
	}

	/**
	 * `earlier` (this session before a card action took a card out) with the write failures
	 * reported since: the card is back where it was. Only for an action with no answer since.
	 */
	rewoundTo(earlier: ReviewSession): ReviewSession {
		return new ReviewSession({ ...earlier.data, unsaved: this.data.unsaved, nextId: this.data.nextId });
	}

	/**
	 * Undoes the last answer: the session as it was before it (skips made since are undone too)
	 * and what the caller must restore in the note. Null when nothing was answered.
	 */
	undo(): { session: ReviewSession; restore: AnswerRecord } | null {
		const previous = this.data.previous;
		const last = this.data.records[this.data.records.length - 1];
		if (!previous || !last) return null;
		// Keep write failures reported since, except the undone answer's own.
		const unsaved = this.data.unsaved.filter((r) => r.id !== last.id);
		return { session: new ReviewSession({ ...previous.data, unsaved, nextId: this.data.nextId }), restore: last };
	}

	/** Records that writing answer `id` failed; it stays counted and listed in {@link unsaved} for a retry. */
	writeFailed(id: number): ReviewSession {
		const record = this.data.records.find((r) => r.id === id);
		if (!record || this.data.unsaved.some((r) => r.id === id)) return this;
		return new ReviewSession({ ...this.data, unsaved: [...this.data.unsaved, record] });
	}

	/** Records that answer `id` was written (e.g. after a retry). */
	writeSucceeded(id: number): ReviewSession {
		if (!this.data.unsaved.some((r) => r.id === id)) return this;
		return new ReviewSession({ ...this.data, unsaved: this.data.unsaved.filter((r) => r.id !== id) });
	}

	/** Answers whose write failed and has not succeeded since: the caller may retry them. */
	get unsaved(): readonly AnswerRecord[] {
		return this.data.unsaved;
	}

	/**
	 * Takes answer `id` back and puts its card at the front of the queue it came from with its old
	 * segment, so it can be answered again (e.g. when its write cannot be done). Undo history is
	 * cleared, since earlier sessions would still hold the answer.
	 */
	putBack(id: number): ReviewSession {
		const record = this.data.records.find((r) => r.id === id);
		if (!record) return this;
		const key = cardKeyOf(record.item);
		const q = this.data.queues;
		const learning = q.learning.filter((e) => !(cardKeyOf(e.item) === key && e.item.sibling === record.item.sibling));
		// dueAt 0: a learning card put back is due at once.
		const entry: QueueEntry = { item: record.item, kind: record.kind, segment: record.previous, dueAt: 0 };
		const queues: Queues =
			record.kind === "learning"
				? { ...q, learning: [entry, ...learning] }
				: record.kind === "review"
					? { ...q, learning, reviews: [entry, ...q.reviews] }
					: { ...q, learning, news: [entry, ...q.news] };
		return new ReviewSession({
			...this.data,
			queues,
			records: this.data.records.filter((r) => r.id !== id),
			unsaved: this.data.unsaved.filter((r) => r.id !== id),
			previous: null,
		});
	}

	/**
	 * Answer `id` was not written because its card's schedule changed in the note meanwhile: the
	 * session without that answer (for the last answer, exactly as it was before it, undo history
	 * included), with the card's sibling now holding `fresh` — shown again at the front of its
	 * queue when it is still to be reviewed today — or left out when `fresh` is null (card gone).
	 */
	reread(id: number, fresh: SegmentState | null, now: Date): ReviewSession {
		const record = this.data.records.find((r) => r.id === id);
		if (!record) return this;
		const previous = this.data.previous;
		const last = this.data.records[this.data.records.length - 1];
		const base =
			previous && last === record ? new ReviewSession({ ...previous.data, unsaved: this.data.unsaved, nextId: this.data.nextId }) : this.putBack(id);
		const item = record.item;
		const same = (e: QueueEntry) => e.item === item;
		const q = base.data.queues;
		let queues: Queues = { learning: q.learning.filter((e) => !same(e)), reviews: q.reviews.filter((e) => !same(e)), news: q.news.filter((e) => !same(e)) };
		const entry = fresh === null ? null : entryFor(item, fresh, now, this.data.settings);
		if (entry?.kind === "learning") queues = { ...queues, learning: insertByDue(queues.learning, entry) };
		else if (entry?.kind === "review") queues = { ...queues, reviews: [entry, ...queues.reviews] };
		else if (entry?.kind === "new") queues = { ...queues, news: [entry, ...queues.news] };
		return new ReviewSession({ ...base.data, queues, unsaved: base.data.unsaved.filter((r) => r.id !== id) });
	}

	/** Answers given (by the kind the card had when answered) and cards left, by kind. */
	progress(): SessionProgress {
		return sessionProgress(this.data.queues, this.data.records);
	}

	summary(): SessionSummary {
		return sessionSummary(this.data.records, this.data.startedAt);
	}

	/** All queued entries in the order they are planned (learning by due time first). */
	entries(): readonly QueueEntry[] {
		const { learning, reviews, news } = this.data.queues;
		return [...learning, ...reviews, ...news];
	}
}
