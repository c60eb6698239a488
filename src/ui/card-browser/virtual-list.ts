/**
 * A virtualised list of fixed-height rows: only the rows in view, plus a few above and below
 * (overscan), exist in the DOM, positioned inside a spacer as tall as every row together. Works
 * the same with a mouse wheel and with touch scrolling (phones): it only reads `scrollTop`.
 * Row elements are made once and reused: a redraw (a search keystroke) only rewrites their
 * cells' text, and a scroll moves the rows that left the view to the positions that entered it.
 */

export interface VirtualListOptions {
	/** Height of every row, px (fixed: positions are computed, never measured). */
	rowHeight: number;
	/** Rows drawn beyond each edge of the view. */
	overscan: number;
	/** A new row element (the list positions it and reuses it for other items). */
	createRow(): HTMLElement;
	/** Shows the item at `position` in a row element (made by `createRow`, maybe showing another item). */
	updateRow(el: HTMLElement, position: number): void;
	/** Height used while the list is not laid out yet (no height measured). */
	fallbackHeight?: number;
}

export class VirtualList {
	readonly scroller: HTMLElement;
	private readonly spacer: HTMLElement;
	private readonly drawn = new Map<number, HTMLElement>();
	/** Row elements out of view, out of the DOM, kept for reuse. */
	private readonly spare: HTMLElement[] = [];
	private count = 0;
	private frame: number | null = null;

	constructor(
		parent: HTMLElement,
		private readonly options: VirtualListOptions,
	) {
		this.scroller = parent.createDiv({ cls: "sn-vlist", attr: { role: "rowgroup", tabindex: "-1" } });
		this.spacer = this.scroller.createDiv("sn-vlist-spacer");
		this.scroller.setCssProps({ "--sn-vlist-row-height": `${options.rowHeight}px` });
		this.scroller.addEventListener("scroll", () => this.schedule(), { passive: true });
	}

	/** Number of items. */
	get length(): number {
		return this.count;
	}

	/** Sets the number of items and redraws every visible row. */
	setCount(count: number): void {
		this.count = count;
		this.spacer.setCssProps({ "--sn-vlist-height": `${count * this.options.rowHeight}px` });
		if (this.drawn.size === 0 && this.spare.length === 0) {
			// The first rows: only those in view now, the overscan in the next frame.
			this.draw(true, 0);
			this.schedule();
		} else this.redraw();
	}

	/** Redraws the visible rows (the items changed, not their number). */
	redraw(): void {
		this.draw(true);
	}

	/** The item position of a row element, or of the row that contains `target`; -1 when none. */
	positionOf(target: EventTarget | null): number {
		const el = target instanceof Element ? target.closest<HTMLElement>(".sn-vlist-row") : null;
		return el && this.scroller.contains(el) ? Number(el.dataset.position) : -1;
	}

	/** Scrolls so that the item at `position` is in view. */
	reveal(position: number): void {
		const top = position * this.options.rowHeight;
		const height = this.viewHeight();
		if (top < this.scroller.scrollTop) this.scroller.scrollTop = top;
		else if (top + this.options.rowHeight > this.scroller.scrollTop + height) this.scroller.scrollTop = top + this.options.rowHeight - height;
		this.draw();
	}

	/** The positions drawn now (first, last inclusive), or null when none is. */
	drawnRange(): { first: number; last: number } | null {
		const { first, last } = this.range();
		return last < first ? null : { first, last };
	}

	/** The drawn row element of `position`, if it is drawn. */
	rowEl(position: number): HTMLElement | undefined {
		return this.drawn.get(position);
	}

	destroy(): void {
		if (this.frame !== null) window.cancelAnimationFrame(this.frame);
		this.frame = null;
		this.scroller.remove();
	}

	private schedule(): void {
		if (this.frame !== null) return;
		this.frame = window.requestAnimationFrame(() => {
			this.frame = null;
			this.draw();
		});
	}

	private viewHeight(): number {
		return this.scroller.clientHeight || this.options.fallbackHeight || 600;
	}

	private range(overscan = this.options.overscan): { first: number; last: number } {
		const { rowHeight } = this.options;
		const top = this.scroller.scrollTop;
		const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
		const last = Math.min(this.count - 1, Math.ceil((top + this.viewHeight()) / rowHeight) + overscan - 1);
		return { first, last };
	}

	/** Draws the rows now in range: rows that left it are reused for the positions that entered it. */
	private draw(all = false, overscan?: number): void {
		const { first, last } = this.range(overscan);
		for (const [position, el] of this.drawn) {
			if (position < first || position > last) {
				this.drawn.delete(position);
				el.remove();
				this.spare.push(el);
			}
		}
		for (let position = first; position <= last; position++) {
			const shown = this.drawn.get(position);
			if (shown) {
				if (all) this.options.updateRow(shown, position);
				continue;
			}
			let el = this.spare.pop();
			if (!el) {
				el = this.options.createRow();
				el.addClass("sn-vlist-row");
			}
			this.spacer.appendChild(el);
			el.dataset.position = String(position);
			el.setCssProps({ "--sn-vlist-top": `${position * this.options.rowHeight}px` });
			this.options.updateRow(el, position);
			this.drawn.set(position, el);
		}
	}
}
