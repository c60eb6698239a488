/**
 * "Deck presets" (docs/scheduling.md, "Deck presets"): a deck's own desired retention, learning
 * and relearning steps, and whether it keeps personal parameters (set by "Optimize"). Nothing is
 * saved until every row reads as a valid preset; the settings' own check gives the message.
 */
import { Modal, type App } from "obsidian";
import { checkPresets } from "../../settings/read-presets";
import type { DeckPreset } from "../../settings/settings";
import type { PluginServices } from "../services";

/** One row as typed: texts, so a half-typed value is kept until it is saved or fixed. */
interface DraftRow {
	deck: string;
	retention: string;
	learning: string;
	relearning: string;
	parameters: number[] | undefined;
}

export class DeckPresetsModal extends Modal {
	private rows: DraftRow[];

	constructor(
		app: App,
		private readonly services: Pick<PluginServices, "settings" | "updateSettings">,
	) {
		super(app);
		this.rows = services.settings().deckPresets.map((p) => ({
			deck: p.deck,
			retention: p.desiredRetention === undefined ? "" : String(p.desiredRetention),
			learning: (p.learningSteps ?? []).join(", "),
			relearning: (p.relearningSteps ?? []).join(", "),
			parameters: p.parameters,
		}));
	}

	override onOpen(): void {
		this.setTitle("Deck presets");
		this.draw();
	}

	override onClose(): void {
		this.contentEl.empty();
	}

	private draw(): void {
		const el = this.contentEl;
		el.empty();
		el.addClass("sn-presets");
		el.createEl("p", {
			text: "A deck and its sub-decks can schedule differently. Leave a field empty to use the global setting. A card in several decks uses its first deck's preset.",
		});
		const list = el.createDiv("sn-presets-list");
		if (this.rows.length === 0) list.createEl("p", { cls: "sn-presets-empty", text: "No deck has a preset yet." });
		this.rows.forEach((row, i) => this.drawRow(list.createDiv("sn-presets-row"), row, i));
		const error = el.createEl("p", { cls: "sn-presets-error", attr: { role: "alert" } });
		const buttons = el.createDiv("modal-button-container");
		const add = buttons.createEl("button", { text: "Add a deck" });
		add.addEventListener("click", () => {
			this.rows.push({ deck: "", retention: "", learning: "", relearning: "", parameters: undefined });
			this.draw();
		});
		const save = buttons.createEl("button", { text: "Save", cls: "mod-cta" });
		save.addEventListener("click", () => void this.save(error));
	}

	private drawRow(el: HTMLElement, row: DraftRow, index: number): void {
		const field = (label: string, value: string, placeholder: string, set: (v: string) => void): void => {
			const input = el.createEl("input", { type: "text", value, placeholder, attr: { "aria-label": label } });
			input.addEventListener("input", () => set(input.value));
		};
		field("Deck", row.deck, "languages/spanish", (v) => (row.deck = v));
		field("Desired retention", row.retention, "global", (v) => (row.retention = v));
		field("Learning steps", row.learning, "global", (v) => (row.learning = v));
		field("Relearning steps", row.relearning, "global", (v) => (row.relearning = v));
		const params = el.createDiv("sn-presets-parameters");
		params.setText(row.parameters ? "Personal parameters" : "Global parameters");
		if (row.parameters) {
			const clear = params.createEl("button", { text: "Use global", attr: { "aria-label": `Use the global parameters for ${row.deck}` } });
			clear.addEventListener("click", () => {
				row.parameters = undefined;
				this.draw();
			});
		}
		const remove = el.createEl("button", { text: "Remove", attr: { "aria-label": `Remove the preset of ${row.deck || "this deck"}` } });
		remove.addEventListener("click", () => {
			this.rows.splice(index, 1);
			this.draw();
		});
	}

	/** Checks every row as the settings do; saves and closes, or says what is wrong. */
	private async save(error: HTMLElement): Promise<void> {
		const raw = this.rows.map((row) => draftToRaw(row));
		const checked = checkPresets(raw);
		if (!checked.ok) {
			error.setText(checked.error);
			return;
		}
		await this.services.updateSettings({ deckPresets: checked.value as DeckPreset[] });
		this.close();
	}
}

/** A row as stored settings would hold it: empty fields left out, numbers as numbers, steps as lists. */
function draftToRaw(row: DraftRow): Record<string, unknown> {
	const raw: Record<string, unknown> = { deck: row.deck };
	if (row.retention.trim() !== "") raw.desiredRetention = Number(row.retention.trim());
	const steps = (text: string) =>
		text
			.split(",")
			.map((s) => s.trim())
			.filter((s) => s !== "");
	if (row.learning.trim() !== "") raw.learningSteps = steps(row.learning);
	if (row.relearning.trim() !== "") raw.relearningSteps = steps(row.relearning);
	if (row.parameters) raw.parameters = row.parameters;
	return raw;
}
