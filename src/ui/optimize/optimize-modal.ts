/**
 * "Optimize FSRS parameters": trains on the review log in a worker with a progress bar and a
 * cancel button, then shows the reviews used and log loss and RMSE(bins) before → after, and
 * applies the parameters (all decks, or one deck's preset) only when the user says so.
 */
import { Modal, Notice, type App } from "obsidian";
import type { Evaluation } from "../../optimize/evaluate";
import type { OptimizeResult } from "../../optimize/worker-protocol";
import { presetsWithParameters } from "../../settings/deck-presets";
import type { MergedLog } from "../../stats/merge";
import type { PluginServices } from "../services";
import { runOptimizer, type OptimizerRun, type WorkerFactory } from "./optimizer-client";

export class OptimizeModal extends Modal {
	private run: OptimizerRun | null = null;
	private log: MergedLog | null = null;
	private deck = "";

	constructor(
		app: App,
		private readonly services: PluginServices,
		private readonly readLog: () => Promise<MergedLog>,
		private readonly factory?: WorkerFactory,
	) {
		super(app);
	}

	override onOpen(): void {
		this.setTitle("Optimize your scheduling parameters");
		void this.showStart();
	}

	override onClose(): void {
		this.run?.cancel();
		this.run = null;
		this.contentEl.empty();
	}

	private async showStart(): Promise<void> {
		const el = this.contentEl;
		el.empty();
		el.addClass("sn-optimize");
		el.createEl("p", { text: "Fits the scheduler to your own review history, on this device. The editor stays usable meanwhile." });
		try {
			this.log = await this.readLog();
		} catch (error) {
			el.createEl("p", { cls: "sn-optimize-error", text: `The review history could not be read: ${String(error)}` });
			return;
		}
		const decks = [...new Set(this.log.reviews.map((r) => r.deck).filter((d) => d !== ""))].sort();
		const select = el.createEl("select", { cls: "dropdown", attr: { "aria-label": "Deck" } });
		select.createEl("option", { text: "All decks", value: "" });
		for (const deck of decks) select.createEl("option", { text: deck, value: deck });
		select.value = this.deck;
		select.addEventListener("change", () => (this.deck = select.value));
		const start = el.createEl("button", { text: "Start", cls: "mod-cta" });
		start.addEventListener("click", () => this.start());
	}

	private start(): void {
		if (!this.log) return;
		const el = this.contentEl;
		el.empty();
		const status = el.createEl("p", { text: "Training…" });
		const bar = el.createEl("progress", { cls: "sn-optimize-progress", attr: { max: "1", value: "0" } });
		const cancel = el.createEl("button", { text: "Cancel" });
		const settings = this.services.settings();
		const log = this.log;
		const run = runOptimizer(
			{
				type: "train",
				log: { reviews: log.reviews, cram: log.cram, actions: log.actions },
				dayStartHour: settings.nextDayStartsAt,
				current: this.currentParameters(),
				...(this.deck === "" ? {} : { deck: this.deck }),
			},
			(done, total) => {
				bar.max = Math.max(1, total);
				bar.value = done;
				status.setText(`Training… ${Math.round((done / Math.max(1, total)) * 100)}%`);
			},
			this.factory,
		);
		this.run = run;
		cancel.addEventListener("click", () => run.cancel());
		void run.outcome.then((outcome) => {
			if (this.run !== run) return;
			this.run = null;
			if (outcome.kind === "done") this.showResult(outcome.result);
			else if (outcome.kind === "cancelled") void this.showStart();
			else {
				el.empty();
				const text =
					outcome.kind === "too-few"
						? `Not enough reviews yet: ${outcome.predictions} answers on a later day than the card's previous one, at least 64 are needed.` +
							(outcome.cardsBeforeLog > 0 ? ` ${outcome.cardsBeforeLog} cards were reviewed before the history was kept and cannot be used.` : "")
						: `The optimizer stopped: ${outcome.message}`;
				el.createEl("p", { cls: "sn-optimize-error", text });
			}
		});
	}

	/** The parameters in use for the chosen scope now (empty = defaults). */
	private currentParameters(): number[] {
		const settings = this.services.settings();
		if (this.deck !== "") {
			const own = settings.deckPresets.find((p) => p.deck.toLowerCase() === this.deck.toLowerCase());
			if (own?.parameters) return own.parameters;
		}
		return settings.fsrsParameters;
	}

	private showResult(result: OptimizeResult): void {
		const el = this.contentEl;
		el.empty();
		el.createEl("p", { text: `Reviews used: ${result.reviews} (${result.predictions} predictions, ${result.cards} cards).` });
		if (result.cardsBeforeLog > 0)
			el.createEl("p", { text: `${result.cardsBeforeLog} cards were reviewed before the history was kept and were left out.` });
		const table = el.createEl("table", { cls: "sn-optimize-figures" });
		const head = table.createEl("tr");
		for (const title of ["", "Before", "After"]) head.createEl("th", { text: title });
		row(table, "Log loss", result.before, result.after, (e) => e.logLoss.toFixed(4));
		row(table, "RMSE (bins)", result.before, result.after, (e) => `${(e.rmseBins * 100).toFixed(2)}%`);
		el.createEl("p", {
			cls: "sn-optimize-note",
			text: "Each figure scores your later answers with parameters fitted only on the answers before them.",
		});
		const better = result.after.logLoss < result.before.logLoss;
		el.createEl("p", {
			text: better
				? "Lower is better: the new parameters predict your answers better."
				: "The parameters in use predict your answers as well or better; applying is not advised.",
		});
		const scope = this.deck === "" ? "all decks" : `deck ${this.deck} and its sub-decks`;
		const apply = el.createEl("button", { text: `Apply to ${scope}`, cls: better ? "mod-cta" : "" });
		apply.addEventListener("click", () => void this.apply(result.parameters));
		const close = el.createEl("button", { text: "Close" });
		close.addEventListener("click", () => this.close());
	}

	private async apply(parameters: number[]): Promise<void> {
		const rounded = parameters.map((w) => Math.round(w * 10_000) / 10_000);
		if (this.deck === "") await this.services.updateSettings({ fsrsParameters: rounded });
		else await this.services.updateSettings({ deckPresets: presetsWithParameters(this.services.settings().deckPresets, this.deck, rounded) });
		new Notice(`Spaced Notes: new FSRS parameters applied to ${this.deck === "" ? "all decks" : this.deck}.`);
		this.close();
	}
}

function row(table: HTMLTableElement, name: string, before: Evaluation, after: Evaluation, format: (e: Evaluation) => string): void {
	const tr = table.createEl("tr");
	tr.createEl("td", { text: name });
	tr.createEl("td", { text: format(before) });
	tr.createEl("td", { text: format(after) });
}
