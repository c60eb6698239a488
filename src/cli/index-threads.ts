/**
 * Building the card index of a large vault on every core: this thread and worker threads take
 * chunks of notes from a shared counter, read and parse them; a worker sends the summaries of a
 * chunk as one packed batch (see `SummaryBatch`: cheap to move between threads) and this thread
 * indexes them. Reading and parsing are most of a full build, and they need no shared state.
 *
 * The worker threads run this same bundle (see {@link isIndexWorker}), so the command line stays
 * one file. The build itself is synchronous: messages are taken with `receiveMessageOnPort`.
 */
import { availableParallelism } from "node:os";
import { MessageChannel, receiveMessageOnPort, Worker, workerData, isMainThread, parentPort, type MessagePort } from "node:worker_threads";
import { parseNote } from "../cards/parse";
import { CardIndex } from "../index/card-index";
import { summarizeNote, type NoteSummary, type SummaryTables } from "../index/note-summary";
import { batchTransferList, forEachInBatch, SummaryBatchBuilder, type SummaryBatch } from "../index/summary-batch";
import { statusKeyer, type StatusKeyer } from "../index/status-keys";
import type { SpacedNotesSettings } from "../settings/settings";
import { UsageError } from "./io";
import { readText, type VaultFile } from "./vault";

/**
 * Below this many notes a build stays on one thread. A fresh process pays for starting each worker
 * and compiling its code: measured on two cores, 10,000 notes took as long either way (0.55 s),
 * 40,000 notes 1.30 s on one thread and 1.10 s on two.
 */
const MIN_NOTES_FOR_THREADS = 20_000;
/** Notes taken from the shared counter at a time. */
const CHUNK = 64;
const ROLE = "spaced-notes-index-worker";
/** A build gives up on its workers after this long without a message from any of them. */
const WORKER_SILENCE_MS = 10_000;

/** The workers stopped answering: the caller builds on one thread instead. */
class WorkerSilentError extends Error {
	constructor() {
		super("an index worker thread stopped answering");
		this.name = "WorkerSilentError";
	}
}

interface Job {
	files: VaultFile[];
	settings: SpacedNotesSettings;
	/** Shared counter: the next note to take. */
	next: SharedArrayBuffer;
	/** Shared counter: incremented (and notified) on every message a worker posts. */
	posted: SharedArrayBuffer;
	port: MessagePort;
}

type WorkerMessage =
	| { kind: "notes"; batch: SummaryBatch }
	| { kind: "done" }
	/** `unreadable`: a note could not be read (the user's problem); else a failure of the worker. */
	| { kind: "error"; message: string; unreadable: boolean };

/** True in a thread started by {@link IndexThreads}: the bundle's entry runs {@link runIndexWorker} then. */
export function isIndexWorker(): boolean {
	return !isMainThread && (workerData as { role?: string } | null)?.role === ROLE;
}

/** The body of a worker thread: serves build jobs until the pool closes. */
export function runIndexWorker(): void {
	parentPort?.on("message", (job: Job) => {
		const posted = new Int32Array(job.posted);
		const post = (message: WorkerMessage) => {
			job.port.postMessage(message, message.kind === "notes" ? batchTransferList(message.batch) : []);
			Atomics.add(posted, 0, 1);
			Atomics.notify(posted, 0);
		};
		try {
			const keyer = statusKeyer(job.settings.nextDayStartsAt);
			const next = new Int32Array(job.next);
			for (let start = Atomics.add(next, 0, CHUNK); start < job.files.length; start = Atomics.add(next, 0, CHUNK)) {
				const end = Math.min(start + CHUNK, job.files.length);
				// One message per chunk, its notes packed together (see SummaryBatch).
				const batch = new SummaryBatchBuilder(keyer.dayStartHour);
				for (let i = start; i < end; i++) {
					const summary = summaryOf(job.files[i], job.settings, keyer, batch.tables);
					if (summary) batch.add(i, summary);
				}
				post({ kind: "notes", batch: batch.build() });
			}
			post({ kind: "done" });
		} catch (error) {
			post({ kind: "error", message: error instanceof Error ? error.message : String(error), unreadable: error instanceof UsageError });
		} finally {
			job.port.close();
		}
	});
}

/** Reads and parses one note; null when it is not included or has no cards. */
function summaryOf(file: VaultFile, settings: SpacedNotesSettings, keyer: StatusKeyer, tables?: SummaryTables): NoteSummary | null {
	const parsed = parseNote(readText(file), { path: file.vaultPath, settings, textless: true });
	return parsed.included && parsed.cards.length > 0 ? summarizeNote(parsed, keyer, tables) : null;
}

/** A pool of worker threads for index builds; one per core beyond this one. */
export class IndexThreads {
	private constructor(private readonly workers: Worker[]) {}

	/**
	 * Starts `count` workers (default: one per core beyond this one) running `script`, a bundle
	 * whose entry calls {@link runIndexWorker} when {@link isIndexWorker}; the default is this bundle.
	 */
	static start(count = Math.max(0, availableParallelism() - 1), script = __filename): IndexThreads {
		const workers: Worker[] = [];
		for (let i = 0; i < count; i++) {
			const worker = new Worker(script, { workerData: { role: ROLE } });
			// An idle pool never keeps the process alive.
			worker.unref();
			workers.push(worker);
		}
		return new IndexThreads(workers);
	}

