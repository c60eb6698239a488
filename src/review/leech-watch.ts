/**
 * Leeches during a review (docs/scheduling.md, "Leeches"): after an answer that brings a
 * sibling's lapses to `leechThreshold`, it is suspended in its note (`leechAction: "suspend"`) or
 * only reported ("mark": the index shows it as a leech from its lapses). FSRS siblings count their
 * lapses in the comment; SM-2 siblings in the review log (read once per session, then counted on).
 */
import type { Card } from "../model/card";
import { Rating } from "../model/schedule";
import { becameLeech, lapsesOf } from "../schedule/leech";
import { cardId } from "../stats/card-id";
import { lapsesByCard } from "../stats/lapses";
import type { ReviewDeps } from "./ports";
import type { AnswerRecord } from "./session";

export class LeechWatch {
	/** SM-2 lapses per card id from the log, counted on with this session's answers; null until needed. */
	private sm2: Map<string, number> | null = null;

	constructor(private readonly deps: Pick<ReviewDeps, "log" | "settings">) {}

	/** Whether `record`'s answer to `card` (as it was shown) just made its sibling a leech. */
	async becameLeech(record: AnswerRecord, card: Card): Promise<boolean> {
		const threshold = this.deps.settings().leechThreshold;
		const schedule = record.schedule;
		// A cram answer (no schedule) changes no lapse count.
		if (schedule === null) return false;
		if (schedule.type === "fsrs") return becameLeech(lapsesOf(record.previous), schedule.lapses, threshold);
		// SM-2: a lapse is "Again" on a review; the comment has no count, the log has.
		if (record.rating !== Rating.Again || record.kind !== "review") return false;
		const counts = await this.sm2Lapses();
		const id = cardId(record.item.file, card.source, record.item.sibling);
		const before = counts.get(id) ?? 0;
		counts.set(id, before + 1);
		return becameLeech(before, before + 1, threshold);
	}

	private async sm2Lapses(): Promise<Map<string, number>> {
		if (this.sm2) return this.sm2;
		let counts = new Map<string, number>();
		try {
			if (this.deps.log?.readAll) counts = lapsesByCard(await this.deps.log.readAll());
		} catch {
			// Without a readable log, lapses are counted from this session on.
		}
		this.sm2 ??= counts;
		return this.sm2;
	}
}
