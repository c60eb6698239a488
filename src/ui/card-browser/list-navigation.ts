/**
 * The card browser's cursor and selection, moved by the mouse and the keys: a click selects (with
 * Ctrl/Cmd or on the checkbox it toggles, with Shift it takes a range, see selection.ts); arrows,
 * Page Up/Down, Home and End move the cursor (Shift extends the selection); Enter opens the card
 * info, Ctrl/Cmd+A selects every row shown, Esc clears the selection. Positions are places in
 * the shown list; the browser draws.
 */
import { RowSelection } from "./selection";
import type { VirtualList } from "./virtual-list";

/** What the navigation needs from the browser. */
export interface NavigationHost {
	/** Row numbers in the order shown. */
	shown(): Int32Array;
	list(): VirtualList | null;
	/** The cursor or the selection changed: the rows in view and the status are drawn again. */
	redraw(): void;
	showInfo(row: number): void;
}

export class ListNavigation {
	readonly selection = new RowSelection();
	/** Position of the cursor in the shown list; -1 for none. */
	cursor = -1;

	constructor(
		private readonly host: NavigationHost,
		/** Height of a row, px: how far Page Up and Page Down move. */
		private readonly rowHeight: number,
	) {}

	/** Clicks on rows (one listener for the list): select, Ctrl/Cmd toggle, Shift range, checkbox toggle. */
	onListClick(event: MouseEvent): void {
		const position = this.host.list()?.positionOf(event.target) ?? -1;
		if (position < 0) return;
		const onCheckbox = event.target instanceof HTMLInputElement;
		this.click(position, { range: event.shiftKey, toggle: onCheckbox || event.ctrlKey || event.metaKey });
	}

	onKeyDown(event: KeyboardEvent): void {
		const shown = this.host.shown();
		const page = Math.max(1, Math.floor((this.host.list()?.scroller.clientHeight || 600) / this.rowHeight) - 1);
		if (event.key === "ArrowDown") this.moveCursor(this.cursor + 1, event.shiftKey);
		else if (event.key === "ArrowUp") this.moveCursor(this.cursor - 1, event.shiftKey);
		else if (event.key === "PageDown") this.moveCursor(this.cursor + page, event.shiftKey);
		else if (event.key === "PageUp") this.moveCursor(this.cursor - page, event.shiftKey);
		else if (event.key === "Home") this.moveCursor(0, event.shiftKey);
		else if (event.key === "End") this.moveCursor(shown.length - 1, event.shiftKey);
		else if (event.key === "Enter") this.host.showInfo(this.cursorRow());
		else if (event.key === "a" && (event.ctrlKey || event.metaKey)) this.selectAll();
		else if (event.key === "Escape") {
			this.selection.clear();
			this.host.redraw();
		} else return;
		event.preventDefault();
	}

	selectAll(): void {
		this.selection.selectAll(this.host.shown());
		this.host.redraw();
	}

	/** Moves the cursor to `position` (kept in the list) and selects its row; `extend` selects the range to it. */
	moveCursor(position: number, extend: boolean): void {
		const shown = this.host.shown();
		if (shown.length === 0) return;
		const next = Math.max(0, Math.min(shown.length - 1, position));
		this.click(next, { range: extend, toggle: false });
		this.host.list()?.reveal(next);
	}

	/** The row at the cursor, else the first selected row; -1 for none. */
	cursorRow(): number {
		const shown = this.host.shown();
		if (this.cursor >= 0 && this.cursor < shown.length) return shown[this.cursor];
		return this.selection.selectedIn(shown)[0] ?? -1;
	}

	private click(position: number, keys: { range: boolean; toggle: boolean }): void {
		this.selection.click(position, this.host.shown(), keys);
		this.cursor = position;
		this.host.redraw();
	}
}
