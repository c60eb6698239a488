import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyseDockerfile, type AnalyseOptions } from "../../src/docker/analyse";
import { findDockerBlocks } from "../../src/docker/markdown-blocks";
import { type DockerAnalysis, type DockerAnalysisOk } from "../../src/docker/types";

/** The real user note, as shipped unchanged in the example vault. */
const NOTE_PATH = join(__dirname, "..", "..", "examples", "vault", "docker", "docker-multistage.md");

export function readNote(): string {
	return readFileSync(NOTE_PATH, "utf8");
}

/** Analyses and insists on success, so tests fail with the analysis' own message. */
export function ok(text: string, options?: AnalyseOptions): DockerAnalysisOk {
	const a: DockerAnalysis = analyseDockerfile(text, options);
	if (a.error !== undefined) throw new Error(`expected an analysis, got error: ${a.error}`);
	return a;
}

export function rules(a: DockerAnalysisOk): string[] {
	return a.advice.map((x) => x.rule);
}

export function noteBlocks(): string[] {
	return findDockerBlocks(readNote()).map((b) => b.body);
}
