/**
 * `spaced-notes optimize PATH [--deck D | --filter F] [--json] [--apply]`: personal FSRS
 * parameters from the review log, trained by fsrs-rs itself (`@open-spaced-repetition/binding`).
 * The log becomes training items as Anki's revlog does (`optimize/items.ts`); the defaults and
 * the fitted parameters are scored on fsrs-rs's time-series split (each later segment predicted
 * from the earlier ones), side by side. `--apply` writes the parameters into the vault's
 * settings: globally, or with `--deck` into that deck's preset.
 */
import { resolve } from "node:path";
import { evaluateSplits, timeSeriesSplits, type Evaluation, type Split } from "../../optimize/evaluate";
import { DEFAULT_PARAMETERS } from "../../optimize/fsrs-model";
import { itemsFromLog, type ItemsReport } from "../../optimize/items";
import { createOptimizationJob } from "../../optimize/split-job";
import { checkPresets } from "../../settings/read-presets";
import { normaliseDeck, presetsWithParameters } from "../../settings/deck-presets";
import { pathHash, pathPartOf } from "../../stats/card-id";
import type { ReviewEntry } from "../../stats/log-format";
import { mergeLogs } from "../../stats/merge";
import { selectSiblings } from "../../index/query";
import { flagValue, hasFlag, parseArgs } from "../args";
import { applyCommonFlags, COMMON_VALUED_FLAGS, resolveNow } from "../common";
import { BINDING_PACKAGE, loadFsrsBinding, toBindingItems, type TrainOptions } from "../fsrs-binding";
import { EXIT_OK, EXIT_PROBLEMS, UsageError, type Command } from "../io";
import { loadIndex, selectionFromArgs } from "../load-index";
import { readVaultLog } from "../review-log";
import { SETTINGS_PATH, updateSettingsFile } from "../settings-file";
import { jsonText } from "../terminal-text";
import { loadVault } from "../vault";

/** fsrs-rs returns its defaults below 8 items and only pretrains below 64; fewer is no fit. */
const MIN_ITEMS = 64;

export interface OptimizeJson {
	reviews: number;
	items: number;
	cards: { used: number; beforeLog: number; resetOnly: number; tooNew: number };
	cramAnswers: number;
	default: Evaluation | null;
	fitted: Evaluation | null;
	parameters: number[] | null;
	/** Who trained: fsrs-rs through its binding, or, where the binding cannot load, our own optimizer. */
	engine: "fsrs-rs" | "spaced-notes" | null;
	applied: { scope: "global" } | { scope: "deck"; deck: string } | null;
}

/** The command, loading fsrs-rs's binding from `bindingName` (the tests name one that is missing). */
export function makeOptimizeCommand(bindingName = BINDING_PACKAGE): Command {
	return (argv, io) => optimize(argv, io, bindingName);
}

export const optimizeCommand: Command = makeOptimizeCommand();

