/** Asks when the selected cards are due: "in 3 days", "2026-02-01", or a range such as "1-7". */
import { Modal, type App } from "obsidian";

export class SetDueModal extends Modal {
	constructor(
		app: App,
		private readonly onSubmit: (when: string) => void,
	) {
		super(app);
	}

	override onOpen(): void {
		this.setTitle("Set due date");
		const form = this.contentEl.createEl("form", { cls: "sn-set-due" });
		const input = form.createEl("input", {
			type: "text",
			placeholder: "In 3 days, 2026-02-01, or 1-7 to spread",
			attr: { "aria-label": "When the cards are due" },
		});
		form.createEl("button", { cls: "mod-cta", text: "Set", attr: { type: "submit" } });
		form.addEventListener("submit", (event) => {
			event.preventDefault();
			const when = input.value.trim();
			if (when === "") return;
			this.close();
			this.onSubmit(when);
		});
		input.focus();
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}
