/**
 * "Custom study": Anki's filtered decks for a deck, a filter or the open note (docs/scheduling.md,
 * "Custom study"). The user picks the session (review ahead, cram, forgotten cards, extra new
 * cards today), the cards it takes and a number; Start hands the request to the review screen.
 */
import { Modal, Setting, type App } from "obsidian";
import { parseFilter } from "../../decks/filter";
import { buildDeckTree } from "../../index/deck-tree";
import { CUSTOM_STUDY_MAX_DAYS, type CustomStudy } from "../../review/custom-study";
import { EXTRA_NEW_MAX } from "../../review/extra-new";
import type { PluginServices } from "../services";
import { deckChoices } from "../deck-picker";
import { customStudyRequest, raiseNewLimitToday, scopeTitle, type StudyScope } from "./start-custom-study";

export type CustomStudyKind = CustomStudy["kind"] | "extra-new";

const KINDS: { kind: CustomStudyKind; label: string; unit: string; fallback: number; max: number; desc: string }[] = [
	{
		kind: "ahead",
		label: "Review ahead",
		unit: "Days ahead",
		fallback: 1,
		max: CUSTOM_STUDY_MAX_DAYS,
		desc: "Cards due in the next days, earliest first. Answers are real reviews and reschedule the cards.",
	},
	{
		kind: "cram",
		label: "Cram",
		unit: "",
		fallback: 0,
		max: 0,
		desc: "Every card, new and not yet due ones too. Schedules are not changed: answers only go to the review log.",
	},
	{
		kind: "forgotten",
		label: "Review forgotten cards",
		unit: "Days back",
		fallback: 1,
		max: CUSTOM_STUDY_MAX_DAYS,
		desc: "Cards you answered again lately. As in Anki, schedules are not changed: answers only go to the review log.",
	},
	{
		kind: "extra-new",
		label: "Extra new cards today",
		unit: "More new cards",
		fallback: 10,
		max: EXTRA_NEW_MAX,
		desc: "Raises today's new-card limit of the deck and its sub-decks, then starts a review. Tomorrow the usual limit is back.",
	},
];

/** What the modal opens with: a scope chosen beforehand (e.g. the deck list's row) and a kind. */
export interface CustomStudyStart {
	scope?: StudyScope;
	kind?: CustomStudyKind;
}

export class CustomStudyModal extends Modal {
	private kind: CustomStudyKind;
	private scopeValue: string;
	private numberText = "";
	private expression = "";
	private errorEl: HTMLElement | null = null;

	constructor(
		app: App,
		private readonly services: PluginServices,
		private readonly start: CustomStudyStart = {},
	) {
		super(app);
		this.kind = start.kind ?? "ahead";
		const scope = start.scope;
		this.scopeValue = scope === undefined || scope.kind === "all" ? "all" : scope.kind === "deck" ? `deck:${scope.deck}` : scope.kind;
	}

	override onOpen(): void {
		this.setTitle("Custom study");
		this.modalEl.addClass("sn-custom-study");
		this.render();
	}

	override onClose(): void {
		this.contentEl.empty();
	}

	private render(): void {
		const { contentEl } = this;
		contentEl.empty();
		const kind = KINDS.find((k) => k.kind === this.kind) ?? KINDS[0];
		new Setting(contentEl)
			.setName("Session")
			.setDesc(kind.desc)
			.addDropdown((dropdown) => {
				for (const k of KINDS) dropdown.addOption(k.kind, k.label);
				dropdown.setValue(this.kind).onChange((value) => {
					this.kind = value as CustomStudyKind;
					this.numberText = "";
					this.render();
				});
			});
		new Setting(contentEl).setName("Cards from").addDropdown((dropdown) => {
			for (const [value, label] of this.scopeOptions()) dropdown.addOption(value, label);
			dropdown.setValue(this.scopeValue).onChange((value) => {
				this.scopeValue = value;
				this.render();
			});
		});
		if (this.scopeValue === "expression") {
			new Setting(contentEl)
				.setName("Filter")
				.setDesc("The same expressions as saved filters, e.g. “#flashcards/docker due”.")
				.addText((text) => text.setValue(this.expression).onChange((value) => (this.expression = value)));
		}
		if (kind.unit !== "") {
			new Setting(contentEl).setName(kind.unit).addText((text) => {
				text.inputEl.type = "number";
				text.inputEl.min = "1";
				text.inputEl.max = String(kind.max);
				text.inputEl.addClass("sn-custom-study-number");
				text.setValue(this.numberText || String(kind.fallback)).onChange((value) => (this.numberText = value));
			});
		}
		this.errorEl = contentEl.createDiv({ cls: "sn-custom-study-error", attr: { role: "alert" } });
		new Setting(contentEl).addButton((button) => {
			button.setButtonText("Start").onClick(() => this.submit());
			button.buttonEl.addClass("mod-cta");
		});
	}