	get size(): number {
		return this.workers.length;
	}

	/**
	 * Indexes `files`: reads and parses them on this thread and the workers, indexes on this one.
	 * With `thisThreadReads: false` only the workers read (tests use it to be sure they did).
	 * @throws UsageError (from `readText`) when a note cannot be read, as a one-thread build does
	 */
	build(files: readonly VaultFile[], settings: SpacedNotesSettings, { thisThreadReads = true } = {}): CardIndex {
		const index = new CardIndex({ flashcardTags: settings.flashcardTags, dayStartHour: settings.nextDayStartsAt });
		const next = new Int32Array(new SharedArrayBuffer(4));
		const posted = new Int32Array(new SharedArrayBuffer(4));
		const ports: MessagePort[] = [];
		const list = files.map(({ absolute, display, vaultPath }) => ({ absolute, display, vaultPath }));
		for (const worker of this.workers) {
			const { port1, port2 } = new MessageChannel();
			const job: Job = { files: list, settings, next: next.buffer, posted: posted.buffer, port: port2 };
			worker.postMessage(job, [port2]);
			ports.push(port1);
		}
		let running = ports.length;
		const failures: { message: string; unreadable: boolean }[] = [];
		const drain = () => {
			for (const port of ports) {
				for (let received = receiveMessageOnPort(port); received; received = receiveMessageOnPort(port)) {
					const message = received.message as WorkerMessage;
					if (message.kind === "notes") forEachInBatch(message.batch, (id, summary) => index.setSummary(files[id].vaultPath, summary));
					else if (message.kind === "done") running--;
					else {
						running--;
						failures.push(message);
					}
				}
			}
		};
		try {
			const keyer = index.keyer;
			for (let start = thisThreadReads ? Atomics.add(next, 0, CHUNK) : files.length; start < files.length; start = Atomics.add(next, 0, CHUNK)) {
				const end = Math.min(start + CHUNK, files.length);
				for (let i = start; i < end; i++) {
					const summary = summaryOf(files[i], settings, keyer);
					if (summary) index.setSummary(files[i].vaultPath, summary);
				}
				drain();
			}
			// This thread is done: index what the workers send until each has finished.
			let idle = 0;
			for (let seen = Atomics.load(posted, 0); running > 0; seen = Atomics.load(posted, 0)) {
				drain();
				if (running === 0) break;
				// A worker that died without a word (killed, out of memory) must not hang the build.
				idle = Atomics.wait(posted, 0, seen, 50) === "timed-out" ? idle + 50 : 0;
				if (idle >= WORKER_SILENCE_MS) throw new WorkerSilentError();
			}
		} finally {
			// On a failure here, the workers take no more notes.
			Atomics.store(next, 0, files.length);
			for (const port of ports) port.close();
		}
		const [failure] = failures;
		if (failure) throw failure.unreadable ? new UsageError(failure.message) : new Error(`an index worker thread failed: ${failure.message}`);
		return index;
	}

	/** Stops the workers. */
	async close(): Promise<void> {
		await Promise.all(this.workers.map((worker) => worker.terminate()));
	}
}

/**
 * How many threads a build may use: `SPACED_NOTES_THREADS` when set (1 = this thread only),
 * else one per core. Returns null for "automatic": threads only for a vault of
 * {@link MIN_NOTES_FOR_THREADS} notes or more.
 */
function threadsWanted(env: NodeJS.ProcessEnv = process.env): number | null {
	const value = env.SPACED_NOTES_THREADS;
	if (value === undefined || value.trim() === "") return null;
	const count = Number(value);
	if (!Number.isInteger(count) || count < 1 || count > 64) throw new UsageError(`SPACED_NOTES_THREADS must be a whole number from 1 to 64, not "${value}"`);
	return count;
}

/**
 * Indexes `files` the fastest way: on every core for a large vault (or as many threads as
 * `threads` says), else on this thread. Falls back to this thread if the workers fail.
 */
export function buildVaultIndex(files: readonly VaultFile[], settings: SpacedNotesSettings, threads: number | null = threadsWanted()): CardIndex {
	const count = threads ?? (files.length >= MIN_NOTES_FOR_THREADS ? availableParallelism() : 1);
	if (count <= 1) return buildIndexOnThisThread(files, settings);
	const pool = IndexThreads.start(count - 1);
	try {
		return pool.build(files, settings);
	} catch (error) {
		if (error instanceof UsageError) throw error;
		return buildIndexOnThisThread(files, settings);
	} finally {
		void pool.close();
	}
}

/** Indexes `files` on one thread (small vaults, or when threads are not wanted). */
export function buildIndexOnThisThread(files: readonly VaultFile[], settings: SpacedNotesSettings): CardIndex {
	const index = new CardIndex({ flashcardTags: settings.flashcardTags, dayStartHour: settings.nextDayStartsAt });
	const keyer = index.keyer;
	for (const file of files) {
		const summary = summaryOf(file, settings, keyer);
		if (summary) index.setSummary(file.vaultPath, summary);
	}
	return index;
}
