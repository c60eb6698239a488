/**
 * Cards due per local day over the whole index: what SM-2 load balancing spreads new due dates
 * against (suspended siblings are not due). The caller keeps the map and adds each answer's new due day during a session.
 */
import { dueDay } from "../schedule/status";
import type { CardIndex } from "./card-index";
import { isSuspended } from "./status-keys";

export function dueCountsByDay(index: CardIndex, dayStartHour: number): Map<string, number> {
	const counts = new Map<string, number>();
	const add = (day: string | null, count: number) => {
		if (day !== null && count > 0) counts.set(day, (counts.get(day) ?? 0) + count);
	};
	if (dayStartHour !== index.dayStartHour) {
		// Status classes hold due days of the index's hour: read every segment instead.
		for (const file of index.files()) {
			for (const card of file.readCards()) {
				for (const segment of card.segments)
					if (segment.kind === "ok" && segment.schedule !== null && !isSuspended(segment)) add(dueDay(segment.schedule, dayStartHour), 1);
			}
		}
		return counts;
	}
	// Every sibling of a status class has the same due day: count classes, then days.
	const perClass: number[] = [];
	for (const file of index.files()) for (const id of file.classes) perClass[id] = (perClass[id] ?? 0) + 1;
	perClass.forEach((count, id) => {
		const segment = index.classRepresentative(id);
		if (segment.kind === "ok" && segment.schedule !== null && !isSuspended(segment)) add(dueDay(segment.schedule, dayStartHour), count);
	});
	return counts;
}
