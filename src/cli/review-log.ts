/**
 * The review log of a vault on disk, for the command line: reading every device's file, and
 * appending this machine's answers to its own file, exactly as the plugin does
 * (`src/obsidian/review-log-store.ts`), so `review` in a terminal shows up in the statistics.
 */
import { appendFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { hostname } from "node:os";
import { join, relative } from "node:path";
import type { ReviewLog } from "../review/ports";
import { formatLogLine, type CramEntry, type LogEntry, type ReviewEntry } from "../stats/log-format";
import { mergeLogs, type LogFile, type LogProblem, type MergedLog } from "../stats/merge";
import { reviewEntry, undoEntry, type AnswerFacts } from "../stats/review-entry";
import { isDirectory, pathExists, toSlashes } from "./fs-paths";

/** The plugin's log folder inside a config folder. */
export const LOG_SUBFOLDER = join("plugins", "spaced-notes", "logs");

/**
 * The config folders of a vault: dot-folders of the root that hold Obsidian's `app.json` or a
 * `plugins` folder. The name is a per-device setting (phones often use another), and the command
 * line has no Obsidian to ask, so it considers them all.
 */
function configFolders(root: string): string[] {
	let names: string[];
	try {
		names = readdirSync(root, { withFileTypes: true })
			.filter((e) => e.isDirectory() && e.name.startsWith("."))
			.map((e) => e.name)
			.sort();
	} catch {
		return [];
	}
	return names.map((name) => join(root, name)).filter((dir) => pathExists(join(dir, "app.json")) || isDirectory(join(dir, "plugins")));
}

/** The vault's log folders that exist (one per config folder that has one). */
function logFolders(root: string): string[] {
	return configFolders(root)
		.map((dir) => join(dir, LOG_SUBFOLDER))
		.filter(isDirectory);
}

/** Every `*.jsonl` file of every log folder; a file that cannot be read becomes a problem. */
export function readVaultLog(root: string): { files: LogFile[]; problems: LogProblem[] } {
	const files: LogFile[] = [];
	const problems: LogProblem[] = [];
	for (const folder of logFolders(root)) {
		let names: string[];
		try {
			names = readdirSync(folder)
				.filter((n) => n.endsWith(".jsonl"))
				.sort();
		} catch (error) {
			problems.push({ file: toSlashes(relative(root, folder)), line: 0, reason: `cannot list the folder: ${(error as Error).message}` });
			continue;
		}
		for (const name of names) {
			const path = join(folder, name);
			try {
				files.push({ name: toSlashes(relative(root, path)), text: readFileSync(path, "utf8") });
			} catch (error) {
				problems.push({ file: toSlashes(relative(root, path)), line: 0, reason: `cannot read the file: ${(error as Error).message}` });
			}
		}
	}
	return { files, problems };
}

/**
 * Appends entries to this machine's log file, `cli-<host name>.jsonl`, in the config folder whose
 * plugin folder has settings (else one that has the plugin's folder, else the first). Returns the file written, or
 * null when the vault has no config folder (nothing is written then).
 * The text starts with a line break, so a line cut off earlier never swallows these entries.
 * @throws the file system's error when the file cannot be written
 */
export function appendToVaultLog(root: string, entries: readonly LogEntry[], device = `cli-${hostname()}`): string | null {
	const configs = configFolders(root);
	const plugin = (dir: string) => join(dir, "plugins", "spaced-notes");
	const config = configs.find((dir) => pathExists(join(plugin(dir), "data.json"))) ?? configs.find((dir) => isDirectory(plugin(dir))) ?? configs[0];
	if (config === undefined || entries.length === 0) return null;
	const folder = join(config, LOG_SUBFOLDER);
	mkdirSync(folder, { recursive: true });
	const file = join(folder, `${device.replace(/[^\w-]/g, "_")}.jsonl`);
	appendFileSync(file, "\n" + entries.map((e) => formatLogLine(e) + "\n").join(""), "utf8");
	return file;
}

/** The vault's review log as the review engine's {@link ReviewLog}: this machine's file on disk. */
export class VaultReviewLog implements ReviewLog {
	constructor(private readonly root: string) {}

	recordAnswer(facts: AnswerFacts): Promise<ReviewEntry> {
		const entry = reviewEntry(facts);
		return this.append(entry).then(() => entry);
	}

	recordUndo(answer: Pick<ReviewEntry, "card" | "time">, time: Date = new Date()): Promise<void> {
		return this.append(undoEntry(answer, time));
	}

	recordCram(entry: CramEntry): Promise<void> {
		return this.append(entry);
	}

	readAll(): Promise<MergedLog> {
		return Promise.resolve(mergeLogs(readVaultLog(this.root).files));
	}

	append(entry: LogEntry): Promise<void> {
		try {
			appendToVaultLog(this.root, [entry]);
			return Promise.resolve();
		} catch (error) {
			return Promise.reject(error instanceof Error ? error : new Error(String(error)));
		}
	}
}
