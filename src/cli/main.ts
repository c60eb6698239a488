/**
 * `spaced-notes`: the plugin's core on a vault folder, from a terminal or CI.
 * Every failure becomes a one-line message and an exit status; no stack trace for bad input.
 */
import { EXIT_USAGE, UsageError, type CliIO, type Command } from "./io";
import { COMMANDS } from "./commands/registry";
import { isIndexWorker, runIndexWorker } from "./index-threads";
import { guardTerminal } from "./terminal-text";

const USAGE = `usage: spaced-notes <command> [options]

commands:
  cards PATH… [--json] [--deck D] [--filter F]  list every card
  decks PATH [--json]               the deck tree with due / new / learning / total
  review PATH [--deck D] [--filter F] review in the terminal, writing schedules back
    [--ahead N | --cram | --forgotten N | --extra-new N]  custom study: due in N days, cram, failed lately, more new cards
  set PATH --filter F|--deck D --suspend|--unsuspend|--flag N|--unflag|--reset|--forget|--due WHEN [--dry-run]
                                    suspend, flag, reset or reschedule the selected cards
  check PATH… [--json]              report problems in cards and comments (exit 1 when any)
  docker PATH… [--json] [--platform P] Dockerfile analysis and checks of notes and Dockerfiles (folders: everything below)
  stats PATH [--json] [--csv]       review history: retention, forecast, streaks (--csv: optimizer export)
  import-sr VAULT [--dry-run]       carry the Spaced Repetition plugin's settings over into ours
  notes PATH [--json]               the notes to review, by deck (new, overdue, today, tomorrow, later)
  review-note FILE easy|good|hard|again  rate one whole note (again only under FSRS)
  optimize PATH [--deck D|--filter F] [--json] [--apply]  personal FSRS parameters from the review log (fsrs-rs)

common options: --tag '#space' (repeatable), --now ISO-8601, --algorithm fsrs|sm2`;

export async function runCli(argv: string[], given: CliIO): Promise<number> {
	// Text from notes never drives the terminal: control characters are shown, not obeyed.
	const [name, ...rest] = argv;
	const drawsItself = name === "review";
	const io: CliIO = { ...given, stdout: guardTerminal(given.stdout, drawsItself), stderr: guardTerminal(given.stderr) };
	if (name === undefined || name === "--help" || name === "-h" || name === "help") {
		(name === undefined ? io.stderr : io.stdout)(USAGE + "\n");
		return name === undefined ? EXIT_USAGE : 0;
	}
	const command: Command | undefined = COMMANDS[name];
	if (!command) {
		io.stderr(`spaced-notes: unknown command '${name}' (try --help)\n`);
		return EXIT_USAGE;
	}
	try {
		return await command(rest, io);
	} catch (error) {
		const message = error instanceof UsageError ? error.message : describeUnexpected(error);
		io.stderr(`spaced-notes ${name}: ${message}\n`);
		return EXIT_USAGE;
	}
}

function describeUnexpected(error: unknown): string {
	if (error instanceof Error) {
		const code = (error as NodeJS.ErrnoException).code;
		return code ? `${error.message} (${code})` : error.message;
	}
	return String(error);
}

// Run only when bundled as the executable, not when imported by tests. A worker thread of an
// index build runs this same bundle and serves build jobs instead.
if (isIndexWorker()) {
	runIndexWorker();
} else if (typeof require !== "undefined" && require.main === module) {
	// A reader that stops early (`| head`) is not an error.
	process.stdout.on("error", (error: NodeJS.ErrnoException) => {
		if (error.code === "EPIPE") process.exit(0);
		throw error;
	});
	runCli(process.argv.slice(2), {
		stdout: (t) => process.stdout.write(t),
		stderr: (t) => process.stderr.write(t),
		stdin: process.stdin,
		stdinIsTTY: Boolean(process.stdin.isTTY),
		columns: process.stdout.isTTY ? process.stdout.columns : undefined,
		cwd: process.cwd(),
	}).then(
		(code) => {
			process.exitCode = code;
		},
		(error: unknown) => {
			process.stderr.write(`spaced-notes: ${String(error)}\n`);
			process.exitCode = EXIT_USAGE;
		},
	);
}
