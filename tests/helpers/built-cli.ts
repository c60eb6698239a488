/**
 * Builds the command line once per test file, exactly as `npm run build` bundles it, and runs
 * the bundle in a child process: end-to-end tests then exercise what users run.
 */
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

let built: Promise<string> | null = null;

function buildCli(): Promise<string> {
	built ??= (async () => {
		const outfile = join(mkdtempSync(join(tmpdir(), "sn-cli-")), "spaced-notes.cjs");
		await build({
			entryPoints: [join(__dirname, "..", "..", "src", "cli", "main.ts")],
			bundle: true,
			platform: "node",
			format: "cjs",
			target: "node20",
			outfile,
			banner: { js: "#!/usr/bin/env node" },
			logLevel: "silent",
		});
		return outfile;
	})();
	return built;
}

export interface CliRun {
	status: number | null;
	stdout: string;
	stderr: string;
}

/** Runs the built command line with `args`, feeding `input` on standard input (not a terminal). */
export async function runBuiltCli(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
	const cli = await buildCli();
	const run = spawnSync(process.execPath, [cli, ...args], {
		cwd: options.cwd,
		input: options.input ?? "",
		encoding: "utf8",
		env: { ...process.env, TZ: "UTC", ...options.env },
	});
	return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
