/**
 * A virtualised list of fixed-height rows: only the rows in view, plus a few above and below
 * (overscan), exist in the DOM, positioned inside a spacer as tall as every row together. Works
 * the same with a mouse wheel and with touch scrolling (phones): it only reads `scrollTop`.
 */

export interface VirtualListOptions {
	/** Height of every row, px (fixed: positions are computed, never measured). */
	rowHeight: number;
	/** Rows drawn beyond each edge of the view. */
	overscan: number;
	/** Fills `el` (empty, reused) for the item at `position`. */
	renderRow(el: HTMLElement, position: number): void;
	/** Height used while the list is not laid out yet (no height measured). */
	fallbackHeight?: number;
}

export class VirtualList {
	readonly scroller: HTMLElement;
	private readonly spacer: HTMLElement;
	private readonly drawn = new Map<number, HTMLElement>();
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
		this.redraw();
	}

	/** Redraws the visible rows (the items changed, not their number). */
	redraw(): void {
		for (const el of this.drawn.values()) el.remove();
		this.drawn.clear();
		this.draw();
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

	private range(): { first: number; last: number } {
		const { rowHeight, overscan } = this.options;
		const top = this.scroller.scrollTop;
		const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
		const last = Math.min(this.count - 1, Math.ceil((top + this.viewHeight()) / rowHeight) + overscan - 1);
		return { first, last };
	}

	/** Draws the rows now in range and drops the ones that left it. */
	private draw(): void {
		const { first, last } = this.range();
		for (const [position, el] of this.drawn) {
			if (position < first || position > last) {
				el.remove();
				this.drawn.delete(position);
			}
		}
		for (let position = first; position <= last; position++) {
			if (this.drawn.has(position)) continue;
			const el = this.spacer.createDiv({ cls: "sn-vlist-row", attr: { role: "row", "data-position": String(position) } });
			el.setCssProps({ "--sn-vlist-top": `${position * this.options.rowHeight}px` });
			this.options.renderRow(el, position);
			this.drawn.set(position, el);
		}
	}
}
