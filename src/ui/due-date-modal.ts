/**
 * "Set due date…": one text field for "in 3 days", "2026-02-01", a range "2026-02-01..2026-02-10"
 * or "3-7" (docs/cli.md, "set"); Enter sets it, a text that cannot be read says why and stays.
 */
import { Modal, Setting, type App } from "obsidian";

export class DueDateModal extends Modal {
	private value = "";
	private errorEl: HTMLElement | null = null;

	/** @param submit sets the due date; resolves with a message when the text cannot be read, else null */
	constructor(
		app: App,
		private readonly count: number,
		private readonly submit: (when: string) => Promise<string | null>,
	) {
		super(app);
	}

	override onOpen(): void {
		this.setTitle(this.count === 1 ? "Set the due date" : `Set the due date of ${this.count} cards`);
		new Setting(this.contentEl)
			.setName("Due")
			.setDesc("In 3 days, 2026-02-01, a range 2026-02-01..2026-02-10 or 3-7 days (spread evenly).")
			.addText((text) => {
				text.setPlaceholder("In 3 days").onChange((value) => (this.value = value));
				text.inputEl.addEventListener("keydown", (event) => {
					if (event.key !== "Enter") return;
					event.preventDefault();
					void this.done();
				});
				window.setTimeout(() => text.inputEl.focus(), 0);
			});
		this.errorEl = this.contentEl.createDiv({ cls: "sn-due-error" });
		new Setting(this.contentEl).addButton((button) =>
			button
				.setButtonText("Set due date")
				.setCta()
				.onClick(() => void this.done()),
		);
	}

	override onClose(): void {
		this.contentEl.empty();
	}

	private async done(): Promise<void> {
		const problem = await this.submit(this.value);
		if (problem === null) this.close();
		else this.errorEl?.setText(problem);
	}
}
