/**
 * Cards due per local day over the whole index: what SM-2 load balancing spreads new due dates
 * against. The caller keeps the map and adds each answer's new due day during a session.
 */
import { dueDay } from "../schedule/status";
import type { CardIndex } from "./card-index";

export function dueCountsByDay(index: CardIndex, dayStartHour: number): Map<string, number> {
	const counts = new Map<string, number>();
	for (const file of index.files()) {
		for (const card of file.cards) {
			for (const segment of card.segments) {
				if (segment.kind !== "ok" || segment.schedule === null) continue;
				const day = dueDay(segment.schedule, dayStartHour);
				if (day !== null) counts.set(day, (counts.get(day) ?? 0) + 1);
			}
		}
	}
	return counts;
}
