/**
 * Live Preview for cards: scheduling comments show as small chips (or nothing, or raw, by the
 * `commentDisplay` setting) unless the selection touches them, and card separators get a
 * subtle mark. Source mode shows the raw text. Nothing here ever changes the note.
 *
 * Speed: typing must not parse a 5,000-line note per keystroke. An edit typed by the user only
 * maps the existing marks through the change (cheap) and re-parses after a short idle delay;
 * other edits (undo, a file switch, the plugin's own write-back) re-parse at once. Decorations
 * are built for the visible ranges only.
 */
import { type EditorState, type Extension, StateEffect } from "@codemirror/state";
import { Decoration, type DecorationSet, type EditorView, type PluginValue, ViewPlugin, type ViewUpdate } from "@codemirror/view";
import { editorInfoField, editorLivePreviewField } from "obsidian";
import type { Card } from "../model/card";
import type { SpacedNotesSettings } from "../settings/settings";
import { CardDecorationModel, type CommentDisplay } from "./card-decorations/model";

/** What a chip click hands over: the note and the card (from the last parse). */
export interface CardChipClick {
	/** Vault path of the note ("" when the editor has no file). */
	path: string;
	card: Card;
	/** Set for a secondary click: show the card's actions at this event (docs/format.md, "Suspended and flagged cards"). */
	menu?: MouseEvent;
}

export interface CardLivePreviewOptions {
	/** The clock for chip labels (tests replace it). */
	now?: () => Date;
	/** Called when a chip is clicked; without it a click places the cursor in the comment. */
	onChipClick?: (info: CardChipClick) => void;
	/** Idle time after typing before the note is parsed again, in ms (default 200). */
	reparseDelayMs?: number;
}

/**
 * Dispatch this effect to make every editor re-parse at once, e.g. after the settings changed:
 * `view.dispatch({ effects: refreshCardDecorations.of(null) })`.
 */
export const refreshCardDecorations = StateEffect.define<null>();

const DEFAULT_DELAY_MS = 200;

function isLivePreview(state: EditorState): boolean {
	return state.field(editorLivePreviewField, false) === true;
}

function pathOf(state: EditorState): string {
	return state.field(editorInfoField, false)?.file?.path ?? "";
}

/** True when every document change in the update was typed or deleted by the user. */
function typedOnly(update: ViewUpdate): boolean {
	return update.transactions.every((tr) => !tr.docChanged || tr.isUserEvent("input") || tr.isUserEvent("delete"));
}

/**
 * The editor extension to register with `registerEditorExtension`.
 * @param getSettings read on every update (the display mode) and parse (parser settings)
 */
export function cardLivePreviewExtension(getSettings: () => SpacedNotesSettings, options: CardLivePreviewOptions = {}): Extension {
	const now = options.now ?? (() => new Date());
	const delay = options.reparseDelayMs ?? DEFAULT_DELAY_MS;
	const onChipClick = options.onChipClick;

	class CardLivePreview implements PluginValue {
		decorations: DecorationSet;
		private readonly model: CardDecorationModel;
		/** True when the marks may not match the text (no parse yet, or an edit since). */
		private stale = true;
		private timer: number | null = null;
		private display: CommentDisplay;
		private livePreview: boolean;

		constructor(private readonly view: EditorView) {
			this.model = new CardDecorationModel({
				getSettings,
				now,
				onChipClick: onChipClick ? (v, chip, menu) => this.chipClicked(v, chip, menu) : null,
			});
			this.display = getSettings().commentDisplay;
			this.livePreview = isLivePreview(view.state);
			this.decorations = this.build(view);
		}

		update(update: ViewUpdate): void {
			const livePreview = isLivePreview(update.state);
			const display = getSettings().commentDisplay;
			let rebuild = update.selectionSet || update.viewportChanged || livePreview !== this.livePreview || display !== this.display;
			this.livePreview = livePreview;
			this.display = display;
			if (update.docChanged) {
				this.model.mapChanges(update.changes);
				this.stale = true;
				rebuild = true;
				// Typing waits for a pause; anything else (undo, a new file, a write-back) parses now.
				if (typedOnly(update) && livePreview) this.schedule();
				else this.cancel();
			}
			// The refresh effect, or `workspace.updateOptions()` (a reconfiguration) after a settings change.
			if (update.transactions.some((tr) => tr.reconfigured || tr.effects.some((e) => e.is(refreshCardDecorations)))) {
				this.stale = true;
				rebuild = true;
				this.cancel();
			}
			if (rebuild) this.decorations = this.build(update.view, this.timer === null);
		}

		destroy(): void {
			this.cancel();
		}

		/** Decorations for the view; re-parses first when stale and `parseNow` allows it. */
		private build(view: EditorView, parseNow = true): DecorationSet {
			if (!this.livePreview) return Decoration.none;
			if (this.stale && parseNow) {
				this.model.reparse(view.state.doc, pathOf(view.state));
				this.stale = false;
			}
			return this.model.decorations(view.state, view.visibleRanges, this.display);
		}

		/** Re-parses after `delay` ms without further typing. */
		private schedule(): void {
			this.cancel();
			this.timer = window.setTimeout(() => {
				this.timer = null;
				// An empty transaction: `update` sees the timer gone and parses while rebuilding.
				this.view.dispatch({ effects: refreshCardDecorations.of(null) });
			}, delay);
		}

		private cancel(): void {
			if (this.timer !== null) window.clearTimeout(this.timer);
			this.timer = null;
		}

		private chipClicked(view: EditorView, chip: HTMLElement, menu?: MouseEvent): void {
			const card = this.model.cardAt(view.posAtDOM(chip));
			if (card && onChipClick) onChipClick({ path: this.model.path, card, menu });
		}
	}

	return ViewPlugin.fromClass(CardLivePreview, { decorations: (plugin) => plugin.decorations });
}
