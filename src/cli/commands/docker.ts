/**
 * `spaced-notes docker FILE [--json]`: the Dockerfile analysis of every dockerfile block of a
 * note (`.md`, `.markdown`), or of a plain Dockerfile (any other file).
 */
import { jsonText } from "../terminal-text";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { analyseDockerfile } from "../../docker/analyse";
import { findDockerBlocks } from "../../docker/markdown-blocks";
import { toDockerJson, type DockerBlockJson } from "../../docker/json";
import { footprintLines } from "../../docker/summary";
import type { DockerAnalysis } from "../../docker/types";
import { hasFlag, parseArgs } from "../args";
import { EXIT_OK, UsageError, type Command } from "../io";

interface AnalysedBlock {
	/** The opening fence's line, or 1 for a plain Dockerfile. */
	line: number;
	/** Added to lines inside the analysis to get file lines. */
	offset: number;
	analysis: DockerAnalysis;
}

async function readInput(path: string): Promise<string> {
	try {
		return await readFile(path, "utf8");
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (code ?? "unreadable");
		throw new UsageError(`cannot read ${path}: ${why}`);
	}
}

/** Analyses a note's dockerfile blocks, or the whole file when it is not Markdown. */
function analyseFile(path: string, text: string): AnalysedBlock[] {
	if (/\.(md|markdown)$/i.test(path)) {
		return findDockerBlocks(text).map((b) => ({ line: b.line, offset: b.line, analysis: analyseDockerfile(b.body) }));
	}
	return [{ line: 1, offset: 0, analysis: analyseDockerfile(text) }];
}

export const dockerCommand: Command = async (argv, io) => {
	// Common flags are accepted for symmetry with the other commands; the analysis ignores them.
	const args = parseArgs(argv, ["json"], ["tag", "now", "algorithm"]);
	if (args.positional.length !== 1) throw new UsageError("usage: spaced-notes docker FILE [--json]");
	const file = args.positional[0];
	const text = await readInput(resolve(io.cwd, file));
	const blocks = analyseFile(file, text);
	if (hasFlag(args, "json")) {
		const json: { blocks: DockerBlockJson[] } = { blocks: blocks.map((b) => toDockerJson(b.analysis, b.line, b.offset)) };
		io.stdout(jsonText(json) + "\n");
		return EXIT_OK;
	}
	if (blocks.length === 0) {
		io.stdout(`${file}: no dockerfile blocks\n`);
		return EXIT_OK;
	}
	io.stdout(blocks.map((b) => describeBlock(file, b)).join("\n"));
	return EXIT_OK;
};

/** The readable text form of one block. */
function describeBlock(file: string, block: AnalysedBlock): string {
	const a = block.analysis;
	const head = `${file}:${block.line}`;
	if (a.error !== undefined) return `${head}  ${a.error}\n`;
	const out = [`${head}  ${a.stages.length} stage${a.stages.length === 1 ? "" : "s"}`];
	for (const s of a.stages) {
		const name = s.name ?? "(unnamed)";
		const base = s.parent === null ? s.base : `stage ${a.stages[s.parent].name ?? s.parent}`;
		const from = s.sources.map((src) =>
			src.stage === null ? `${src.ref}${src.kind === "image" ? " (external)" : " (invalid)"}` : (a.stages[src.stage].name ?? String(src.stage)),
		);
		const badges = [s.final ? "final" : "", s.skipped ? "skipped" : "", s.platform ? `platform ${s.platform}` : ""].filter((x) => x);
		out.push(`  #${s.index} ${name.padEnd(12)} ${base}${from.length ? `  ← ${from.join(", ")}` : ""}${badges.length ? `  [${badges.join(", ")}]` : ""}`);
	}
	const f = footprintLines(a.footprint);
	out.push(`  ${f.final}`);
	if (f.builder) out.push(`  ${f.builder}${f.ratio ? `; ${f.ratio}` : ""}`);
	out.push(`  ${f.label}`);
	for (const adv of a.advice) out.push(`  line ${adv.line + block.offset}: ${adv.message} ${adv.reason}`);
	return out.join("\n") + "\n";
}