const optimize = async (argv: string[], io: Parameters<Command>[1], bindingName: string): Promise<number> => {
	const args = parseArgs(argv, ["json", "apply"], [...COMMON_VALUED_FLAGS, "deck", "filter"]);
	if (args.positional.length === 0) throw new UsageError("optimize needs a PATH: the vault or a folder in it");
	const deck = flagValue(args, "deck");
	const filter = flagValue(args, "filter");
	if (deck !== undefined && filter !== undefined) throw new UsageError("--deck and --filter cannot be combined");
	if (hasFlag(args, "apply") && filter !== undefined)
		throw new UsageError("--apply writes parameters for all decks or for one --deck; a --filter is neither");
	if (deck !== undefined && normaliseDeck(deck) === "") throw new UsageError("--deck needs a deck name");
	resolveNow(args);
	const vault = loadVault(args.positional, io.cwd, (line) => io.stderr(`${line}\n`));
	const settings = applyCommonFlags(vault.settings, args);
	const include = selectReviews(args, io, vault.root, deck, filter !== undefined);
	const { files, problems } = readVaultLog(vault.root);
	const merged = mergeLogs(files);
	const unreadable = problems.length + merged.problems.length;
	if (unreadable > 0)
		io.stderr(`spaced-notes optimize: ${unreadable} unreadable log line${unreadable === 1 ? "" : "s"} skipped ('spaced-notes stats' lists them)\n`);
	const report = itemsFromLog(merged, settings.nextDayStartsAt, include);
	const json: OptimizeJson = {
		reviews: report.reviewsUsed,
		items: report.items.length,
		cards: { used: report.cardsUsed, beforeLog: report.cardsBeforeLog, resetOnly: report.cardsResetOnly, tooNew: report.cardsTooNew },
		cramAnswers: report.cramAnswers,
		default: null,
		fitted: null,
		parameters: null,
		engine: null,
		applied: null,
	};
	if (report.items.length < MIN_ITEMS) {
		if (hasFlag(args, "json")) io.stdout(jsonText(json) + "\n");
		else
			io.stdout(
				`${summary(report)}Not enough reviews to train: ${report.items.length} predictions, at least ${MIN_ITEMS} are needed. Nothing was changed.\n`,
			);
		return EXIT_PROBLEMS;
	}
	const splits = timeSeriesSplits(report.items, report.cardIds);
	const fit = await fitParameters(
		bindingName,
		report,
		splits,
		{ enableShortTerm: true, numRelearningSteps: Math.max(1, settings.relearningSteps.length) },
		io.stderr,
	);
	const parameters = fit.parameters.map(round4);
	json.engine = fit.engine;
	json.parameters = parameters;
	json.fitted = fit.fitted;
	json.default = evaluateSplits(splits, () => DEFAULT_PARAMETERS);
	if (hasFlag(args, "apply")) json.applied = apply(vault.root, parameters, deck, io.stderr);
	if (hasFlag(args, "json")) io.stdout(jsonText(json) + "\n");
	else io.stdout(formatResult(report, json));
	return EXIT_OK;
};

interface Fit {
	engine: "fsrs-rs" | "spaced-notes";
	/** Fitted on all items. */
	parameters: number[];
	/** The split scored with parameters fitted on each fold's training part. */
	fitted: Evaluation;
}

/**
 * Fits with fsrs-rs where its binding loads; where it cannot (the binding's native code is not
 * published for every platform), with the plugin's own optimizer, which agrees with fsrs-rs within
 * 1% (docs/scheduling.md), after a line on stderr saying so and how to install the binding.
 */
async function fitParameters(
	bindingName: string,
	report: ItemsReport,
	splits: readonly Split[],
	options: TrainOptions,
	stderr: (text: string) => void,
): Promise<Fit> {
	let binding: Awaited<ReturnType<typeof loadFsrsBinding>>;
	try {
		binding = await loadFsrsBinding(bindingName);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		stderr(`spaced-notes optimize: ${error.message}\nTrained with Spaced Notes' own optimizer instead (the plugin's; it agrees with fsrs-rs within 1%).\n`);
		// The plugin's own job: the fit on all items, then one per fold (the split is cut the same way).
		const job = createOptimizationJob(report.items, report.cardIds, DEFAULT_PARAMETERS, { numRelearningSteps: options.numRelearningSteps });
		while (job.step());
		const { parameters, after } = job.outcome();
		return { engine: "spaced-notes", parameters, fitted: after };
	}
	// The binding's own `evaluateWithTimeSeriesSplits` reorders the items (first answers first)
	// before cutting them, so its segments are not in time order; the split is cut here, as
	// fsrs-rs's `evaluate_with_time_series_splits` and Anki cut it, and fsrs-rs fits each fold.
	const foldParameters: number[][] = [];
	for (const split of splits) foldParameters.push(await binding.computeParameters(toBindingItems(binding, split.train), options));
	return {
		engine: "fsrs-rs",
		parameters: await binding.computeParameters(toBindingItems(binding, report.items), options),
		fitted: evaluateSplits(splits, (_, fold) => foldParameters[fold]),
	};
}

