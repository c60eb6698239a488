/**
 * The card browser's buttons: card info, open, select all, and the card-management actions the
 * plugin provides (suspend, unsuspend, flag, reset, set due), applied to every selected card.
 */
import { Notice, setIcon, type App } from "obsidian";
import type { BrowserActions, BrowserCardRef } from "../services";
import { FLAG_NAMES } from "./columns";
import { SetDueModal } from "./set-due-modal";

export interface ActionBarHost {
	/** The selected cards, in the order shown. */
	selected(): BrowserCardRef[];
	selectAll(): void;
	showInfo(): void;
	/** After an action changed notes (the index will follow; the browser may refresh sooner). */
	done(): void;
}

export class BrowserActionBar {
	private readonly needSelection: (HTMLButtonElement | HTMLSelectElement)[] = [];

	constructor(
		app: App,
		parent: HTMLElement,
		private readonly actions: BrowserActions,
		private readonly host: ActionBarHost,
	) {
		const bar = parent.createDiv({ cls: "sn-browser-actions", attr: { role: "toolbar", "aria-label": "Card actions" } });
		this.button(bar, "info", "Card info", () => host.showInfo());
		this.button(bar, "file-text", "Open", () => {
			const first = host.selected()[0];
			if (first) void this.run(async () => actions.open(first));
		});
		const all = bar.createEl("button", { cls: "sn-browser-action", text: "Select all", attr: { "aria-label": "Select all cards shown" } });
		all.addEventListener("click", () => host.selectAll());
		const { suspend, flag, reset, setDue } = actions;
		if (suspend) {
			this.button(bar, "pause", "Suspend", () => this.each((cards) => suspend(cards, true)));
			this.button(bar, "play", "Unsuspend", () => this.each((cards) => suspend(cards, false)));
		}
		if (flag) {
			const select = bar.createEl("select", { cls: "dropdown sn-browser-flag", attr: { "aria-label": "Flag the selected cards" } });
			select.createEl("option", { text: "Flag…", value: "" });
			FLAG_NAMES.forEach((name, n) => select.createEl("option", { text: n === 0 ? "No flag" : `${n} ${name}`, value: String(n) }));
			select.addEventListener("change", () => {
				const value = select.value;
				select.value = "";
				if (value !== "") this.each((cards) => flag(cards, Number(value)));
			});
			this.needSelection.push(select);
		}
		if (reset) this.button(bar, "rotate-ccw", "Reset", () => this.each((cards) => reset(cards)));
		if (setDue) {
			this.button(bar, "calendar", "Set due", () => {
				const cards = host.selected();
				if (cards.length > 0) new SetDueModal(app, (when) => void this.run(() => setDue(cards, when))).open();
			});
		}
		this.update(0);
	}

	/** Enables the buttons that act on a selection when there is one. */
	update(selected: number): void {
		for (const el of this.needSelection) el.disabled = selected === 0;
	}

	private button(bar: HTMLElement, icon: string, label: string, onClick: () => void): void {
		const button = bar.createEl("button", { cls: "sn-browser-action", attr: { "aria-label": label } });
		setIcon(button.createSpan("sn-browser-action-icon"), icon);
		button.createSpan({ cls: "sn-browser-action-label", text: label });
		button.addEventListener("click", onClick);
		this.needSelection.push(button);
	}

	private each(action: (cards: readonly BrowserCardRef[]) => Promise<void>): void {
		const cards = this.host.selected();
		if (cards.length > 0) void this.run(() => action(cards));
	}

	private async run(action: () => void | Promise<void>): Promise<void> {
		try {
			await action();
			this.host.done();
		} catch (error) {
			new Notice(`Spaced Notes: ${error instanceof Error ? error.message : String(error)}`);
		}
	}
}
