/**
 * `spaced-notes stats PATH [--json] [--csv] [--deck D]…`: the statistics view's figures from the
 * review log (`<vault>/<config folder>/plugins/spaced-notes/logs/*.jsonl`) and the cards under PATH.
 * `--csv` prints the log in the FSRS optimizer's format instead. A corrupt log line is reported
 * on stderr and skipped; it never fails the command.
 */
import { jsonText } from "../terminal-text";
import { resolve } from "node:path";
import { parseNote } from "../../cards/parse";
import { pathHash, pathPartOf } from "../../stats/card-id";
import { toOptimizerCsv } from "../../stats/csv";
import type { ReviewEntry } from "../../stats/log-format";
import { mergeLogs, type LogProblem } from "../../stats/merge";
import { RETENTION_PERIODS } from "../../stats/retention";
import { statsCardsOfNote, type StatsCard } from "../../stats/stats-cards";
import { computeStats, type StatsReport } from "../../stats/summary";
import { hasFlag, parseArgs } from "../args";
import { applyCommonFlags, COMMON_VALUED_FLAGS, resolveNow } from "../common";
import { EXIT_OK, UsageError, type Command } from "../io";
import { readVaultLog } from "../review-log";
import { loadVault, readText, warnSkippedLinks } from "../vault";

const MAX_REPORTED_PROBLEMS = 20;

/** `stats --json`: the report, plus what was read from the log. */
export type StatsJson = StatsReport & {
	log: { files: number; reviews: number; duplicates: number; problems: LogProblem[] };
};

export const statsCommand: Command = (argv, io) => {
	const args = parseArgs(argv, ["json", "csv"], [...COMMON_VALUED_FLAGS, "deck"]);
	if (hasFlag(args, "json") && hasFlag(args, "csv")) throw new UsageError("--json and --csv cannot be combined");
	const now = resolveNow(args);
	const vault = loadVault(args.positional, io.cwd, (line) => io.stderr(`${line}\n`));
	warnSkippedLinks(vault, "stats", io.stderr);
	const settings = applyCommonFlags(vault.settings, args);
	const cards: StatsCard[] = [];
	for (const file of vault.files) cards.push(...statsCardsOfNote(file.vaultPath, parseNote(readText(file), { path: file.vaultPath, settings }).cards));
	const { files: logs, problems: unreadable } = readVaultLog(vault.root);
	const read = mergeLogs(logs);
	const merged = { ...read, problems: [...unreadable, ...read.problems] };
	reportProblems(merged.problems, io.stderr);
	// A PATH below the vault root narrows the log to the notes found there.
	const wholeVault = args.positional.some((p) => resolve(io.cwd, p) === vault.root);
	const paths = new Set(vault.files.map((f) => f.vaultPath));
	const reviews = wholeVault
		? merged.reviews
		: onlyNotes(
				merged.reviews,
				vault.files.map((f) => f.vaultPath),
			);
	if (hasFlag(args, "csv")) {
		const csv = toOptimizerCsv(reviews);
		io.stdout(csv.text);
		if (csv.skipped > 0)
			io.stderr(
				`spaced-notes stats: ${csv.skipped} log row${csv.skipped === 1 ? "" : "s"} left out of the CSV: not a valid card id, rating, state, time or duration\n`,
			);
		return Promise.resolve(EXIT_OK);
	}
	const report = computeStats({
		reviews,
		cards,
		now,
		dayStartHour: settings.nextDayStartsAt,
		decks: args.flags.get("deck") ?? [],
		noteReviews: wholeVault ? merged.noteReviews : merged.noteReviews.filter((n) => paths.has(n.note)),
	});
	if (hasFlag(args, "json")) {
		const log = { files: logs.length, reviews: merged.reviews.length, duplicates: merged.duplicates, problems: merged.problems };
		const json: StatsJson = { ...report, log };
		io.stdout(jsonText(json) + "\n");
	} else {
		io.stdout(formatReport(report));
	}
	return Promise.resolve(EXIT_OK);
};

function onlyNotes(reviews: readonly ReviewEntry[], paths: readonly string[]): ReviewEntry[] {
	const parts = new Set(paths.map(pathHash));
	return reviews.filter((r) => parts.has(pathPartOf(r.card) ?? ""));
}

function reportProblems(problems: readonly LogProblem[], stderr: (text: string) => void): void {
	for (const p of problems.slice(0, MAX_REPORTED_PROBLEMS)) stderr(`spaced-notes stats: skipped ${p.file}${p.line ? `:${p.line}` : ""}: ${p.reason}\n`);
	if (problems.length > MAX_REPORTED_PROBLEMS) stderr(`spaced-notes stats: … and ${problems.length - MAX_REPORTED_PROBLEMS} more unreadable log lines\n`);
}

/** The report as text for a terminal. */
function formatReport(r: StatsReport): string {
	const out: string[] = [];
	out.push(`Statistics for ${r.decks.length ? r.decks.join(", ") : "all decks"}, today ${r.today}`);
	out.push(
		`Reviews: ${r.totals.reviews} in the past year on ${r.totals.daysStudied} days (${formatDuration(r.totals.durationMs)}); ${r.totals.allTime} in all`,
	);
	if (r.notes.allTime > 0) out.push(`Notes reviewed: ${r.notes.pastYear} in the past year (${r.notes.today} today); ${r.notes.allTime} in all`);
	out.push(`Streak: ${plural(r.streaks.current, "day")} (longest ${plural(r.streaks.longest, "day")})`);
	const today = r.forecast.days[0]?.count ?? 0;
	out.push(`Due: today ${today} (${r.forecast.overdue} overdue), next 30 days ${r.dueNext.days30}, next 90 days ${r.dueNext.days90}`);
	const c = r.counts;
	out.push(`Cards: ${c.total} (new ${c.new}, learning ${c.learning}, young ${c.young}, mature ${c.mature})`);
	out.push("True retention:");
	const rows: [string, string[]][] = [
		["", RETENTION_PERIODS.map((d) => `${d} d`)],
		["all", r.retention.overall.map(formatRetention)],
		...r.retention.decks.map((d): [string, string[]] => [d.deck, d.figures.map(formatRetention)]),
	];
	const width = Math.max(...rows.map(([name]) => name.length));
	for (const [name, cells] of rows) out.push(`  ${name.padEnd(width)}  ${cells.map((cell) => cell.padStart(16)).join("")}`);
	out.push(`Intervals: ${r.intervals.map((b) => `${b.label} ${b.count}`).join(" · ")}`);
	out.push(
		`Difficulty: ${r.difficulty.buckets.map((b) => `${b.label} ${b.count}`).join(" · ")}` +
			(r.difficulty.without ? ` (${r.difficulty.without} without FSRS difficulty)` : ""),
	);
	return out.join("\n") + "\n";
}

function formatRetention(f: { passed: number; reviews: number; retention: number | null }): string {
	return f.retention === null ? "–" : `${(f.retention * 100).toFixed(1)}% (${f.passed}/${f.reviews})`;
}

function formatDuration(ms: number): string {
	const minutes = Math.round(ms / 60_000);
	return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function plural(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? "" : "s"}`;
}
