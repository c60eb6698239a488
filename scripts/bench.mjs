// Runs every benchmark in bench/*.bench.ts, one after another in its own Node process
// (bundled with esbuild first), so figures are not disturbed by each other's heaps.
import { build } from "esbuild";
import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const only = process.argv[2];
const files = readdirSync("bench")
	.filter((f) => f.endsWith(".bench.ts"))
	.filter((f) => !only || f.includes(only))
	.sort();
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
	});
	console.log(`\n## ${file}`);
	const run = spawnSync(process.execPath, ["--expose-gc", outfile], { stdio: "inherit" });
	if (run.status !== 0) failures++;
}
process.exitCode = failures ? 1 : 0;