	/** The scopes offered: every card, the given scope, each deck, each saved filter, a filter typed here, the open note. */
	private scopeOptions(): [string, string][] {
		const options: [string, string][] = [["all", "All cards"]];
		const tree = buildDeckTree(this.services.indexer.index, this.services.now());
		for (const choice of deckChoices(tree)) if (choice.path !== "") options.push([`deck:${choice.path}`, `Deck: ${choice.path}`]);
		const given = this.start.scope;
		if (given?.kind === "deck" && !options.some(([value]) => value === `deck:${given.deck}`)) options.push([`deck:${given.deck}`, `Deck: ${given.deck}`]);
		if (given?.kind === "filter") options.push(["filter", `Filter: ${given.name}`]);
		this.services.settings().savedFilters.forEach((saved, i) => options.push([`saved:${i}`, `Saved filter: ${saved.name}`]));
		options.push(["expression", "A filter expression…"]);
		const note = this.openNote();
		if (given?.kind === "note") options.push(["note", `This note: ${given.name}`]);
		else if (note) options.push(["note", `This note: ${note.name}`]);
		return options;
	}

	/** The note open in the editor (a Markdown file), if any. */
	private openNote(): { path: string; name: string } | null {
		const file = this.app.workspace.getActiveFile();
		return file && file.extension === "md" ? { path: file.path, name: file.basename } : null;
	}

	/** The chosen scope, or a message saying what is wrong. */
	private chosenScope(): StudyScope | string {
		const value = this.scopeValue;
		if (value === "all") return { kind: "all" };
		if (value.startsWith("deck:")) return { kind: "deck", deck: value.slice("deck:".length) };
		if (value === "filter" && this.start.scope?.kind === "filter") return this.start.scope;
		if (value === "note") {
			if (this.start.scope?.kind === "note") return this.start.scope;
			const note = this.openNote();
			return note ? { kind: "note", ...note } : "Open a note first.";
		}
		const saved = value.startsWith("saved:") ? this.services.settings().savedFilters[Number(value.slice("saved:".length))] : undefined;
		const expression = saved ? saved.expression : this.expression;
		if (expression.trim() === "") return "Type a filter expression.";
		const parsed = parseFilter(expression);
		if (!parsed.ok) return `The filter cannot be read: ${parsed.error}`;
		return { kind: "filter", filter: parsed.filter, name: saved ? saved.name : expression.trim() };
	}

	private submit(): void {
		const scope = this.chosenScope();
		if (typeof scope === "string") return this.showError(scope);
		const kind = KINDS.find((k) => k.kind === this.kind) ?? KINDS[0];
		const text = (this.numberText || String(kind.fallback)).trim();
		const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
		if (kind.unit !== "" && !(n >= 1 && n <= kind.max)) return this.showError(`${kind.unit}: a whole number from 1 to ${kind.max}.`);
		if (this.kind === "extra-new") {
			if (scope.kind !== "deck" && scope.kind !== "all") return this.showError("Extra new cards raise the limit of a deck: choose a deck or all cards.");
			const deck = scope.kind === "deck" ? scope.deck : "";
			const settings = this.services.settings();
			raiseNewLimitToday(this.app, deck, n, this.services.now(), settings.nextDayStartsAt);
			this.close();
			this.services.startReview(deck === "" ? { title: "All cards" } : { title: scopeTitle(scope), deck });
			return;
		}
		const custom: CustomStudy = this.kind === "cram" ? { kind: "cram" } : { kind: this.kind, days: n };
		this.close();
		this.services.startReview(customStudyRequest(scope, custom));
	}

	private showError(message: string): void {
		this.errorEl?.setText(message);
	}
}
