/**
 * `spaced-notes review PATH [--deck D] [--filter F] [--tag T]… [--now ISO] [--algorithm fsrs|sm2]`:
 * a review session in the terminal that writes schedules back exactly as the plugin does.
 */
import { dueCountsByDay } from "../../index/due-counts";
import { selectSiblings } from "../../index/query";
import { ReviewSession, type AnswerRecord, type SessionItem } from "../../schedule/session";
import { siblingKeyOf } from "../../schedule/sessionItem";
import { dueDay } from "../../schedule/status";
import { parseArgs } from "../args";
import { COMMON_VALUED_FLAGS, resolveNow } from "../common";
import { EXIT_OK, UsageError, type Command } from "../io";
import { loadCards, SELECTION_FLAGS, selectionFromArgs, type LoadedCards } from "../load-index";
import { NoteWriter } from "../note-writer";
import { keyInput, lineInput, type ReviewInput } from "../review-input";
import { ReviewScreen } from "../review-screen";
import { Rating } from "../../schedule/types";
import type { ReviewEntry } from "../../stats/log-format";
import { reviewEntry, undoEntry } from "../../stats/review-entry";
import { doneToday } from "../../stats/done-today";
import { mergeLogs } from "../../stats/merge";
import { appendToVaultLog, readVaultLog } from "../review-log";

const RATINGS = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy } as const;

export const reviewCommand: Command = async (argv, io) => {
	const args = parseArgs(argv, [], [...COMMON_VALUED_FLAGS, ...SELECTION_FLAGS]);
	if (args.positional.length !== 1) throw new UsageError("review takes exactly one PATH");
	const selection = selectionFromArgs(args);
	const start = resolveNow(args);
	// The clock starts at --now and runs at real speed, so learning steps still come due;
	// whole seconds keep the written timestamps short.
	const offset = start.getTime() - Date.now();
	const clock = () => new Date(Math.floor((Date.now() + offset) / 1000) * 1000);
	const loaded = loadCards(args, io);
	const items = sessionItems(loaded, selection, start);
	const dueCounts = dueCountsByDay(loaded.index, loaded.settings.nextDayStartsAt);
	const dueOn = (day: string) => dueCounts.get(day) ?? 0;
	const writer = new NoteWriter(loaded.notes, loaded.settings);
	const interactive = Boolean(io.stdinIsTTY && io.stdin);
	const screen = new ReviewScreen(io, loaded.settings, interactive);
	if (!io.stdin) throw new UsageError("review needs standard input");
	const input: ReviewInput = interactive ? keyInput(io.stdin as NodeJS.ReadStream) : lineInput(io.stdin, (m) => io.stderr(`${m}\n`));
	// Daily limits count what the review log says was done today, on any device.
	const done = doneToday(mergeLogs(readVaultLog(loaded.vault.root).files).reviews, start, loaded.settings.nextDayStartsAt);
	let session = ReviewSession.start(items, { now: start, settings: loaded.settings, doneToday: done });
	const previousComments = new Map<number, string | null>();
	const logged = new Map<number, ReviewEntry>();
	const log = (entry: Parameters<typeof appendToVaultLog>[1][number]) => {
		try {
			appendToVaultLog(loaded.vault.root, [entry]);
		} catch (error) {
			// The schedule is in the note already; only the history misses this line.
			io.stderr(`review log not written: ${(error as Error).message}\n`);
		}
	};
	try {
		for (;;) {
			const now = clock();
			const entry = session.current(now);
			if (!entry) {
				const waiting = session.waitingUntil(now);
				if (waiting) screen.waiting(waiting);
				break;
			}
			const ctx = { cardKey: siblingKeyOf(entry.item), dueOn };
			screen.question(entry, session.progress());
			const shownAt = Date.now();
			let action = interactive ? await input.next("question") : "reveal";
			if (action === "reveal") {
				screen.answer(entry, now, ctx);
				action = await input.next("answer");
			}
			if (action === "quit") break;
			if (action === "skip") {
				session = session.skip(clock());
				continue;
			}
			if (action === "undo") {
				const undone = undo(session, writer, previousComments, screen);
				session = undone.session;
				const undoneEntry = undone.id === null ? undefined : logged.get(undone.id);
				if (undoneEntry) log(undoEntry(undoneEntry, clock()));
				continue;
			}
			if (action === "reveal") continue;
			const answered = session.answer(RATINGS[action], clock(), ctx);
			if (!answered) continue;
			session = answered.session;
			const outcome = writer.write(entry.item.file, entry.item.card, entry.item.sibling, answered.record.schedule);
			if (outcome.ok) {
				previousComments.set(answered.record.id, outcome.previousComment);
				const day = dueDay(answered.record.schedule, loaded.settings.nextDayStartsAt);
				if (day) dueCounts.set(day, (dueCounts.get(day) ?? 0) + 1);
				screen.saved(answered.record);
				const record = answered.record;
				const logEntry = reviewEntry({
					time: new Date(record.at),
					path: entry.item.file,
					card: entry.item.card,
					sibling: entry.item.sibling,
					rating: record.rating,
					before: record.previous,
					after: record.schedule,
					durationMs: Date.now() - shownAt,
					dayStartHour: loaded.settings.nextDayStartsAt,
				});
				logged.set(record.id, logEntry);
				log(logEntry);
			} else {
				session = session.writeFailed(answered.record.id);
				screen.notSaved(outcome.message);
			}
		}
	} finally {
		input.close();
	}
	screen.summary(session.summary(), session.unsaved);
	return EXIT_OK;
};

/** Undoes the last answer in the session and the note; `id` is the undone answer when it had been saved. */
function undo(
	session: ReviewSession,
	writer: NoteWriter,
	previous: Map<number, string | null>,
	screen: ReviewScreen,
): { session: ReviewSession; id: number | null } {
	const undone = session.undo();
	if (!undone) {
		screen.message("Nothing to undo.");
		return { session, id: null };
	}
	const record: AnswerRecord = undone.restore;
	if (!previous.has(record.id)) {
		// Its write had failed: the note never changed, so only the session goes back.
		screen.message("Undone (the answer had not been saved).");
		return { session: undone.session, id: null };
	}
	const { item } = record;
	const outcome = writer.restore(item.file, item.card, item.sibling, previous.get(record.id) ?? null);
	if (!outcome.ok) {
		screen.notSaved(`undo: ${outcome.message}`);
		return { session, id: null };
	}
	previous.delete(record.id);
	screen.message("Undone.");
	return { session: undone.session, id: record.id };
}

/** The selected siblings as session items, in file then line order; deck = the card's first deck. */
function sessionItems(loaded: LoadedCards, selection: ReturnType<typeof selectionFromArgs>, now: Date): SessionItem[] {
	const items: SessionItem[] = [];
	for (const ref of selectSiblings(loaded.index, selection, now)) {
		const card = loaded.notes.get(ref.file.path)?.parsed.cards[ref.cardIndex];
		if (card) items.push({ card, sibling: ref.sibling, file: ref.file.path, deck: (card.decks[0] ?? "").toLowerCase() });
	}
	return items;
}
