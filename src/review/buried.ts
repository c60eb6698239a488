/**
 * "Bury until tomorrow" (docs/format.md, "Suspended and flagged cards"): not written in the note
 * but kept in the plugin's local state, as card ids (`stats/card-id.ts`) with the local day they
 * were buried on. A sibling is buried on that day only; the next day it is back by itself.
 */

/** What the plugin saves in its data: the day and the ids buried that day. */
export interface BuriedData {
	day: string;
	ids: string[];
}

export class BuriedSiblings {
	private day = "";
	private readonly ids = new Set<string>();

	/** From saved data; anything that is not `BuriedData` gives an empty set. */
	static from(data: unknown): BuriedSiblings {
		const buried = new BuriedSiblings();
		if (typeof data === "object" && data !== null) {
			const { day, ids } = data as Partial<BuriedData>;
			if (typeof day === "string" && Array.isArray(ids)) {
				buried.day = day;
				for (const id of ids) if (typeof id === "string") buried.ids.add(id);
			}
		}
		return buried;
	}

	/** Buries `id` on `today`; ids of an earlier day are dropped first. */
	bury(id: string, today: string): void {
		this.roll(today);
		this.ids.add(id);
	}

	/** Takes `id` out of today's buried siblings; false when it was not buried. */
	unbury(id: string, today: string): boolean {
		this.roll(today);
		return this.ids.delete(id);
	}

	/** Whether `id` is buried on `today`. */
	isBuried(id: string, today: string): boolean {
		return this.day === today && this.ids.has(id);
	}

	/** How many siblings are buried on `today`. */
	count(today: string): number {
		return this.day === today ? this.ids.size : 0;
	}

	/** What to save. */
	toData(): BuriedData {
		return { day: this.day, ids: [...this.ids] };
	}

	private roll(today: string): void {
		if (this.day === today) return;
		this.day = today;
		this.ids.clear();
	}
}
