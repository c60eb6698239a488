/**
 * Timing shared by the benchmarks. Every figure is measured in several runs ({@link RUNS}) and
 * printed as its median with the spread (min–max) across those runs, so a figure quoted
 * elsewhere can be a range that holds rather than one lucky run. `--quick` (`npm run bench --
 * --quick`, as CI runs it) takes fewer runs and smaller inputs; its figures show that the
 * benchmarks work, and are not the ones to compare with the targets, which are set for the full
 * sizes.
 */
import { performance } from "node:perf_hooks";

const QUICK = process.argv.includes("--quick");

/** Runs per figure: 5, or 3 in quick mode. */
export const RUNS = QUICK ? 3 : 5;

/** `full`, or `quick` in quick mode (input sizes, inner repetitions). */
export function pick<T>(full: T, quick: T): T {
	return QUICK ? quick : full;
}

/** Milliseconds taken by `fn`. */
export function time(fn: () => void): number {
	const start = performance.now();
	fn();
	return performance.now() - start;
}

/** `fn`'s result for each of `runs` runs (run 0 first). */
export function repeat<T>(runs: number, fn: (run: number) => T): T[] {
	const values: T[] = [];
	for (let run = 0; run < runs; run++) values.push(fn(run));
	return values;
}

/** The value at fraction `p` (0–1) of the sorted values: 0.5 is the median (the upper one of an even count). */
export function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) throw new Error("no values");
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

export function median(values: readonly number[]): number {
	return percentile(values, 0.5);
}

/** Median of `inner` timings of `fn`: one run's figure for an operation too short to time once. */
export function medianTime(inner: number, fn: (i: number) => void): number {
	const samples: number[] = [];
	for (let i = 0; i < inner; i++) samples.push(time(() => fn(i)));
	return median(samples);
}

export interface Spread {
	median: number;
	min: number;
	max: number;
	runs: number;
}

export function spread(values: readonly number[]): Spread {
	return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length };
}

/** Each run's `a / b`. */
export function ratios(a: readonly number[], b: readonly number[]): number[] {
	return a.map((value, i) => value / b[i]);
}

/** "212 ms (208–220)": the median, then the lowest and highest run. */
export function show(values: readonly number[] | Spread, digits = 1, unit = " ms"): string {
	const s = "median" in values ? values : spread(values);
	return `${s.median.toFixed(digits)}${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
}

/**
 * A target "≤ limit", judged on the runs: "met" when every run meets it, "met by the median
 * only" when the median does but not every run, else "NOT MET".
 */
export function verdict(values: readonly number[], limit: number): string {
	const s = spread(values);
	return s.max <= limit ? "met" : s.median <= limit ? "met by the median only" : "NOT MET";
}

/** "target ≤ 3×: met", with {@link verdict}. */
export function atMost(values: readonly number[], limit: number, text: string): string {
	return `target ${text}: ${verdict(values, limit)}`;
}

/**
 * A target "linear": `growth` holds each run's time for the larger input over the smaller one,
 * `factor` the ratio of the input sizes. Taken as met when the time grows at most 1.25× as fast
 * as the input (a quadratic cost would double that for a 2× input).
 */
export function linear(growth: readonly number[], factor: number): string {
	return atMost(growth, factor * 1.25, `linear (time ratio ≤ 1.25 × input ratio ${factor}×)`);
}

/** One line saying how the figures below were taken. */
export function runsNote(): string {
	return `${RUNS} runs per figure${QUICK ? " (quick mode: smaller inputs, not comparable with the targets)" : ""}; each figure: median (min–max)`;
}
