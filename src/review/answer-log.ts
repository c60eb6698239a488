/**
 * Keeps the review log in step with a review's answers. Logging never blocks a review: a failed
 * log write only shows a message, since the answer itself is already saved in its note.
 */
import type { Card } from "../model/card";
import type { AnswerRecord } from "./session";
import type { AnswerFacts } from "../stats/review-entry";
import type { CramEntry } from "../stats/log-format";
import { cardId } from "../stats/card-id";
import type { ReviewDeps } from "./ports";

export class AnswerLog {
	/** Each logged answer's entry, by record id; a promise, so an undo right after still finds it. */
	private readonly logged = new Map<number, Promise<Logged | null>>();

	constructor(private readonly deps: Pick<ReviewDeps, "log" | "notify" | "now" | "settings">) {}

	/** Starts logging a saved answer to `card` that took `durationMs`; does nothing without a log. */
	recordAnswer(record: AnswerRecord, card: Card, durationMs: number): void {
		const log = this.deps.log;
		if (!log) return;
		if (record.schedule === null) {
			this.recordCram(record, card, durationMs);
			return;
		}
		const facts: AnswerFacts = {
			time: new Date(record.at),
			path: record.item.file,
			card,
			sibling: record.item.sibling,
			rating: record.rating,
			before: record.previous,
			after: record.schedule,
			durationMs,
			dayStartHour: this.deps.settings().nextDayStartsAt,
		};
		this.logged.set(
			record.id,
			log.recordAnswer(facts).catch(() => {
				this.deps.notify("The review log could not be written; the answer is saved in the note.");
				return null;
			}),
		);
	}

	/** Logs a cram answer (no schedule changed): card, deck, rating and duration. */
	private recordCram(record: AnswerRecord, card: Card, durationMs: number): void {
		const write = this.deps.log?.recordCram?.bind(this.deps.log);
		if (!write) return;
		const entry: CramEntry = {
			kind: "cram",
			time: record.at,
			card: cardId(record.item.file, card.source, record.item.sibling),
			deck: card.decks[0] ?? "",
			rating: record.rating,
			durationMs: Number.isFinite(durationMs) ? Math.max(0, Math.round(durationMs)) : 0,
		};
		this.logged.set(
			record.id,
			write(entry).then(
				() => entry,
				() => {
					this.deps.notify("The review log could not be written, so this cram answer is not recorded (no note was changed).");
					return null;
				},
			),
		);
	}

	/** Logs the undo of answer `id` now, once its own log line is written; nothing if it was never logged. */
	recordUndo(id: number): void {
		const logged = this.logged.get(id);
		this.logged.delete(id);
		if (logged) void this.logUndo(logged, this.deps.now());
	}

	private async logUndo(logged: Promise<Logged | null>, time: Date): Promise<void> {
		const entry = await logged;
		if (entry === null) return;
		try {
			await this.deps.log?.recordUndo(entry, time);
		} catch {
			this.deps.notify("The review log could not record the undo.");
		}
	}
}

/** What an undo needs of a logged entry: its card and time. */
type Logged = { card: string; time: number };
