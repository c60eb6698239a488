/**
 * What Live Preview knows about the cards of the open note, kept cheap to update while typing:
 * the last parse (by the core parser) turned into a RangeSet of marks (chip, separator line,
 * inline separator). An edit maps the marks through the change — O(log n), no parsing — and the
 * caller re-parses later (see `card-live-preview.ts`). Decorations are built for the visible
 * ranges only, from the marks and the current selection.
 */
import { type ChangeDesc, type EditorState, type Range, RangeSet, RangeValue, type Text } from "@codemirror/state";
import { Decoration, type DecorationSet } from "@codemirror/view";
import { parseNote } from "../../cards/parse";
import type { Card } from "../../model/card";
import { cardChipLabel, type ChipLabel } from "../../schedule/chip-label";
import { localDay } from "../../model/days";
import type { SpacedNotesSettings } from "../../settings/settings";
import { type ChipClickHandler, ScheduleChipWidget } from "./chip-widget";
import { separatorOf } from "./separators";

export type CardMarkKind = "chip" | "separator-line" | "separator-inline";

/** One thing to decorate, tied to the card (index into the last parse) it belongs to. */
export class CardMark extends RangeValue {
	constructor(
		readonly kind: CardMarkKind,
		readonly card: number,
		readonly reversed: boolean,
	) {
		super();
	}

	// Text typed right before or after a mark stays outside it.
	override startSide = 1;
	override endSide = -1;

	override eq(other: RangeValue): boolean {
		return other instanceof CardMark && other.kind === this.kind && other.card === this.card && other.reversed === this.reversed;
	}
}

export type CommentDisplay = SpacedNotesSettings["commentDisplay"];

export interface CardModelConfig {
	getSettings: () => SpacedNotesSettings;
	now: () => Date;
	/** Null: chips are not buttons. */
	onChipClick: ChipClickHandler | null;
}

const lineDeco = {
	plain: Decoration.line({ class: "sn-card-separator" }),
	reversed: Decoration.line({ class: "sn-card-separator sn-card-separator-reversed" }),
};
const inlineDeco = {
	plain: Decoration.mark({ class: "sn-card-separator-inline" }),
	reversed: Decoration.mark({ class: "sn-card-separator-inline sn-card-separator-reversed" }),
};
const hiddenDeco = Decoration.replace({});

export class CardDecorationModel {
	private marks: RangeSet<CardMark> = RangeSet.of<CardMark>([]);
	private cards: Card[] = [];
	private labels: (ChipLabel | undefined)[] = [];
	private labelDay = "";
	/** Path of the last parse. */
	path = "";

	constructor(private readonly config: CardModelConfig) {}

	/** Parses the whole note with the core parser and replaces every mark. */
	reparse(doc: Text, path: string): void {
		this.path = path;
		const parsed = parseNote(doc.toString(), { path, settings: this.config.getSettings() });
		this.cards = parsed.cards;
		this.labels = [];
		this.marks = marksOf(doc, parsed.cards, this.config.getSettings());
	}

	/**
	 * Moves every mark through an edit. A mark whose own text the edit changed disappears at
	 * once (a half-typed comment must not hide behind a stale chip); the next parse restores it.
	 */
	mapChanges(changes: ChangeDesc): void {
		changes.iterChangedRanges((fromA, toA) => {
			this.marks = this.marks.update({ filterFrom: fromA, filterTo: toA, filter: (from, to, mark) => !touches(mark, from, to, fromA, toA) });
		});
		this.marks = this.marks.map(changes);
	}

	/** The card whose chip covers `pos`, from the last parse. */
	cardAt(pos: number): Card | null {
		let found: Card | null = null;
		this.marks.between(pos, pos, (_from, _to, mark) => {
			if (mark.kind !== "chip") return;
			found = this.cards[mark.card] ?? null;
			return false;
		});
		return found;
	}

