/**
 * `spaced-notes review PATH [--deck D] [--filter F] [--tag T]… [--now ISO] [--algorithm fsrs|sm2]
 * [--ahead N | --cram | --forgotten N | --extra-new N]`: a review session in the terminal, or a
 * custom study session (docs/scheduling.md, "Custom study"). It runs the plugin's own review engine (src/review) over the
 * notes on disk, so answers, undo, daily limits and the review log behave exactly as in Obsidian;
 * this file only reads keys and draws.
 */
import { ReviewController } from "../../review/controller";
import type { ReviewRequest } from "../../review/request";
import { Rating } from "../../model/schedule";
import { flagValue, hasFlag, parseArgs, type ParsedArgs } from "../args";
import { CUSTOM_STUDY_MAX_DAYS, customStudyName, type CustomStudy } from "../../review/custom-study";
import { deckKeyOf, EXTRA_NEW_MAX } from "../../review/extra-new";
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
	const args = parseArgs(argv, ["cram"], [...COMMON_VALUED_FLAGS, ...SELECTION_FLAGS, "ahead", "forgotten", "extra-new"]);
	if (args.positional.length !== 1) throw new UsageError("review takes exactly one PATH");
	const selection = selectionFromArgs(args);
	const study = customStudyFromArgs(args);
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
	const scope = selection.deck ?? "All cards";
	const request: ReviewRequest = { title: study.custom ? `${customStudyName(study.custom)} · ${scope}` : scope, ...selection };
	if (study.custom) request.custom = study.custom;
	// On the command line a raise of the new-card limit holds for this session only.
	if (study.extraNew !== undefined) request.extraNew = { [deckKeyOf(selection.deck)]: study.extraNew };
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
		const started = controller.state();
		if (study.custom)
			screen.message(`${request.title}: ${started.reschedules === false ? "answers are logged, no schedule changes." : "answers are real reviews."}`);
		if (started.notice !== null) screen.notice(started.notice);
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
			if ((await controller.answer(rating)) === "saved") {
				if (state.reschedules !== false) screen.saved(rating);
				else screen.logged(rating);
			}
		}
	}
}

/** `--ahead N`, `--cram`, `--forgotten N` or `--extra-new N` (at most one), checked. */
function customStudyFromArgs(args: ParsedArgs): { custom?: CustomStudy; extraNew?: number } {
	const given = ["ahead", "cram", "forgotten", "extra-new"].filter((name) => hasFlag(args, name));
	if (given.length > 1)
		throw new UsageError(`review takes one of --ahead, --cram, --forgotten and --extra-new, not ${given.map((n) => `--${n}`).join(" and ")}`);
	if (hasFlag(args, "cram")) return { custom: { kind: "cram" } };
	const ahead = flagValue(args, "ahead");
	if (ahead !== undefined) return { custom: { kind: "ahead", days: wholeNumber("ahead", ahead, CUSTOM_STUDY_MAX_DAYS, "days") } };
	const forgotten = flagValue(args, "forgotten");
	if (forgotten !== undefined) return { custom: { kind: "forgotten", days: wholeNumber("forgotten", forgotten, CUSTOM_STUDY_MAX_DAYS, "days") } };
	const extra = flagValue(args, "extra-new");
	if (extra !== undefined) return { extraNew: wholeNumber("extra-new", extra, EXTRA_NEW_MAX, "cards") };
	return {};
}

function wholeNumber(flag: string, value: string, max: number, unit: string): number {
	const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
	if (!(n >= 1 && n <= max)) throw new UsageError(`--${flag}: expected a whole number of ${unit} from 1 to ${max}, got '${value}'`);
	return n;
}
