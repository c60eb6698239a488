/**
 * The review log on disk: one append-only file per device, `<plugin folder>/logs/<device>.jsonl`,
 * read and written through the vault adapter (the plugin folder lives in the config folder,
 * which the Vault file API does not cover). Each device writes only its own file, so a sync
 * service never sees two writers of one file; readers merge all files (`stats/merge.ts`).
 */
import { normalizePath, TFile, type App, type DataAdapter, type Plugin } from "obsidian";
import { formatLogLine, type CramEntry, type LogEntry, type ReviewEntry } from "../stats/log-format";
import { mergeLogs, type LogFile, type MergedLog } from "../stats/merge";
import { reviewEntry, undoEntry, type AnswerFacts } from "../stats/review-entry";

/** The adapter calls the store uses (a `DataAdapter` fits; tests pass an in-memory one). */
export type LogAdapter = Pick<DataAdapter, "append" | "read" | "write" | "exists" | "list" | "mkdir">;

const DEVICE_KEY = "spaced-notes-device-id";

export class ReviewLogStore {
	/** Lines not yet written because the last write failed; retried before the next line. */
	private pending: string[] = [];
	private queue: Promise<void> = Promise.resolve();
	/** Whether this session has already written to the file (so it ends with a line break). */
	private wrote = false;

	/**
	 * @param folder the log folder, e.g. `${manifest.dir}/logs`
	 * @param deviceId this device's id (letters, digits, `-`, `_`), the file name
	 */
	constructor(
		private readonly adapter: LogAdapter,
		readonly folder: string,
		deviceId: string,
	) {
		this.file = normalizePath(`${folder}/${safeName(deviceId)}.jsonl`);
	}

	/** This device's log file. */
	readonly file: string;

	/** The store of a plugin: `<plugin folder>/logs/`, this device's id from local storage. */
	static forPlugin(plugin: Plugin): ReviewLogStore {
		const dir = plugin.manifest.dir ?? `${plugin.app.vault.configDir}/plugins/${plugin.manifest.id}`;
		return new ReviewLogStore(plugin.app.vault.adapter, normalizePath(`${dir}/logs`), deviceId(plugin.app));
	}

	/**
	 * Logs one answer; call it after the grade was written back. Resolves with the entry (keep it
	 * for {@link recordUndo}). Rejects when the file cannot be written; the line is then kept and
	 * written with the next one, so a passing failure loses nothing.
	 */
	async recordAnswer(facts: AnswerFacts): Promise<ReviewEntry> {
		const entry = reviewEntry(facts);
		await this.append(entry);
		return entry;
	}

	/** Logs that a note moved, so earlier answers follow it. */
	recordRename(from: string, to: string, time: Date = new Date()): Promise<void> {
		return this.append({ kind: "rename", time: time.getTime(), from, to });
	}

	/** Logs that `answer` was undone; readers drop it. */
	recordUndo(answer: Pick<ReviewEntry, "card" | "time">, time: Date = new Date()): Promise<void> {
		return this.append(undoEntry(answer, time));
	}

	/** Logs an answer of a session that changes no schedule (custom study). */
	recordCram(entry: CramEntry): Promise<void> {
		return this.append(entry);
	}

	/** Appends one entry (writes are serialised, so lines never interleave). */
	append(entry: LogEntry): Promise<void> {
		this.pending.push(formatLogLine(entry) + "\n");
		const run = this.queue.then(() => this.flush());
		this.queue = run.catch(() => undefined);
		return run;
	}

	/** Reads and merges every device's file. Never rejects: unreadable files become problems. */
	async readAll(): Promise<MergedLog> {
		const files: LogFile[] = [];
		const unreadable: MergedLog["problems"] = [];
		try {
			if (await this.adapter.exists(this.folder)) {
				const listed = await this.adapter.list(this.folder);
				for (const path of listed.files.filter((p) => p.endsWith(".jsonl")).sort()) {
					try {
						files.push({ name: path, text: await this.adapter.read(path) });
					} catch (error) {
						unreadable.push({ file: path, line: 0, reason: `cannot read the file: ${String(error)}` });
					}
				}
			}
		} catch (error) {
			unreadable.push({ file: this.folder, line: 0, reason: `cannot list the folder: ${String(error)}` });
		}
		const merged = mergeLogs(files);
		return { ...merged, problems: [...unreadable, ...merged.problems] };
	}

	private async flush(): Promise<void> {
		if (this.pending.length === 0) return;
		const text = this.pending.join("");
		if (!(await this.adapter.exists(this.folder))) await this.adapter.mkdir(this.folder);
		// An earlier session may have been cut off mid-line (crash, sync of a half-written file):
		// start on a fresh line so that line, not ours, is the one readers skip. Empty lines are ignored.
		if (await this.adapter.exists(this.file)) await this.adapter.append(this.file, this.wrote ? text : `\n${text}`);
		else await this.adapter.write(this.file, text);
		this.wrote = true;
		this.pending = [];
	}
}

/**
 * This device's id. Kept in the vault's local storage, not in the plugin's `data.json`: that
 * file is synced, and two devices sharing an id would write the same log file.
 */
export function deviceId(app: App): string {
	const stored: unknown = app.loadLocalStorage(DEVICE_KEY);
	if (typeof stored === "string" && /^[\w-]{4,64}$/.test(stored)) return stored;
	const id = newDeviceId();
	app.saveLocalStorage(DEVICE_KEY, id);
	return id;
}

/** A random id of 12 hex digits. */
function newDeviceId(): string {
	const bytes = new Uint8Array(6);
	crypto.getRandomValues(bytes);
	return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Logs every rename of a Markdown note while the plugin is loaded (Obsidian also fires `rename`
 * for each note inside a renamed folder).
 * @param onError told when the log cannot be written
 */
export function trackRenames(plugin: Plugin, store: ReviewLogStore, onError: (error: unknown) => void): void {
	plugin.registerEvent(
		plugin.app.vault.on("rename", (file, oldPath) => {
			if (file instanceof TFile && file.extension === "md") store.recordRename(oldPath, file.path).catch(onError);
		}),
	);
}

function safeName(id: string): string {
	const cleaned = id.replace(/[^\w-]/g, "_");
	return cleaned === "" ? "device" : cleaned;
}
