// Bundles our TypeScript entry points (src/, bench/) for a run, so the figures are those of the working tree.
import { build } from "esbuild";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Bundles one of our TypeScript entry points into a temporary CommonJS file. */
export async function bundle(entry, work, name) {
	const outfile = join(work, name);
	await build({ entryPoints: [join(ROOT, entry)], bundle: true, platform: "node", format: "cjs", target: "node20", outfile, logLevel: "warning" });
	return outfile;
}
