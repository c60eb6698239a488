// Writes a simulated learner's review log into a vault, so `spaced-notes optimize VAULT` and the
// plugin's "Optimize" have something to learn from (docs/cli.md, "optimize").
// Usage: node scripts/simulate-log.mjs VAULT [REVIEWS] [SEED]. The answers belong to cards of the
// vault's first notes (ids with their path part), in each note's first deck; the file is
// `<vault>/.obsidian/plugins/spaced-notes/logs/simulated.jsonl` (replaced if present).
import { build } from "esbuild";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [vault, reviews = "5000", seed = "1"] = process.argv.slice(2);
if (!vault) {
	console.error("usage: node scripts/simulate-log.mjs VAULT [REVIEWS] [SEED]");
	process.exit(2);
}
const entry = `
import { randomLearner, simulateLog } from "./tests/builders/learner";
import { formatLogLine } from "./src/stats/log-format";
import { pathHash } from "./src/stats/card-id";
const [count, seed] = [Number(process.argv[2]), Number(process.argv[3])];
const notes = [["languages/german-basics.md", "flashcards/languages/german"], ["docker/layers-and-lists.md", "space/docker/basics"]];
const lines = notes.flatMap(([path, deck], i) =>
	simulateLog(randomLearner(seed + i, 0.6), { reviews: Math.round(count / notes.length), seed: seed + i, notePart: pathHash(path), deck }).map(formatLogLine),
);
process.stdout.write(lines.join("\\n") + "\\n");
`;
const result = await build({
	stdin: { contents: entry, resolveDir: process.cwd(), loader: "ts" },
	bundle: true,
	platform: "node",
	format: "esm",
	write: false,
	logLevel: "warning",
});
const { spawnSync } = await import("node:child_process");
const run = spawnSync(process.execPath, ["--input-type=module", "-", reviews, seed], { input: result.outputFiles[0].text, maxBuffer: 1 << 30 });
if (run.status !== 0) {
	process.stderr.write(run.stderr);
	process.exit(1);
}
const folder = join(vault, ".obsidian", "plugins", "spaced-notes", "logs");
mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, "simulated.jsonl"), run.stdout);
console.log(`wrote ${run.stdout.toString().split("\n").length - 1} answers to ${join(folder, "simulated.jsonl")}`);
