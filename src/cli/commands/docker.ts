/**
 * `spaced-notes docker PATH… [--json] [--platform P]`: the Dockerfile analysis and checks of every
 * dockerfile block of a note (`.md`, `.markdown`) and of every plain Dockerfile, for the target
 * platform P (linux/amd64 by default). A folder means every Dockerfile and note below it.
 */
import { jsonText } from "../terminal-text";
import { resolve } from "node:path";
import { analyseDockerfile, type AnalyseOptions } from "../../docker/analyse";
import { findDockerBlocks, findDockerignore } from "../../docker/markdown-blocks";
import { toDockerJson, type DockerBlockJson } from "../../docker/json";
import { errorText, footprintLines, footprintSummary } from "../../docker/summary";
import type { DockerAnalysis } from "../../docker/types";
import { parseTargetPlatform } from "../../docker/platform";
import { flagValue, hasFlag, parseArgs } from "../args";
import { isDirectory } from "../fs-paths";
import { EXIT_OK, UsageError, type Command } from "../io";
import { dockerignoreBeside, filesBelow, isNote, readText, shownName } from "./docker-files";

const USAGE = "usage: spaced-notes docker PATH… [--json] [--platform P]";

interface AnalysedBlock {
	/** The opening fence's line, or 1 for a plain Dockerfile. */
	line: number;
	/** Added to lines inside the analysis to get file lines. */
	offset: number;
	analysis: DockerAnalysis;
}

interface AnalysedFile {
	/** As given, or relative to the folder it was found in. */
	file: string;
	blocks: AnalysedBlock[];
}

/** Analyses a note's dockerfile blocks (with its ```dockerignore block), or a whole Dockerfile (with the .dockerignore beside it). */
async function analyseFile(path: string, file: string, options: AnalyseOptions): Promise<AnalysedFile> {
	const text = await readText(path, file);
	if (isNote(path)) {
		const dockerignore = findDockerignore(text);
		return {
			file,
			blocks: findDockerBlocks(text).map((b) => ({ line: b.line, offset: b.line, analysis: analyseDockerfile(b.body, { ...options, dockerignore }) })),
		};
	}
	const dockerignore = await dockerignoreBeside(path);
	return { file, blocks: [{ line: 1, offset: 0, analysis: analyseDockerfile(text, { ...options, dockerignore }) }] };
}

export const dockerCommand: Command = async (argv, io) => {
	// Common flags are accepted for symmetry with the other commands; the analysis ignores them.
	const args = parseArgs(argv, ["json"], ["tag", "now", "algorithm", "platform"]);
	if (args.positional.length === 0) throw new UsageError(USAGE);
	const platform = flagValue(args, "platform");
	if (platform !== undefined) {
		const parsed = parseTargetPlatform(platform);
		if ("error" in parsed) throw new UsageError(`--platform: ${parsed.error}`);
	}
	const files: AnalysedFile[] = [];
	let anyFolder = false;
	for (const given of args.positional) {
		const path = resolve(io.cwd, given);
		if (!isDirectory(path)) {
			files.push(await analyseFile(path, given, { platform }));
			continue;
		}
		anyFolder = true;
		for (const found of await filesBelow(path)) {
			const analysed = await analyseFile(found, shownName(path, found), { platform });
			// Below a folder, a note without dockerfile blocks is not worth a line.
			if (analysed.blocks.length > 0) files.push(analysed);
		}
	}
	const several = anyFolder || args.positional.length > 1;
	if (hasFlag(args, "json")) {
		const json = (f: AnalysedFile): DockerBlockJson[] => f.blocks.map((b) => toDockerJson(b.analysis, b.line, b.offset));
		const out = several ? { files: files.map((f) => ({ file: f.file, blocks: json(f) })) } : { blocks: json(files[0]) };
		io.stdout(jsonText(out) + "\n");
		return EXIT_OK;
	}
	if (several && files.length === 0) io.stdout("no Dockerfiles or dockerfile blocks found\n");
	for (const f of files) {
		if (f.blocks.length === 0) io.stdout(`${f.file}: no dockerfile blocks\n`);
		else io.stdout(f.blocks.map((b) => describeBlock(f.file, b)).join("\n"));
	}
	return EXIT_OK;
};

/** The readable text form of one block. */
function describeBlock(file: string, block: AnalysedBlock): string {
	const a = block.analysis;
	const head = `${file}:${block.line}`;
	if (a.error !== undefined) return `${head}  ${errorText(a, block.offset)}\n`;
	const out = [`${head}  ${a.stages.length} stage${a.stages.length === 1 ? "" : "s"} for ${a.platform.target}: ${footprintSummary(a.footprint)}`];
	for (const s of a.stages) {
		const name = s.name ?? "(unnamed)";
		const base = s.parent === null ? s.base : `stage ${a.stages[s.parent].name ?? s.parent}`;
		const from = s.sources.map((src) => (src.stage === null ? `${src.ref} (external)` : (a.stages[src.stage].name ?? String(src.stage))));
		const badges = [s.final ? "final" : "", s.skipped ? "skipped" : "", s.platform ? `platform ${s.platform}` : ""].filter((x) => x);
		out.push(`  #${s.index} ${name.padEnd(12)} ${base}${from.length ? `  ← ${from.join(", ")}` : ""}${badges.length ? `  [${badges.join(", ")}]` : ""}`);
	}
	const f = footprintLines(a.footprint);
	out.push(`  ${f.final}`);
	if (f.builder) out.push(`  ${f.builder}${f.ratio ? `; ${f.ratio}` : ""}`);
	out.push(`  ${f.label}`);
	for (const adv of a.advice) out.push(`  line ${adv.line + block.offset}: ${adv.rule}: ${adv.message} ${adv.reason}`);
	if (a.skippedChecks.length > 0) out.push(`  not checked in full offline: ${a.skippedChecks.map((s) => s.rule).join(", ")} (see docs/dockerfile.md)`);
	return out.join("\n") + "\n";
}
