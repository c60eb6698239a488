/**
 * The small chip that stands in for a scheduling comment (Live Preview and reading view).
 * Obsidian shows an element's `aria-label` as its tooltip, so the stored numbers go there.
 */
import type { ChipLabel } from "../schedule/chip-label";

export interface ScheduleChipOptions {
	/** Called on a primary click; the chip is then a button (focusable, Enter/Space activate it). */
	onClick?: (event: MouseEvent | KeyboardEvent) => void;
	/** Called on a secondary click (context menu), e.g. to show the card's actions. */
	onMenu?: (event: MouseEvent) => void;
}

/** Creates a detached chip `span.sn-chip.sn-chip-<state>`; append it where it belongs. */
export function createScheduleChip(label: ChipLabel, options: ScheduleChipOptions = {}): HTMLElement {
	const chip = createSpan({ cls: ["sn-chip", `sn-chip-${label.state}`], text: label.text, attr: { "aria-label": label.title } });
	const onClick = options.onClick;
	if (onClick) {
		chip.addClass("sn-chip-clickable");
		chip.setAttr("role", "button");
		chip.setAttr("tabindex", "0");
		// The press is kept from the editor (it would move the cursor into the comment), but the
		// chip acts on the click: a tap that slides away, or a press near a line end, does nothing.
		chip.addEventListener("mousedown", (event) => {
			if (event.button !== 0) return;
			event.preventDefault();
			event.stopPropagation();
		});
		chip.addEventListener("click", (event) => {
			if (event.button !== 0) return;
			event.preventDefault();
			event.stopPropagation();
			onClick(event);
		});
		chip.addEventListener("keydown", (event) => {
			if (event.key !== "Enter" && event.key !== " ") return;
			event.preventDefault();
			onClick(event);
		});
	}
	const onMenu = options.onMenu;
	if (onMenu) {
		chip.addEventListener("contextmenu", (event) => {
			event.preventDefault();
			event.stopPropagation();
			onMenu(event);
		});
	}
	return chip;
}

/** A chip showing the raw comment text, for the "raw" display setting in reading view. */
export function createRawCommentChip(raw: string): HTMLElement {
	return createSpan({ cls: ["sn-chip", "sn-chip-raw"], text: raw });
}