/** Which answers to learn from: those of a deck (the card's first deck when answered, sub-decks included), of the notes a filter selects, or of the notes under PATH. */
function selectReviews(
	args: ReturnType<typeof parseArgs>,
	io: Parameters<Command>[1],
	root: string,
	deck: string | undefined,
	filtered: boolean,
): (entry: ReviewEntry) => boolean {
	const wholeVault = args.positional.some((p) => resolve(io.cwd, p) === root);
	let notes: Set<string> | null = null;
	if (filtered || !wholeVault) {
		const { index } = loadIndex(args, io);
		const selection = filtered ? { filter: selectionFromArgs(args).filter } : {};
		notes = new Set(selectSiblings(index, selection, new Date()).map((ref) => pathHash(ref.file.path)));
	}
	const target = deck === undefined ? null : normaliseDeck(deck);
	return (entry: ReviewEntry) => {
		if (notes !== null && !notes.has(pathPartOf(entry.card) ?? "")) return false;
		if (target === null) return true;
		const own = normaliseDeck(entry.deck);
		return own === target || own.startsWith(`${target}/`);
	};
}

function apply(root: string, parameters: number[], deck: string | undefined, stderr: (text: string) => void): OptimizeJson["applied"] {
	const problems = updateSettingsFile(root, (stored) => {
		if (deck === undefined) return { ...stored, fsrsParameters: parameters };
		const existing = stored.deckPresets === undefined ? { ok: true as const, value: [] } : checkPresets(stored.deckPresets);
		if (!existing.ok) throw new UsageError(`${SETTINGS_PATH}: deckPresets cannot be read (${existing.error}); fix it first, nothing was changed`);
		return { ...stored, deckPresets: presetsWithParameters(existing.value as Parameters<typeof presetsWithParameters>[0], deck, parameters) };
	});
	for (const problem of problems) stderr(`warning: ${SETTINGS_PATH}: ${problem}\n`);
	return deck === undefined ? { scope: "global" } : { scope: "deck", deck: deck.trim().replace(/^#/, "") };
}

function summary(report: ItemsReport): string {
	const lines = [`Reviews used: ${report.reviewsUsed} (${report.items.length} predictions, ${report.cardsUsed} cards)`];
	const left: string[] = [];
	if (report.cardsBeforeLog > 0) left.push(`${report.cardsBeforeLog} reviewed before the log existed`);
	if (report.cardsResetOnly > 0) left.push(`${report.cardsResetOnly} reset since their last answer`);
	if (report.cardsTooNew > 0) left.push(`${report.cardsTooNew} not yet answered on a later day`);
	if (left.length > 0) lines.push(`Cards left out: ${left.join(", ")}`);
	if (report.cramAnswers > 0) lines.push(`Cram answers left out: ${report.cramAnswers}`);
	return lines.join("\n") + "\n";
}

function formatResult(report: ItemsReport, json: OptimizeJson): string {
	const row = (name: string, a: string, b: string) => `${name.padEnd(14)}${a.padStart(10)}${b.padStart(10)}`;
	const d = json.default!;
	const f = json.fitted!;
	const lines = [
		summary(report).trimEnd(),
		"",
		json.engine === "fsrs-rs"
			? "Trained by fsrs-rs (its Node binding)."
			: "Trained by Spaced Notes' own optimizer (fsrs-rs's binding could not be loaded).",
		"Time-series split (each segment predicted from the earlier ones):",
		row("", "default", "fitted"),
		row("log loss", d.logLoss.toFixed(4), f.logLoss.toFixed(4)),
		row("RMSE (bins)", percent(d.rmseBins), percent(f.rmseBins)),
		"",
		`Parameters: ${json.parameters!.join(", ")}`,
	];
	if (f.logLoss >= d.logLoss) lines.push("The defaults predict these reviews as well or better: more reviews may give a better fit.");
	if (json.applied === null) lines.push("Not applied: run again with --apply to use them.");
	else if (json.applied.scope === "global") lines.push(`Applied to all decks in ${SETTINGS_PATH}.`);
	else lines.push(`Applied to deck ${json.applied.deck} and its sub-decks in ${SETTINGS_PATH}.`);
	return lines.join("\n") + "\n";
}

function percent(x: number): string {
	return `${(x * 100).toFixed(2)}%`;
}

function round4(x: number): number {
	return Math.round(x * 10_000) / 10_000;
}
