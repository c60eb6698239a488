/** `spaced-notes cards PATH… [--json]`: every card (each sibling), in file then line order. */
import { jsonText } from "../terminal-text";
import type { Card, Sibling } from "../../model/card";
import { selectSiblings } from "../../index/query";
import type { Schedule } from "../../model/schedule";
import { hasFlag, parseArgs } from "../args";
import { COMMON_VALUED_FLAGS, resolveNow } from "../common";
import { EXIT_OK, type Command } from "../io";
import { loadCards, requireKnownDeck, SELECTION_FLAGS, selectionFromArgs } from "../load-index";
import { warnSkippedLinks } from "../vault";

/** One line of `cards --json` (docs/cli.md). */
interface CardJson {
	file: string;
	line: number;
	endLine: number;
	kind: Card["kind"];
	sibling: number;
	deck: string[];
	question: string;
	answer: string;
	schedule: ScheduleJson | null;
}

type ScheduleJson =
	| { due: string; interval: number; ease: number }
	| {
			due: string;
			interval: number;
			stability: number;
			difficulty: number;
			state: number;
			reps: number;
			lapses: number;
	  };

export const cardsCommand: Command = (argv, io) => {
	const args = parseArgs(argv, ["json"], [...COMMON_VALUED_FLAGS, ...SELECTION_FLAGS]);
	const selection = selectionFromArgs(args);
	const now = resolveNow(args);
	const { vault, index, notes } = loadCards(args, io);
	warnSkippedLinks(vault, "cards", io.stderr);
	requireKnownDeck(index, selection);
	const rows: CardJson[] = [];
	for (const ref of selectSiblings(index, selection, now)) {
		// The index keeps compact cards; the full card comes from the note as parsed here.
		const note = notes.get(ref.file.path);
		const card = note?.parsed.cards[ref.cardIndex];
		if (note && card) rows.push(cardJson(note.file.display, card, card.siblings[ref.sibling]));
	}
	if (hasFlag(args, "json")) io.stdout(jsonText(rows) + "\n");
	else io.stdout(rows.map(formatRow).join("") + `${rows.length} card${rows.length === 1 ? "" : "s"}\n`);
	return Promise.resolve(EXIT_OK);
};

function cardJson(file: string, card: Card, sibling: Sibling): CardJson {
	return {
		file,
		line: card.startLine + 1,
		endLine: card.endLine + 1,
		kind: card.kind,
		sibling: sibling.index,
		deck: card.decks,
		question: sibling.question,
		answer: sibling.answer,
		schedule: sibling.segment.kind === "ok" && sibling.segment.schedule ? scheduleJson(sibling.segment.schedule) : null,
	};
}

function scheduleJson(schedule: Schedule): ScheduleJson {
	if (schedule.type === "classic") return { due: schedule.due, interval: schedule.interval, ease: schedule.ease };
	const { due, interval, stability, difficulty, state, reps, lapses } = schedule;
	return { due, interval, stability, difficulty, state, reps, lapses };
}

function formatRow(row: CardJson): string {
	const schedule = row.schedule ? `due ${row.schedule.due.slice(0, 10)}` : "new";
	const deck = row.deck.length ? row.deck.join(", ") : "(no deck)";
	return (
		`${row.file}:${row.line}  ${row.kind}${row.sibling ? ` #${row.sibling + 1}` : ""}  ${deck}  ${schedule}\n` +
		`  Q: ${firstLine(row.question)}\n  A: ${firstLine(row.answer)}\n`
	);
}

function firstLine(text: string): string {
	const newline = text.indexOf("\n");
	return newline < 0 ? text : `${text.slice(0, newline)} …`;
}