	/** Number of marks (for tests and the benchmark). */
	get size(): number {
		return this.marks.size;
	}

	/**
	 * The decorations for `visible` (sorted, non-overlapping ranges): chips (or nothing, by
	 * `display`) over comments the selection does not touch, and separator marks.
	 */
	decorations(state: EditorState, visible: readonly { from: number; to: number }[], display: CommentDisplay): DecorationSet {
		const out: Range<Decoration>[] = [];
		// Labels are kept while the local day lasts ("due today" must not survive midnight).
		const day = localDay(this.config.now(), this.config.getSettings().nextDayStartsAt);
		if (day !== this.labelDay) {
			this.labels = [];
			this.labelDay = day;
		}
		const doc = state.doc;
		const selection = state.selection.ranges;
		let lastLine = -1;
		// A mark spanning two visible ranges is reported twice: keep the first.
		let lastStart = -1;
		for (const { from, to } of visible) {
			this.marks.between(from, to, (start, end, mark) => {
				// A mark whose text was deleted maps to an empty range until the next parse.
				if (end <= start) return;
				if (mark.kind === "separator-line") {
					const lineStart = doc.lineAt(start).from;
					if (lineStart === lastLine) return;
					lastLine = lineStart;
					out.push((mark.reversed ? lineDeco.reversed : lineDeco.plain).range(lineStart));
				} else if (start <= lastStart) {
					return;
				} else if (mark.kind === "separator-inline") {
					lastStart = start;
					out.push((mark.reversed ? inlineDeco.reversed : inlineDeco.plain).range(start, end));
				} else if (display !== "raw" && !selection.some((r) => r.from <= end && r.to >= start)) {
					lastStart = start;
					out.push(display === "hidden" ? hiddenDeco.range(start, end) : this.chip(mark.card).range(start, end));
				}
			});
		}
		return Decoration.set(out, true);
	}

	private chip(card: number): Decoration {
		let label = this.labels[card];
		if (label === undefined) {
			const segments = (this.cards[card]?.siblings ?? []).map((s) => s.segment);
			label = cardChipLabel(segments, this.config.now(), this.config.getSettings().nextDayStartsAt);
			this.labels[card] = label;
		}
		return Decoration.replace({ widget: new ScheduleChipWidget(label, this.config.onChipClick) });
	}
}

/** The marks of a parse, in document positions (`doc` is the text that was parsed). */
function marksOf(doc: Text, cards: readonly Card[], settings: SpacedNotesSettings): RangeSet<CardMark> {
	const ranges: Range<CardMark>[] = [];
	// The parser does not count a leading BOM in line 0's offsets; the editor's text does.
	const bom = doc.sliceString(0, 1) === "\uFEFF" ? 1 : 0;
	const lineText = (line: number): string => (line < doc.lines ? doc.line(line + 1).text.slice(line === 0 ? bom : 0) : "");
	const at = (line: number, column: number): number => doc.line(line + 1).from + column + (line === 0 ? bom : 0);
	cards.forEach((card, index) => {
		const sep = separatorOf(card, lineText, settings);
		if (sep && sep.line < doc.lines) {
			const kind = sep.ownLine ? "separator-line" : "separator-inline";
			ranges.push(new CardMark(kind, index, sep.reversed).range(at(sep.line, sep.start), at(sep.line, sep.end)));
		}
		const c = card.comment;
		if (c && c.line < doc.lines && c.end > c.start) ranges.push(new CardMark("chip", index, false).range(at(c.line, c.start), at(c.line, c.end)));
	});
	return RangeSet.of(ranges, true);
}

/** Whether an edit of `fromA..toA` changes the text of a mark at `from..to`. */
function touches(mark: CardMark, from: number, to: number, fromA: number, toA: number): boolean {
	// A separator line (`?`) stops being one as soon as anything is typed next to the marker.
	if (mark.kind === "separator-line") return fromA <= to && toA >= from;
	return fromA < to && toA > from;
}
