// Card index benchmarks (run: node scripts/bench.mjs index). Prints, side by side, each figure as
// the median with the spread (min–max) across runs (bench/measure.ts):
// - full index of a generated 10,000-note / 100,000-card vault vs reading and splitting it, on one
//   thread and on every core (as `spaced-notes decks` builds it), with where one thread's time goes;
// - one note changed, median update, in that vault and in a 100-note vault;
// - heap held by the index for those cards;
// - deck tree with counts.
// Quick mode: a 2,000-note vault.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parseNote } from "../src/cards/parse";
import { buildDeckTree } from "../src/index/deck-tree";
import { CardIndex, INDEX_SLICE_MS } from "../src/index/card-index";
import { buildIndexOnThisThread, IndexThreads, isIndexWorker, runIndexWorker } from "../src/cli/index-threads";
import type { VaultFile } from "../src/cli/vault";
import { DEFAULT_SETTINGS, type SpacedNotesSettings } from "../src/settings/settings";
import { atMost, median, percentile, pick, ratios, repeat, RUNS, runsNote, show, spread, time, verdict } from "./measure";
import { generateVault } from "./vault-generator";

const NOW = new Date();

/** A note of the generated vault, as the command line lists it. */
type Note = VaultFile;

function markdownFiles(root: string, dir = root, out: Note[] = []): Note[] {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.name.startsWith(".")) continue;
		const absolute = join(dir, entry.name);
		if (entry.isDirectory()) markdownFiles(root, absolute, out);
		else if (entry.name.endsWith(".md")) {
			const path = relative(root, absolute).split("\\").join("/");
			out.push({ absolute, display: path, vaultPath: path });
		}
	}
	return out;
}

/** The generated vault uses the default flashcard tag, `#flashcards`. */
function settingsOf(_root: string): SpacedNotesSettings {
	return DEFAULT_SETTINGS;
}

function indexNote(index: CardIndex, path: string, text: string, settings: SpacedNotesSettings): void {
	const parsed = parseNote(text, { path, settings });
	if (parsed.included) index.setFile(path, parsed);
	else index.removeFile(path);
}

function buildIndex(notes: Note[], settings: SpacedNotesSettings): CardIndex {
	return buildIndexOnThisThread(notes, settings);
}

function readAndSplit(notes: Note[]): number {
	let lines = 0;
	for (const note of notes) lines += readFileSync(note.absolute, "utf8").split(/\r\n|\r|\n/).length;
	return lines;
}

/** One run: reading every note, and parsing every note whose text is already in memory. */
function fullIndexParts(notes: Note[], settings: SpacedNotesSettings): { reading: number; parsing: number } {
	let texts: string[] = [];
	const reading = time(() => (texts = notes.map((note) => readFileSync(note.absolute, "utf8"))));
	const parsing = time(() => {
		for (let i = 0; i < notes.length; i++) parseNote(texts[i], { path: notes[i].vaultPath, settings });
	});
	return { reading, parsing };
}

function gc(): void {
	const collect = (globalThis as { gc?: () => void }).gc;
	if (collect) for (let i = 0; i < 3; i++) collect();
}

/** Median time of re-indexing one note whose text alternates between two versions. */
function medianUpdate(index: CardIndex, note: Note, settings: SpacedNotesSettings, runs = pick(300, 100)): number {
	const original = readFileSync(note.absolute, "utf8");
	// Append a card, as a user typing one would.
	const edited = `${original}\n\nA question added while editing::and its answer\n`;
	const samples: number[] = [];
	indexNote(index, note.vaultPath, edited, settings);
	const grown = index.getFile(note.vaultPath)?.cardCount ?? 0;
	indexNote(index, note.vaultPath, original, settings);
	if (grown !== (index.getFile(note.vaultPath)?.cardCount ?? 0) + 1) throw new Error("the edit did not add a card");
	for (let i = 0; i < runs; i++) {
		const text = i % 2 === 0 ? edited : original;
		samples.push(time(() => indexNote(index, note.vaultPath, text, settings)));
	}
	return median(samples);
}

function vault(notes: number, cardsPerNote: number): { root: string; files: Note[]; settings: SpacedNotesSettings } {
	const root = mkdtempSync(join(tmpdir(), `spaced-notes-index-${notes}-`));
	generateVault(root, { notes, cardsPerNote, seed: 42 });
	return { root, files: markdownFiles(root).sort((a, b) => (a.vaultPath < b.vaultPath ? -1 : 1)), settings: settingsOf(root) };
}

/** Milliseconds: two decimals below 10 ms, none above. */
const ms = (values: number[]) => show(values, spread(values).median < 10 ? 2 : 0);
const times = (values: number[]) => show(values, 2, "×");
const row = (label: string, value: string, target: string) => console.log(`${label.padEnd(46)} ${value.padStart(22)}   ${target}`);

async function main(): Promise<void> {
	const large = vault(pick(10_000, 2_000), 10);
	const small = vault(100, 10);
	let threads: IndexThreads | null = null;
	try {
		// Warm the file cache and the JIT once, not counted.
		readAndSplit(large.files);
		buildIndex(large.files, large.settings);
		// The worker threads are started once per process (the command line does so for a large
		// vault): the first build pays for starting them and compiling their code. Each run starts a
		// fresh pool for that; the last one is kept for the builds with threads already started.
		const firstBuilds: number[] = [];
		for (let r = 0; r < RUNS; r++) {
			const started = IndexThreads.start();
			firstBuilds.push(time(() => started.build(large.files, large.settings)));
			if (r < RUNS - 1) await started.close();
			else threads = started;
		}
		if (threads) run(large, small, threads, firstBuilds);
	} finally {
		await threads?.close();
		rmSync(large.root, { recursive: true, force: true });
		rmSync(small.root, { recursive: true, force: true });
	}
}

