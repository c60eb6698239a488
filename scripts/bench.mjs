// Runs every benchmark in bench/*.bench.ts, one after another in its own Node process
// (bundled with esbuild first), so figures are not disturbed by each other's heaps.
// Usage: npm run bench [-- NAME] [-- --quick]. NAME runs the benchmarks whose file name contains
// it; --quick takes fewer runs and smaller inputs (CI). Each figure is printed as its median with
// the spread (min–max) across runs (bench/measure.ts). A benchmark that misses a target says so;
// only one that crashes makes this script fail.
import { build } from "esbuild";
import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { availableParallelism, cpus, loadavg } from "node:os";
import { join } from "node:path";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const unknown = args.filter((arg) => arg.startsWith("-") && arg !== "--quick");
if (unknown.length) {
	console.error(`bench: unknown option ${unknown.join(" ")} (known: --quick)`);
	process.exit(2);
}
const only = args.find((arg) => !arg.startsWith("-"));
const files = readdirSync("bench")
	.filter((f) => f.endsWith(".bench.ts"))
	.filter((f) => !only || f.includes(only))
	.sort();

const cpu = cpus();
console.log(
	`machine: ${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} cores (${availableParallelism()} usable), Node ${process.version}, ${process.platform} ${process.arch}`,
);
console.log(
	`load average at start: ${loadavg()
		.map((n) => n.toFixed(2))
		.join(" / ")} (1 / 5 / 15 min)`,
);
console.log(`mode: ${quick ? "quick" : "full"}`);

let failures = 0;
for (const file of files) {
	const outfile = join(".work", "bench", file.replace(/\.ts$/, ".cjs"));
	await build({
		entryPoints: [join("bench", file)],
		bundle: true,
		platform: "node",
		format: "cjs",
		target: "node20",
		outfile,
		logLevel: "warning",
		// UI benchmarks draw views in jsdom (loaded from node_modules) with the tests' Obsidian mock.
		external: ["jsdom"],
		alias: { obsidian: "./tests/mocks/obsidian.ts" },
	});
	console.log(`\n## ${file}`);
	const start = Date.now();
	const run = spawnSync(process.execPath, ["--expose-gc", outfile, ...(quick ? ["--quick"] : [])], { stdio: "inherit" });
	console.log(`(${((Date.now() - start) / 1000).toFixed(1)} s)`);
	if (run.status !== 0) {
		console.log(`bench: ${file} stopped with ${run.status === null ? `signal ${run.signal}` : `exit status ${run.status}`}`);
		failures++;
	}
}
console.log(
	`\nload average at the end: ${loadavg()
		.map((n) => n.toFixed(2))
		.join(" / ")} (1 / 5 / 15 min)`,
);
if (files.length === 0) console.log(`bench: no benchmark matches ${only}`);
process.exitCode = failures || files.length === 0 ? 1 : 0;
