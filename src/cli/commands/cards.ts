/** `spaced-notes cards PATH… [--deck D] [--filter EXPR] [--json]`: every card (each sibling), in file then line order. */
import { jsonText } from "../terminal-text";
import type { Card, Sibling } from "../../model/card";
import type { Schedule } from "../../model/schedule";
import { hasFlag, parseArgs } from "../args";
import { COMMON_VALUED_FLAGS, resolveNow } from "../common";
import { EXIT_OK, type Command } from "../io";
import { cardFilterFromArgs, selectCardSiblings } from "../card-selection";
import { loadCards, SELECTION_FLAGS } from "../load-index";
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
	/** docs/format.md, "Suspended and flagged cards". */
	suspended: boolean;
	/** 0 = none, else 1–7. */
	flag: number;
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
	cardFilterFromArgs(args); // a bad filter is a usage error before any note is read
	const now = resolveNow(args);
	const loaded = loadCards(args, io);
	warnSkippedLinks(loaded.vault, "cards", io.stderr);
	// The index keeps compact cards; the full card comes from the note as parsed here.
	const rows = selectCardSiblings(loaded, args, now).map(({ display, card, sibling }) => cardJson(display, card, sibling));
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
		suspended: sibling.marks?.suspended === true,
		flag: sibling.marks?.flag ?? 0,
	};
}

function scheduleJson(schedule: Schedule): ScheduleJson {
	if (schedule.type === "classic") return { due: schedule.due, interval: schedule.interval, ease: schedule.ease };
	const { due, interval, stability, difficulty, state, reps, lapses } = schedule;
	return { due, interval, stability, difficulty, state, reps, lapses };
}

function formatRow(row: CardJson): string {
	const marks = (row.suspended ? "  suspended" : "") + (row.flag ? `  flag ${row.flag}` : "");
	const schedule = (row.schedule ? `due ${row.schedule.due.slice(0, 10)}` : "new") + marks;
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
