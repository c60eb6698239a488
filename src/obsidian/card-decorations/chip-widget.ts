/**
 * The CodeMirror widget that replaces a scheduling comment with its chip. Widgets with the same
 * label compare equal, so an edit elsewhere keeps the chip's DOM in place.
 */
import { type EditorView, WidgetType } from "@codemirror/view";
import type { ChipLabel } from "../../schedule/chip-label";
import { createScheduleChip } from "../../ui/schedule-chip";

/** Called with the editor and the chip's element (and, for a context menu, its event); the receiver finds the card by position. */
export type ChipClickHandler = (view: EditorView, chip: HTMLElement, menu?: MouseEvent) => void;

export class ScheduleChipWidget extends WidgetType {
	constructor(
		readonly label: ChipLabel,
		/** Null: the chip is not a button, and a click places the cursor (showing the raw comment). */
		readonly onClick: ChipClickHandler | null,
	) {
		super();
	}

	override eq(other: ScheduleChipWidget): boolean {
		const a = this.label;
		const b = other.label;
		return a.text === b.text && a.title === b.title && a.state === b.state && (this.onClick === null) === (other.onClick === null);
	}

	toDOM(view: EditorView): HTMLElement {
		const onClick = this.onClick;
		const chip: HTMLElement = createScheduleChip(
			this.label,
			onClick ? { onClick: () => onClick(view, chip), onMenu: (event) => onClick(view, chip, event) } : {},
		);
		return chip;
	}

	// A clickable chip handles its own events; otherwise the editor places the cursor there.
	override ignoreEvent(): boolean {
		return this.onClick !== null;
	}
}
