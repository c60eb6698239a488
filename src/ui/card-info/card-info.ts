/**
 * Card info: a card's question and answer, its note and deck with a link to open it, its current
 * state and due day, and its history from the review log (src/stats/card-history.ts): date,
 * rating, interval and, under FSRS, stability, difficulty and retrievability at each review.
 */
import type { CardHistory, HistoryRow } from "../../stats/card-history";

export interface CardInfo {
	question: string;
	answer: string;
	path: string;
	/** The card's first line, 0-based. */
	line: number;
	deck: string;
	state: string;
	/** Due day `YYYY-MM-DD`, "" for a new card. */
	due: string;
	interval: string;
	/** "250%" (SM-2) or "6.8" (FSRS difficulty), "" for a new card. */
	easeOrDifficulty: string;
	lapses: number;
	reviews: number;
	flag: string;
	/** The card's log id. */
	id: string;
	/** Null when there is no review log to read. */
	history: CardHistory | null;
}

const RATINGS = ["", "Again", "Hard", "Good", "Easy"];
const KINDS: Record<HistoryRow["kind"], string> = {
	review: "Review",
	cram: "Cram",
	reset: "Reset to new",
	"set-due": "Due date set",
	suspend: "Suspended",
	unsuspend: "Unsuspended",
};
const STATES = ["new", "learning", "review", "relearning"];

/** Draws the card info into `el`; `open` opens the card's note at the card. */
export function renderCardInfo(el: HTMLElement, info: CardInfo, open: () => void): void {
	const root = el.createDiv("sn-card-info");
	const card = root.createDiv("sn-card-info-card");
	card.createDiv({ cls: "sn-card-info-question", text: info.question || "(text not read yet)" });
	if (info.answer !== "") card.createDiv({ cls: "sn-card-info-answer", text: info.answer });
	const facts = root.createEl("dl", { cls: "sn-card-info-facts" });
	const fact = (label: string, value: string) => {
		if (value === "") return;
		facts.createEl("dt", { text: label });
		facts.createEl("dd", { text: value });
	};
	facts.createEl("dt", { text: "Note" });
	const link = facts.createEl("dd").createEl("a", { cls: "sn-card-info-open", text: `${info.path}, line ${info.line + 1}`, href: "#" });
	link.addEventListener("click", (event) => {
		event.preventDefault();
		open();
	});
	fact("Deck", info.deck || "(none)");
	fact("State", info.state);
	fact("Due", info.due);
	fact("Interval", info.interval);
	fact(info.easeOrDifficulty.endsWith("%") ? "Ease" : "Difficulty", info.easeOrDifficulty);
	fact("Lapses", String(info.lapses));
	fact("Reviews", String(info.reviews));
	fact("Flag", info.flag);
	const history = info.history;
	if (history === null) {
		root.createDiv({ cls: "sn-card-info-empty", text: "The review history is not available." });
		return;
	}
	if (history.totalMs > 0) fact("Time spent", formatDuration(history.totalMs));
	if (history.rows.length === 0) {
		root.createDiv({ cls: "sn-card-info-empty", text: "No reviews of this card in the review log yet." });
		return;
	}
	const scroller = root.createDiv("sn-card-info-history");
	const table = scroller.createEl("table");
	const head = table.createEl("thead").createEl("tr");
	for (const label of ["Date", "Answer", "Interval", "Stability", "Difficulty", "Retrievability", "Time"]) head.createEl("th", { text: label });
	const body = table.createEl("tbody");
	// Newest first, as Anki shows it.
	for (const row of [...history.rows].reverse()) {
		const tr = body.createEl("tr", { cls: `sn-card-info-${row.kind}` });
		tr.createEl("td", { text: formatTime(row.time) });
		const answer = row.kind === "review" || row.kind === "cram" ? `${RATINGS[row.rating ?? 0]}${row.kind === "cram" ? " (cram)" : ""}` : KINDS[row.kind];
		tr.createEl("td", {
			text: row.kind === "set-due" && row.due ? `${answer}: ${row.due}` : answer,
			attr: row.state === undefined ? {} : { title: `Was ${STATES[row.state]}` },
		});
		tr.createEl("td", { text: row.interval === undefined ? "" : `${formatNumber(row.interval)} d` });
		tr.createEl("td", { text: row.stability === undefined ? "" : formatNumber(row.stability) });
		tr.createEl("td", { text: row.difficulty === undefined ? "" : formatNumber(row.difficulty) });
		tr.createEl("td", { text: row.retrievability === undefined ? "" : `${Math.round(row.retrievability * 100)}%` });
		tr.createEl("td", { text: row.durationMs === undefined || row.durationMs === 0 ? "" : formatDuration(row.durationMs) });
	}
}

function formatTime(ms: number): string {
	const date = new Date(ms);
	const pad = (n: number) => String(n).padStart(2, "0");
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function formatNumber(n: number): string {
	return Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 2 : 1);
}

function formatDuration(ms: number): string {
	const seconds = Math.round(ms / 1000);
	if (seconds < 60) return `${seconds} s`;
	const minutes = Math.floor(seconds / 60);
	return minutes < 60 ? `${minutes} min ${seconds % 60} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
