// `npm run fuzz -- --runs N [--seed S]`: the review fuzz test (tests/fuzz) for longer than the
// suite runs it, printing its figures (runs, notes, answers, saves, stale answers, undos, edits).
import { spawnSync } from "node:child_process";

const args = process.argv.slice(2);
const value = (flag, fallback) => {
	const i = args.indexOf(flag);
	return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const runs = value("--runs", "2000");
const seed = value("--seed", String(Date.now() % 2 ** 31));
if (!/^\d+$/.test(runs) || !/^\d+$/.test(seed)) {
	console.error("usage: npm run fuzz -- [--runs N] [--seed S]");
	process.exit(2);
}
console.log(`fuzz: ${runs} runs, seed ${seed}`);
const run = spawnSync("npx", ["vitest", "run", "tests/fuzz", "--testTimeout", "0"], {
	stdio: "inherit",
	env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
});
process.exitCode = run.status ?? 1;
