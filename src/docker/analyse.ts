/**
 * `analyseDockerfile`: the one entry point the panel, Live Preview and the command line share.
 */
import { adviseStages } from "./advice";
import { runChecks } from "./checks";
import { estimateFootprint } from "./footprint";
import { KEYWORDS, lexDockerfile } from "./lexer";
import { DEFAULT_PLATFORM, formatPlatform, parseTargetPlatform, type Platform } from "./platform";
import { buildStages } from "./stages/build-stages";
import { rejectionText } from "./summary";
import type { Advice, DockerAnalysis, ExternalImage } from "./types";

function shown(word: string): string {
	return word.length > 24 ? `${word.slice(0, 24)}…` : word;
}

export interface AnalyseOptions {
	/**
	 * The target platform, as `docker build --platform` takes it (`linux/arm64`); linux/amd64
	 * when absent. The build platform is always linux/amd64.
	 */
	platform?: string;
	/**
	 * The build context's .dockerignore text (a ```dockerignore block of the note, or the file
	 * beside the Dockerfile); absent or null when there is none, and CopyIgnoredFile is skipped.
	 */
	dockerignore?: string | null;
}

/**
 * Analyses a Dockerfile: stages, references, reachability, footprint estimate and advice.
 * Total: never throws; text that is not a Dockerfile yields `{ error }` with one calm line.
 * @param text the Dockerfile (a code block's body)
 */
export function analyseDockerfile(text: string, options: AnalyseOptions = {}): DockerAnalysis {
	const target = options.platform === undefined ? DEFAULT_PLATFORM : parseTargetPlatform(options.platform);
	if ("error" in target) return { error: `Unknown target platform ${target.error}.` };
	try {
		return analyse(text, target, options.dockerignore ?? null);
	} catch {
		// A bug of ours must not break a note's rendering; say so calmly instead.
		return { error: "This Dockerfile could not be analysed." };
	}
}

function analyse(text: string, target: Platform, dockerignore: string | null): DockerAnalysis {
	const lexed = lexDockerfile(text);
	const instructions = lexed.instructions;
	if (instructions.length === 0) return { error: "No Dockerfile instructions in this block." };
	const first = instructions.find((i) => i.keyword !== "ARG");
	if (!first) return { error: "Only ARG lines here: a Dockerfile needs a FROM line to define a stage." };
	if (first.keyword !== "FROM") {
		return KEYWORDS.has(first.keyword)
			? { error: `A snippet, not a whole Dockerfile: it has ${shown(first.keyword)} before any FROM line.` }
			: { error: `Not a Dockerfile: "${shown(first.keyword)}" on line ${first.line} is not an instruction.` };
	}
	const built = buildStages(instructions, lexed.escape, target);
	const rejected = lexed.rejection ?? built.rejection;
	if (rejected) return { error: rejectionText(rejected.line, rejected.reason), rejected };
	const final = built.stages.length - 1;
	const checks = runChecks(
		{ instructions, escape: lexed.escape, stages: built.stages, facts: built.facts, globals: built.globals, target, dockerignore },
		lexed.directives,
	);
	const advice: Advice[] = [...built.notes, ...adviseStages(built.stages, built.facts, final, target), ...checks.advice];
	advice.sort((a, b) => a.line - b.line);
	const external: ExternalImage[] = [];
	for (const s of built.stages) {
		if (s.parent === null && s.baseArgs.length === 0 && s.base !== "scratch") external.push({ ref: s.base, via: "from", line: s.line });
		for (const src of s.sources) if (src.kind === "image" && src.ref !== "scratch") external.push({ ref: src.ref, via: src.via, line: src.line });
	}
	return {
		stages: built.stages,
		final,
		external,
		footprint: estimateFootprint(built.stages, built.facts, final, target),
		advice,
		skippedChecks: checks.skipped,
		directives: lexed.directives,
		escape: lexed.escape,
		platform: { target: formatPlatform(target), build: formatPlatform(DEFAULT_PLATFORM) },
		source: text,
	};
}
