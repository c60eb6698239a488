/**
 * Where the terminal review gets its answers: single key presses in a terminal, or one word
 * per line when standard input is a pipe or a file (docs/cli.md), so sessions can be scripted.
 */
import { createInterface } from "node:readline";

export type ReviewAction = "reveal" | "again" | "hard" | "good" | "easy" | "skip" | "undo" | "quit";

export interface ReviewInput {
	/** The next action; `quit` at the end of input. */
	/** `end`: the session has no card left; only undo and quit mean something there. */
	next(phase: "question" | "answer" | "end"): Promise<ReviewAction>;
	close(): void;
}

const WORDS: Record<string, ReviewAction> = {
	again: "again",
	hard: "hard",
	good: "good",
	easy: "easy",
	skip: "skip",
	undo: "undo",
	quit: "quit",
	"1": "again",
	"2": "hard",
	"3": "good",
	"4": "easy",
};

/** Reads one word per line; blank lines are ignored; unknown words are reported and skipped. */
export function lineInput(stream: NodeJS.ReadableStream, warn: (message: string) => void): ReviewInput {
	const rl = createInterface({ input: stream, crlfDelay: Infinity, terminal: false });
	const iterator: AsyncIterator<string> = rl[Symbol.asyncIterator]();
	return {
		async next() {
			for (;;) {
				const result = await iterator.next();
				if (result.done) return "quit";
				const word = result.value.trim().toLowerCase();
				if (word === "") continue;
				const action = WORDS[word];
				if (action) return action;
				warn(`unknown answer '${word}' (again, hard, good, easy, skip, undo, quit)`);
			}
		},
		close() {
			rl.close();
		},
	};
}

/** Keys in a terminal: Enter or Space reveals, 1–4 answer, u undo, s skip, q or Ctrl-C quit. */
export function keyInput(stream: NodeJS.ReadStream): ReviewInput {
	stream.setRawMode?.(true);
	stream.resume();
	stream.setEncoding("utf8");
	const pending: string[] = [];
	let waiting: ((key: string) => void) | null = null;
	let ended = false;
	const onData = (chunk: string) => {
		for (const key of chunk) {
			if (waiting) {
				const resolve = waiting;
				waiting = null;
				resolve(key);
			} else pending.push(key);
		}
	};
	const onEnd = () => {
		ended = true;
		if (waiting) waiting("q");
	};
	stream.on("data", onData);
	stream.on("end", onEnd);
	const readKey = (): Promise<string> => {
		const key = pending.shift();
		if (key !== undefined) return Promise.resolve(key);
		if (ended) return Promise.resolve("q");
		return new Promise((resolve) => (waiting = resolve));
	};
	return {
		async next(phase) {
			for (;;) {
				const key = (await readKey()).toLowerCase();
				if (key === "\u0003" || key === "q") return "quit";
				if (key === "u") return "undo";
				if (key === "s") return "skip";
				if (phase === "end" && (key === "\r" || key === "\n" || key === " ")) return "quit";
				if (phase === "question" && (key === "\r" || key === "\n" || key === " ")) return "reveal";
				if (phase === "answer") {
					if (key === "\r" || key === "\n" || key === " ") return "good";
					const action = WORDS[key];
					if (action) return action;
				}
			}
		},
		close() {
			stream.off("data", onData);
			stream.off("end", onEnd);
			stream.setRawMode?.(false);
			stream.pause();
		},
	};
}
