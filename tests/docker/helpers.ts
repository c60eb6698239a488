import { readFileSync } from "node:fs";
import { analyseDockerfile, findDockerBlocks, type DockerAnalysis, type DockerAnalysisOk } from "../../src/docker/index";

export const NOTE_PATH = "/work/shared/examples/docker-multistage.md";

/** The real note, from the shared examples (copied into the fixtures so tests run anywhere). */
export function readNote(): string {
	try {
		return readFileSync(new URL("./fixtures/docker-multistage.md", import.meta.url), "utf8");
	} catch {
		return readFileSync(NOTE_PATH, "utf8");
	}
}

/** Analyses and insists on success, so tests fail with the analysis' own message. */
export function ok(text: string): DockerAnalysisOk {
	const a: DockerAnalysis = analyseDockerfile(text);
	if (a.error !== undefined) throw new Error(`expected an analysis, got error: ${a.error}`);
	return a;
}

export function rules(a: DockerAnalysisOk): string[] {
	return a.advice.map((x) => x.rule);
}

export function noteBlocks(): string[] {
	return findDockerBlocks(readNote()).map((b) => b.body);
}
