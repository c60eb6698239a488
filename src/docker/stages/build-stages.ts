/**
 * Builds the stage graph from lexed instructions the way BuildKit's Dockerfile frontend does, in
 * its order of steps, so that the first reason it would refuse the file is the one reported:
 *
 * 1. each instruction is read (unknown instructions, FROM's shape and name, flags, mount `from`);
 * 2. the global ARGs are expanded, each with the ones before it and the platform args;
 * 3. each FROM line is expanded and names the nearest stage above it of exactly that name, else
 *    an image (`--platform` too);
 * 4. `COPY --from` (never expanded) and `RUN --mount=…,from=` are resolved against every stage
 *    (by the last stage of a name, an index for `COPY --from` only), else they name an image;
 *    a reference cycle is refused;
 * 5. every image reference is checked;
 * 6. the stages the final stage needs are built in file order, and none may take from a stage
 *    that is not built yet.
 *
 * Every step is linear in the size of the file. Each step has its module in this folder; they share
 * the state in build-state.ts.
 */
import type { Instruction } from "../lexer";
import { DEFAULT_PLATFORM, platformArgs, type Platform } from "../platform";
import { BuildState } from "./build-state";
import type { BuiltStages } from "./built-stages";
import { addStage } from "./from-lines";
import { declareGlobalArgs, GlobalArgs } from "./global-args";
import { checkBuildOrder, checkImages, markReachable, noteImageSources } from "./images-and-order";
import { readInstructions } from "./read-instructions";
import { checkCycles, resolveReferences } from "./references";

/** The name BuildKit gives `TARGETSTAGE`: the last stage's name, or `default`. */
function targetStageName(b: BuildState): string {
	const last = b.out.facts[b.out.facts.length - 1];
	return last?.rawName?.toLowerCase() ?? "default";
}

/**
 * Builds stages from instructions (which must contain at least one FROM).
 * @param escape the file's escape character
 * @param target the platform being built for; the builder is linux/amd64
 */
export function buildStages(instructions: readonly Instruction[], escape: string, target: Platform): BuiltStages {
	const b = new BuildState(escape);
	readInstructions(b, instructions);
	const args = new GlobalArgs(platformArgs(target, DEFAULT_PLATFORM, targetStageName(b)));
	for (const ins of b.globalArgLines) declareGlobalArgs(b, ins, args);
	b.out.globals = { env: args.env, declared: args.declared };
	for (const draft of b.drafts) addStage(b, draft, args);
	const targets = resolveReferences(b);
	checkCycles(b, targets);
	checkImages(b, targets);
	markReachable(b, targets);
	checkBuildOrder(b, targets);
	noteImageSources(b);
	return b.out;
}
