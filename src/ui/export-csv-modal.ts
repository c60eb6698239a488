/**
 * Asks where the optimizer CSV goes: a vault path, proposed in a folder of its own rather than
 * the vault's root. The path is normalized (`normalizePath`) and must name a .csv file.
 */
import { Modal, normalizePath, Setting, type App } from "obsidian";

/** The path the export proposes. */
export const DEFAULT_CSV_PATH = "Spaced Notes/review-log.csv";

/** A vault path for the export, or a message saying what is wrong with `raw`. */
export function csvPathOf(raw: string): { ok: true; path: string } | { ok: false; message: string } {
	const path = normalizePath(raw.trim());
	if (path === "" || path === "/") return { ok: false, message: "Enter a path in the vault, such as Spaced Notes/review-log.csv." };
	if (!path.toLowerCase().endsWith(".csv")) return { ok: false, message: "The file name must end in .csv." };
	if (path.split("/").some((part) => part === ".." || part === ".")) return { ok: false, message: "The path must stay inside the vault." };
	return { ok: true, path };
}

export class ExportCsvModal extends Modal {
	private value: string;

	constructor(
		app: App,
		initial: string,
		private readonly onExport: (path: string) => void,
	) {
		super(app);
		this.value = initial;
	}

	override onOpen(): void {
		this.setTitle("Export the review log for the optimizer");
		const { contentEl } = this;
		contentEl.addClass("sn-export-csv");
		const error = contentEl.createDiv({ cls: "sn-export-csv-error", attr: { role: "alert" } });
		new Setting(contentEl)
			.setName("File")
			.setDesc("A path in the vault. Missing folders are created; an existing file is replaced.")
			.addText((text) => {
				text.setValue(this.value).onChange((value) => (this.value = value));
				text.inputEl.addClass("sn-export-csv-path");
			});
		new Setting(contentEl)
			.addButton((button) => button.setButtonText("Cancel").onClick(() => this.close()))
			.addButton((button) =>
				button
					.setButtonText("Export")
					.setCta()
					.onClick(() => {
						const checked = csvPathOf(this.value);
						if (!checked.ok) {
							error.setText(checked.message);
							return;
						}
						this.close();
						this.onExport(checked.path);
					}),
			);
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}
