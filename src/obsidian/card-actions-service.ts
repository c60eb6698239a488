/**
 * The plugin's card actions (`CardActions` of ui/services.ts): the core `CardManager` over the
 * vault's notes and review log, the buried siblings of today saved in the plugin's data, and a
 * notice that names the plugin and says what changed.
 */
import { Notice } from "obsidian";
import { localDay } from "../model/days";
import { BuriedSiblings } from "../review/buried";
import { CardManager, UNDO_DEPTH, type ActionReport, type ActionSubject } from "../review/card-manager";
import { parseDueSpec, spreadDueDays } from "../review/due-spec";
import type { ReviewLog } from "../review/ports";
import type { NoteStore } from "../review/ports";
import type { SpacedNotesSettings } from "../settings/settings";
import { cardId } from "../stats/card-id";
import type { CardAction } from "../writeback/card-actions";
import { marksOf } from "../writeback/card-actions";
import type { CardActions } from "../ui/services";
import type { ParsedNote } from "../model/card";

export interface CardActionsHost {
	notes: NoteStore;
	settings(): SpacedNotesSettings;
	now(): Date;
	log?: ReviewLog;
	/** A note the plugin wrote, with its verifying parse (the index takes it at once). */
	written(path: string, text: string, note: ParsedNote): void;
	/** Saves the buried siblings (with the settings, in the plugin's data). */
	saveBuried(): Promise<void>;
}

/** A notice that names the plugin. */
function say(text: string): Notice {
	return new Notice(`Spaced Notes: ${text}`);
}

const FLAG_NAMES = ["", "red", "orange", "green", "blue", "pink", "turquoise", "purple"];

export class PluginCardActions implements CardActions {
	private readonly manager: CardManager;
	/** What {@link undo} takes back, newest last: a batch of the manager's (written notes), or a bury. */
	private readonly undoable: ("notes" | { buried: string[] })[] = [];

	constructor(
		private readonly host: CardActionsHost,
		readonly buried: BuriedSiblings,
	) {
		this.manager = new CardManager({
			notes: host.notes,
			settings: () => host.settings(),
			now: () => host.now(),
			// Read when used: the host's log may be set after this is made.
			get log() {
				return host.log;
			},
			written: (path, text, note) => host.written(path, text, note),
		});
	}

	async apply(subjects: readonly ActionSubject[], action: CardAction, what = describe(action)): Promise<ActionReport> {
		const report = await this.manager.apply(subjects, action);
		if (report.undoable) this.remember("notes");
		const changed = report.done.filter((d) => d.changed).length;
		const failed = report.failed.map((f) => `${f.path}: ${f.message}`).join("\n");
		say(`${what} ${changed === 1 ? "1 card" : `${changed} cards`}.${failed ? `\n${failed}` : ""}`);
		return report;
	}

	toggleSuspend(subjects: readonly ActionSubject[]): Promise<ActionReport> {
		const all = subjects.length > 0 && subjects.every((s) => marksOf(s.card.siblings[s.sibling]).suspended);
		return this.apply(subjects, { kind: all ? "unsuspend" : "suspend" });
	}

	toggleFlag(subjects: readonly ActionSubject[], flag: number): Promise<ActionReport> {
		const all = subjects.length > 0 && subjects.every((s) => marksOf(s.card.siblings[s.sibling]).flag === flag);
		return this.apply(subjects, { kind: "flag", flag: all ? 0 : flag });
	}

	async setDue(subjects: readonly ActionSubject[], when: string): Promise<ActionReport | string> {
		const today = localDay(this.host.now(), this.host.settings().nextDayStartsAt);
		const spec = parseDueSpec(when, today);
		if (typeof spec === "string") return spec;
		const days = spreadDueDays(spec, subjects.length, today);
		const report = await this.manager.apply(subjects, (_s, i) => ({ kind: "set-due", due: days[i] }));
		if (report.undoable) this.remember("notes");
		const changed = report.done.filter((d) => d.changed).length;
		const range = spec.first === spec.last ? spec.first : `${spec.first} to ${spec.last}`;
		say(
			`${changed === 1 ? "1 card" : `${changed} cards`} due ${range}.${report.failed.length ? `\n${report.failed.map((f) => f.message).join("\n")}` : ""}`,
		);
		return report;
	}

	bury(subjects: readonly ActionSubject[]): void {
		const today = this.today();
		const ids = subjects.map((s) => cardId(s.path, s.card.source, s.sibling));
		for (const id of ids) this.buried.bury(id, today);
		this.remember({ buried: ids });
		void this.host.saveBuried().catch(() => say("the buried cards could not be saved; they stay buried until the app closes."));
		say(`buried ${ids.length === 1 ? "1 card" : `${ids.length} cards`} until tomorrow.`);
	}

	isBuried(subject: ActionSubject): boolean {
		return this.buried.isBuried(cardId(subject.path, subject.card.source, subject.sibling), this.today());
	}

	/** Whether a card id is buried today (what a review leaves out). */
	isBuriedId(id: string): boolean {
		return this.buried.isBuried(id, this.today());
	}

	/** Undoes the newest action not undone yet (earlier ones on later calls). */
	async undo(): Promise<boolean> {
		const last = this.undoable.pop();
		if (last === undefined) {
			say("no card action to undo.");
			return false;
		}
		if (last !== "notes") {
			for (const id of last.buried) this.buried.unbury(id, this.today());
			await this.host.saveBuried().catch(() => undefined);
			say("the cards are no longer buried.");
			return true;
		}
		const failed = await this.manager.undo();
		if (failed === null) return false;
		say(
			failed.length === 0 ? "the card action was undone." : `not everything could be undone.\n${failed.map((f) => `${f.path}: ${f.message}`).join("\n")}`,
		);
		return failed.length === 0;
	}

	/**
	 * Keeps an action for undo, at most as many as the manager keeps batches. Both drop their oldest,
	 * so the n-th newest "notes" here is always the manager's n-th newest batch.
	 */
	private remember(action: "notes" | { buried: string[] }): void {
		this.undoable.push(action);
		if (this.undoable.length > UNDO_DEPTH) this.undoable.shift();
	}

	private today(): string {
		return localDay(this.host.now(), this.host.settings().nextDayStartsAt);
	}
}

/** What the notice says an action did. */
function describe(action: CardAction): string {
	switch (action.kind) {
		case "suspend":
			return "suspended";
		case "unsuspend":
			return "unsuspended";
		case "flag":
			return action.flag === 0 ? "removed the flag of" : `flagged ${FLAG_NAMES[action.flag] ?? action.flag}`;
		case "reset":
			return "reset to new";
		case "forget":
			return "forgot";
		case "set-due":
			return `set due ${action.due} for`;
	}
}
