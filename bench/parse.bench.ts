/**
 * Parser throughput against a read-and-split baseline (target: at most 3×), and linear growth
 * on a 1 MB single-line note and a note of 100,000 `?` cards (with half-size versions). Each
 * figure is taken in several runs (bench/measure.ts); a run times the baseline and the parse one
 * after the other, so the ratio is taken per run. Quick mode: a 1,000-note vault, 1/10 sizes.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { constants, PerformanceObserver } from "node:perf_hooks";
import { splitLines } from "../src/cards/lines";
import { parseNote } from "../src/cards/parse";
import { DEFAULT_SETTINGS } from "../src/settings/settings";
import { atMost, linear, pick, ratios, repeat, RUNS, runsNote, show, time } from "./measure";
import { generateVault } from "./vault-generator";

const settings = { ...DEFAULT_SETTINGS, flashcardTags: ["#flashcards"] };

function files(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

/**
 * The garbage collections of one call of `fn`, minor and major. A parse that makes V8 move its
 * short-lived objects to the old generation shows here as many major collections
 * (docs/performance.md, "What made the parse three to five times slower").
 */
async function collectionsDuring(fn: () => void): Promise<{ minor: number; major: number }> {
	const counts = { minor: 0, major: 0 };
	const observer = new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) {
			const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
			if (kind === constants.NODE_PERFORMANCE_GC_MINOR) counts.minor++;
			else if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) counts.major++;
		}
	});
	observer.observe({ entryTypes: ["gc"] });
	fn();
	// GC entries are delivered after the call returns.
	await new Promise((resolve) => setTimeout(resolve, 50));
	observer.disconnect();
	return counts;
}

async function main(): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), "spaced-notes-bench-"));
	try {
		generateVault(dir, { notes: pick(10_000, 1_000), cardsPerNote: 10, seed: 42 });
		const paths = files(dir);
		let bytes = 0;
		let lines = 0;
		let cards = 0;
		const readAndSplit = () => {
			bytes = 0;
			lines = 0;
			for (const path of paths) {
				const text = readFileSync(path, "utf8");
				bytes += text.length;
				lines += splitLines(text).lines.length;
			}
		};
		const readAndParse = () => {
			cards = 0;
			for (const path of paths) {
				const text = readFileSync(path, "utf8");
				cards += parseNote(text, { path: path.slice(dir.length + 1), settings }).cards.length;
			}
		};
		// One pass of each first, not counted: the file cache and the JIT warm up.
		readAndSplit();
		readAndParse();
		const runs = repeat(RUNS, () => ({ baseline: time(readAndSplit), parse: time(readAndParse) }));
		const baseline = runs.map((r) => r.baseline);
		const parse = runs.map((r) => r.parse);
		const mb = bytes / 1e6;
		const perSecond = (values: number[], amount: number) => values.map((ms) => amount / (ms / 1000));
		console.log(runsNote());
		console.log(`vault: ${paths.length} notes, ${lines} lines, ${mb.toFixed(1)} MB, ${cards} cards`);
		console.log(`read + split (baseline): ${show(baseline, 0)}, ${show(perSecond(baseline, mb), 1, " MB/s")}`);
		console.log(`read + parse:            ${show(parse, 0)}, ${show(perSecond(parse, mb), 1, " MB/s")}, ${show(perSecond(parse, cards), 0, " cards/s")}`);
		console.log(`ratio parse / baseline:  ${show(ratios(parse, baseline), 2, "×")}  ${atMost(ratios(parse, baseline), 3, "≤ 3×")}`);
		const split = await collectionsDuring(readAndSplit);
		const parsed = await collectionsDuring(readAndParse);
		console.log(
			`garbage collections in one pass, minor / major: read + split ${split.minor} / ${split.major}, read + parse ${parsed.minor} / ${parsed.major}`,
		);

		const pieces = ["word ", "`co::de` ", "==hl== ", "$m::x$ ", "[[li::nk]] ", "<!-- c --> ", "%% p %% ", "``` ", "a::b ", "#tag "];
		const singleLine = (size: number): string => {
			let text = "#flashcards Q::";
			for (let i = 0; text.length < size; i++) text += pieces[i % pieces.length].repeat(50);
			return text;
		};
		const questions = (count: number): string => {
			const parts = ["#flashcards", ""];
			for (let i = 0; i < count; i++) parts.push(`Question ${i}`, "?", `Answer ${i}`, "");
			return parts.join("\n");
		};
		for (const [name, make, full] of [
			[pick("1 MB single-line note", "100 KB single-line note (quick)"), singleLine, pick(1_000_000, 100_000)],
			[pick("100,000 `?` cards note", "10,000 `?` cards note (quick)"), questions, pick(100_000, 10_000)],
		] as const) {
			const small = make(full / 2);
			const large = make(full);
			const count = (t: string) => parseNote(t, { path: "big.md", settings }).cards.length;
			count(small);
			count(large);
			const runs = repeat(RUNS, () => ({ half: time(() => count(small)), whole: time(() => count(large)) }));
			const half = runs.map((r) => r.half);
			const whole = runs.map((r) => r.whole);
			const growth = ratios(whole, half);
			console.log(
				`${name}: half ${show(half)}, full ${show(whole)}, growth ${show(growth, 2, "×")} for 2× input (${count(large)} cards)  ${linear(growth, 2)}`,
			);
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

void main();
