/** What a command needs from the outside world; tests pass their own. */
export interface CliIO {
	stdout: (text: string) => void;
	stderr: (text: string) => void;
	/** Standard input, when a command reads it (review). */
	stdin?: NodeJS.ReadableStream;
	/** Whether standard input is an interactive terminal. */
	stdinIsTTY?: boolean;
	/** The terminal's width in columns, when standard output is one (the review wraps to it). */
	columns?: number;
	/** Working directory against which PATH arguments are resolved. */
	cwd: string;
}

/** Bad usage or unreadable input: printed as one line, exit status 2. */
export class UsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = "UsageError";
	}
}

/** Exit statuses of docs/cli.md: 0 done, 1 problems found, 2 bad usage or unreadable input. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

export type Command = (args: string[], io: CliIO) => Promise<number>;
