/**
 * Which rows of the card browser are selected, as file managers do it: a click selects one row,
 * Ctrl/Cmd-click (or the row's checkbox) adds or removes one, Shift-click selects the range from
 * the last clicked row, and "select all" takes every row the search shows. Rows are kept by
 * their row number in the current table; positions are places in the shown (sorted, filtered) list.
 */

export interface ClickKeys {
	/** Shift: a range from the anchor. */
	range: boolean;
	/** Ctrl or Cmd: add or remove one. */
	toggle: boolean;
}

export class RowSelection {
	private readonly rows = new Set<number>();
	/** Position of the last plain or toggling click, where a Shift range starts. */
	private anchor: number | null = null;

	get size(): number {
		return this.rows.size;
	}

	has(row: number): boolean {
		return this.rows.has(row);
	}

	/** The selected rows in the order `shown` lists them. */
	selectedIn(shown: ArrayLike<number>): number[] {
		const out: number[] = [];
		for (let i = 0; i < shown.length; i++) if (this.rows.has(shown[i])) out.push(shown[i]);
		return out;
	}

	/** A click on the row at `position` of `shown`. */
	click(position: number, shown: ArrayLike<number>, keys: ClickKeys): void {
		const row = shown[position];
		if (row === undefined) return;
		if (keys.range && this.anchor !== null) {
			if (!keys.toggle) this.rows.clear();
			const [from, to] = this.anchor <= position ? [this.anchor, position] : [position, this.anchor];
			for (let p = from; p <= Math.min(to, shown.length - 1); p++) this.rows.add(shown[p]);
			return;
		}
		if (keys.toggle) {
			if (this.rows.has(row)) this.rows.delete(row);
			else this.rows.add(row);
		} else {
			this.rows.clear();
			this.rows.add(row);
		}
		this.anchor = position;
	}

	selectAll(shown: ArrayLike<number>): void {
		for (let i = 0; i < shown.length; i++) this.rows.add(shown[i]);
	}

	clear(): void {
		this.rows.clear();
		this.anchor = null;
	}

	/** Moves the selection to a new table: `map` gives each old row's new row, or -1 when it is gone. */
	remap(map: (row: number) => number): void {
		const old = [...this.rows];
		this.rows.clear();
		for (const row of old) {
			const next = map(row);
			if (next >= 0) this.rows.add(next);
		}
		this.anchor = null;
	}
}
