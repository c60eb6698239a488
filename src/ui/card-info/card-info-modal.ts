/** The card info modal (src/ui/card-info/card-info.ts) for one row of the card browser. */
import { Modal, type App } from "obsidian";
import type { CardRows } from "../../browse/card-rows";
import { cardHistory } from "../../stats/card-history";
import type { MergedLog } from "../../stats/merge";
import { COLUMNS, FLAG_NAMES, stateLabel } from "../card-browser/columns";
import { renderCardInfo, type CardInfo } from "./card-info";

/** The card info of row `row`; `answer` from the note's text when it was read. */
export function cardInfoOfRow(rows: CardRows, row: number, answer: string, log: MergedLog | null): CardInfo {
	rows.fillSchedules(rows.file[row]);
	const cell = (id: string) => COLUMNS.find((column) => column.id === id)?.cell(rows, row) ?? "";
	const id = rows.id[row];
	return {
		question: rows.question[row],
		answer,
		path: rows.pathOf(row),
		line: rows.line[row],
		deck: rows.decksOf(row).join(", "),
		state: stateLabel(rows, row),
		due: cell("due"),
		interval: cell("interval"),
		easeOrDifficulty: cell("ease"),
		lapses: rows.lapses[row],
		reviews: rows.reviews[row],
		flag: FLAG_NAMES[rows.flag[row]] ?? "",
		id,
		history: log === null ? null : cardHistory(log, id),
	};
}

export class CardInfoModal extends Modal {
	constructor(
		app: App,
		private readonly info: CardInfo,
		private readonly openCard: () => void,
	) {
		super(app);
	}

	override onOpen(): void {
		this.setTitle("Card info");
		this.modalEl.addClass("sn-card-info-modal");
		renderCardInfo(this.contentEl, this.info, () => {
			this.close();
			this.openCard();
		});
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}
