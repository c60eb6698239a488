/**
 * `analyseDockerfile`: the one entry point the panel, Live Preview and the command line share.
 */
import { adviseStages } from "./advice";
import { estimateFootprint } from "./footprint";
import { lexDockerfile } from "./lexer";
import { buildStages } from "./stages";
import type { Advice, DockerAnalysis, ExternalImage } from "./types";

/** Every instruction BuildKit knows; anything else is a typo or not a Dockerfile. */
const KEYWORDS = new Set([
	"FROM",
	"RUN",
	"CMD",
	"LABEL",
	"MAINTAINER",
	"EXPOSE",
	"ENV",
	"ADD",
	"COPY",
	"ENTRYPOINT",
	"VOLUME",
	"USER",
	"WORKDIR",
	"ARG",
	"ONBUILD",
	"STOPSIGNAL",
	"HEALTHCHECK",
	"SHELL",
]);

function shown(word: string): string {
	return word.length > 24 ? `${word.slice(0, 24)}…` : word;
}

/**
 * Analyses a Dockerfile: stages, references, reachability, footprint estimate and advice.
 * Total: never throws; text that is not a Dockerfile yields `{ error }` with one calm line.
 * @param text the Dockerfile (a code block's body)
 */
export function analyseDockerfile(text: string): DockerAnalysis {
	try {
		return analyse(text);
	} catch {
		// A bug of ours must not break a note's rendering; say so calmly instead.
		return { error: "This Dockerfile could not be analysed." };
	}
}

function analyse(text: string): DockerAnalysis {
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
	const built = buildStages(instructions, lexed.escape);
	const final = built.stages.length - 1;
	const advice: Advice[] = [...lexed.notes, ...built.notes, ...adviseStages(built.stages, built.facts, final)];
	for (const ins of instructions) {
		if (!KEYWORDS.has(ins.keyword)) {
			advice.push({
				rule: "unknown-instruction",
				message: `Check "${shown(ins.keyword)}": it is not a Dockerfile instruction.`,
				reason: "BuildKit stops at unknown instructions.",
				line: ins.line,
			});
		}
	}
	advice.sort((a, b) => a.line - b.line);
	const external: ExternalImage[] = [];
	for (const s of built.stages) {
		if (s.parent === null && s.base !== "scratch" && s.base !== "(none)") external.push({ ref: s.base, via: "from", line: s.line });
		for (const src of s.sources) if (src.kind === "image") external.push({ ref: src.ref, via: src.via, line: src.line });
	}
	return {
		stages: built.stages,
		final,
		external,
		footprint: estimateFootprint(built.stages, final),
		advice,
		directives: lexed.directives,
		escape: lexed.escape,
	};
}
