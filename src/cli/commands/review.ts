/**
 * `spaced-notes review PATH [--deck D] [--filter F] [--tag T]… [--now ISO] [--algorithm fsrs|sm2]`:
 * a review session in the terminal. It runs the plugin's own review engine (src/review) over the
 * notes on disk, so answers, undo, daily limits and the review log behave exactly as in Obsidian;
 * this file only reads keys and draws.
 */
import { ReviewController } from "../../review/controller";
import type { ReviewRequest } from "../../review/request";
import { Rating } from "../../model/schedule";
import { parseArgs } from "../args";
import { COMMON_VALUED_FLAGS, resolveNow } from "../common";
import { DiskNotes } from "../disk-notes";
import { EXIT_OK, UsageError, type Command } from "../io";
import { loadIndex, requireKnownDeck, SELECTION_FLAGS, selectionFromArgs } from "../load-index";
import { keyInput, lineInput, type ReviewAction, type ReviewInput } from "../review-input";
import { VaultReviewLog } from "../review-log";
import { ReviewScreen } from "../review-screen";
import { warnSkippedLinks } from "../vault";

const RATINGS = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy } as const;

export const reviewCommand: Command = async (argv, io) => {
	const args = parseArgs(argv, [], [...COMMON_VALUED_FLAGS, ...SELECTION_FLAGS]);
	if (args.positional.length !== 1) throw new UsageError("review takes exactly one PATH");
	const selection = selectionFromArgs(args);
	const start = resolveNow(args);
	if (!io.stdin) throw new UsageError("review needs standard input");
	// The clock starts at --now and runs at real speed, so learning steps still come due;
	// whole seconds keep the written timestamps short.
	const offset = start.getTime() - Date.now();
	const clock = () => new Date(Math.floor((Date.now() + offset) / 1000) * 1000);
	const loaded = loadIndex(args, io);
	warnSkippedLinks(loaded.vault, "review", io.stderr);
	requireKnownDeck(loaded.index, selection);
	const interactive = Boolean(io.stdinIsTTY);
	const screen = new ReviewScreen(io, interactive);
	const request: ReviewRequest = { title: selection.deck ?? "All cards", ...selection };
	const notes = new DiskNotes(loaded.vault, { warn: (message) => screen.notice(message) });
	const controller = new ReviewController(
		{
			settings: () => loaded.settings,
			index: () => loaded.index,
			notes,
			now: clock,
			notify: (message) => screen.notice(message),
			log: new VaultReviewLog(loaded.vault.root),
		},
		request,
	);
	const input: ReviewInput = interactive ? keyInput(io.stdin as NodeJS.ReadStream) : lineInput(io.stdin, (m) => io.stderr(`${m}\n`));
	try {
		await controller.load();
		await runSession(controller, screen, input, interactive);
	} finally {
		input.close();
		await notes.close();
	}
	const state = controller.state();
	screen.summary(state.summary, state.unsaved, state.progress.left.learning, state.waitingUntil);
	return EXIT_OK;
};

/** Shows cards and carries out the user's actions until the session ends or the user quits. */
async function runSession(controller: ReviewController, screen: ReviewScreen, input: ReviewInput, interactive: boolean): Promise<void> {
	for (;;) {
		const state = controller.state();
		const card = state.card;
		if ((state.phase !== "question" && state.phase !== "answer") || card === null) {
			// No card left. The last answer can still be taken back before the session ends.
			if (!state.canUndo) return;
			screen.finished();
			const last = await input.next("end");
			if (last !== "undo") return;
			if (await controller.undo()) screen.message("Undone.");
			continue;
		}
		let action: ReviewAction;
		if (state.phase === "question") {
			screen.question(card, state.progress);
			// From a pipe every word answers a card, so the answer is shown at once.
			action = interactive ? await input.next("question") : "reveal";
			if (action === "reveal") {
				controller.reveal();
				continue;
			}
		} else {
			screen.answer(card);
			action = await input.next("answer");
		}
		if (action === "quit") return;
		if (action === "skip") controller.skip();
		else if (action === "undo") {
			if (await controller.undo()) screen.message("Undone.");
		} else if (action !== "reveal") {
			const rating = RATINGS[action];
			if ((await controller.answer(rating)) === "saved") screen.saved(rating);
		}
	}
}