type Vault = ReturnType<typeof vault>;

function run(large: Vault, small: Vault, threads: IndexThreads, firstBuilds: number[]): void {
	let index = buildIndex(large.files, large.settings);
	const same = JSON.stringify(buildDeckTree(threads.build(large.files, large.settings), NOW)) === JSON.stringify(buildDeckTree(index, NOW));
	if (!same) throw new Error("the index built on every core differs from the one built on one thread");
	// Each run times the baseline and the builds one after the other, so ratios are taken per run.
	// Where the full index's time goes: reading alone, and parsing texts already in memory; the
	// rest is building the index entries (mostly the garbage collector moving what they keep).
	const runs = repeat(RUNS, () => {
		const baseline = time(() => readAndSplit(large.files));
		const full = time(() => {
			index = buildIndex(large.files, large.settings);
		});
		const parallel = time(() => threads.build(large.files, large.settings));
		const { reading, parsing } = fullIndexParts(large.files, large.settings);
		return { baseline, full, parallel, reading, parsing, rest: Math.max(0, full - reading - parsing) };
	});
	const of = (figure: (r: (typeof runs)[number]) => number) => runs.map(figure);
	const baseline = of((r) => r.baseline);
	const parallel = of((r) => r.parallel);
	const full = of((r) => r.full);
	console.log(runsNote());
	console.log(`vault: ${index.fileCount} notes with cards of ${large.files.length}, ${index.cardCount} cards, ${index.siblingCount} siblings`);
	row("", "measured", "target");
	row("read and split every note (baseline)", ms(baseline), "");
	row(
		`full index on every core (${threads.size + 1} threads)`,
		ms(parallel),
		`${atMost(parallel, 1000, "≤ 1000 ms")}; ${times(ratios(parallel, baseline))} baseline, ${atMost(ratios(parallel, baseline), 2, "≤ 2×")}`,
	);
	row("  the first build, starting the threads", ms(firstBuilds), "once per process");
	row("full index on one thread (read, parse, index)", ms(full), `${times(ratios(full, baseline))} baseline`);
	row(
		"  of which reading every note",
		ms(of((r) => r.reading)),
		`${times(
			ratios(
				of((r) => r.reading),
				baseline,
			),
		)} baseline`,
	);
	row(
		"  of which parsing (texts in memory)",
		ms(of((r) => r.parsing)),
		`${times(
			ratios(
				of((r) => r.parsing),
				baseline,
			),
		)} baseline`,
	);
	row(
		"  of which building the index (the rest)",
		ms(of((r) => r.rest)),
		`${times(
			ratios(
				of((r) => r.rest),
				baseline,
			),
		)} baseline`,
	);

	// The longest single note bounds the longest main-thread task of the chunked build in
	// Obsidian: a slice stops once its budget (INDEX_SLICE_MS) is spent, so a task is ≤ the budget + one note.
	const notes = repeat(RUNS, () => {
		const perNote: number[] = [];
		for (const note of large.files) {
			const text = readFileSync(note.absolute, "utf8");
			perNote.push(time(() => indexNote(index, note.vaultPath, text, large.settings)));
		}
		return { p999: percentile(perNote, 0.999), max: Math.max(...perNote) };
	});
	const p999 = notes.map((n) => n.p999);
	const slowest = notes.map((n) => n.max);
	const slice = (values: number[]) =>
		verdict(
			values.map((note) => INDEX_SLICE_MS + note),
			16,
		);
	row(
		"single note, p99.9 / max (max includes GC)",
		`${ms(p999)} / ${ms(slowest)}`,
		`${INDEX_SLICE_MS} ms slice + one note ≤ 16 ms: p99.9 ${slice(p999)}, max ${slice(slowest)}`,
	);

	const smallIndex = buildIndex(small.files, small.settings);
	const changedLarge = repeat(RUNS, () => medianUpdate(index, large.files[Math.floor(large.files.length / 2)], large.settings));
	const changedSmall = repeat(RUNS, () => medianUpdate(smallIndex, small.files[Math.floor(small.files.length / 2)], small.settings));
	row(`one note changed, ${large.files.length.toLocaleString("en")}-note vault (median)`, ms(changedLarge), atMost(changedLarge, 2, "≤ 2 ms"));
	row("one note changed, 100-note vault (median)", ms(changedSmall), `${atMost(changedSmall, 2, "≤ 2 ms")}, about the same`);

	const trees = repeat(RUNS, (r) => {
		const samples: number[] = [];
		for (let i = 0; i < pick(30, 10); i++) samples.push(time(() => buildDeckTree(index, new Date(NOW.getTime() + r * 1000 + i))));
		return median(samples);
	});
	row(`deck tree with counts, ${index.cardCount} cards (median)`, ms(trees), atMost(trees, 20, "≤ 20 ms"));

	let cardCount = 0;
	const heap = repeat(RUNS, () => {
		index = new CardIndex({ flashcardTags: [], dayStartHour: 4 });
		gc();
		const before = process.memoryUsage().heapUsed;
		const held = buildIndex(large.files, large.settings);
		gc();
		const after = process.memoryUsage().heapUsed;
		cardCount = held.cardCount;
		return (after - before) / 1048576;
	});
	row(`heap held by the index, ${cardCount} cards`, show(heap, 1, " MB"), atMost(heap, 60, "≤ 60 MB"));
}

// The worker threads run this same bundle.
if (isIndexWorker()) runIndexWorker();
else void main();
