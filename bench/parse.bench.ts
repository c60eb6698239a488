/**
 * Parser throughput against a read-and-split baseline (target: at most 3×), and linear growth
 * on a 1 MB single-line note and a note of 100,000 `?` cards (with half-size versions).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { splitLines } from "../src/cards/lines";
import { parseNote } from "../src/cards/parse";
import { DEFAULT_SETTINGS } from "../src/settings/settings";
import { generateVault } from "./vault-generator";

const settings = { ...DEFAULT_SETTINGS, flashcardTags: ["#flashcards"] };

function files(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Best of `runs` timings in ms. */
function best(runs: number, fn: () => void): number {
	let min = Infinity;
	for (let r = 0; r < runs; r++) {
		const start = performance.now();
		fn();
		min = Math.min(min, performance.now() - start);
	}
	return min;
}

const dir = mkdtempSync(join(tmpdir(), "spaced-notes-bench-"));
try {
	generateVault(dir, { notes: 10_000, cardsPerNote: 10, seed: 42 });
	const paths = files(dir);
	let bytes = 0;
	let lines = 0;
	let cards = 0;
	const baseline = best(3, () => {
		bytes = 0;
		lines = 0;
		for (const path of paths) {
			const text = readFileSync(path, "utf8");
			bytes += text.length;
			lines += splitLines(text).lines.length;
		}
	});
	const parse = best(3, () => {
		cards = 0;
		for (const path of paths) {
			const text = readFileSync(path, "utf8");
			cards += parseNote(text, { path: path.slice(dir.length + 1), settings }).cards.length;
		}
	});
	const mb = bytes / 1e6;
	console.log(`vault: ${paths.length} notes, ${lines} lines, ${mb.toFixed(1)} MB, ${cards} cards`);
	console.log(`read + split (baseline): ${baseline.toFixed(0)} ms, ${(mb / (baseline / 1000)).toFixed(1)} MB/s`);
	console.log(`read + parse:            ${parse.toFixed(0)} ms, ${(mb / (parse / 1000)).toFixed(1)} MB/s, ${Math.round(cards / (parse / 1000))} cards/s`);
	console.log(`ratio parse / baseline:  ${(parse / baseline).toFixed(2)}× (target ≤ 3×)`);

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
		["1 MB single-line note", singleLine, 1_000_000],
		["100,000 `?` cards note", questions, 100_000],
	] as const) {
		const small = make(full / 2);
		const large = make(full);
		const count = (t: string) => parseNote(t, { path: "big.md", settings }).cards.length;
		const half = best(3, () => count(small));
		const whole = best(3, () => count(large));
		console.log(
			`${name}: half ${half.toFixed(1)} ms, full ${whole.toFixed(1)} ms, growth ${(whole / half).toFixed(2)}× for 2× input (${count(large)} cards)`,
		);
	}
} finally {
	rmSync(dir, { recursive: true, force: true });
}
