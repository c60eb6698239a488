/**
 * Step 4 of the stage builder (build-stages.ts): what each `COPY --from` and `RUN --mount` names,
 * a stage (the last of that name, or an index for `COPY --from` only) or an image, and the
 * refusal of a reference cycle.
 */
import { processWord } from "../expand/process-word";
import { WordError } from "../expand/word-error";
import type { DockerStage } from "../types";
import { EMPTY_IMAGE, Step, type BuildState, type Reference, type Target } from "./build-state";
import { NEEDS_EXPANSION } from "./global-args";

/** A stage index small enough to read exactly as a JavaScript number. */
const SMALL_INDEX = /^\d{1,15}$/;
/** `COPY --from` is expanded with no variables at all: any expansion changes it. */
const NO_ARGS: ReadonlyMap<string, string> = new Map();

/**
 * Step 4: what each `--from` and mount names. An index counts the stages and then the images
 * that earlier references added, as BuildKit's list of states does.
 */
export function resolveReferences(b: BuildState): Target[][] {
	const images: string[] = [];
	const stageCount = b.out.stages.length;
	const all: Target[][] = new Array<Target[]>(b.drafts.length);
	for (let i = 0; i < b.drafts.length; i++) {
		const refs = b.drafts[i].refs;
		// Sized up front: most stages have a reference or two, and a grown array would reserve more.
		const targets = new Array<Target>(refs.length);
		const sources = new Array<DockerStage["sources"][number]>(refs.length);
		let found = 0;
		for (let k = 0; k < refs.length; k++) {
			const ref = refs[k];
			const t = ref.via === "copy" ? resolveCopy(b, ref, stageCount, images) : resolveByName(b, ref.value, images);
			targets[k] = t ?? { image: EMPTY_IMAGE }; // refused: it takes nothing
			if (t === null) continue;
			if ("stage" in t) sources[found++] = { kind: "stage", ref: ref.value, stage: t.stage, via: ref.via, line: ref.line };
			else if (ref.named) sources[found++] = { kind: "image", ref: t.image, stage: null, via: ref.via, line: ref.line };
		}
		sources.length = found;
		b.out.stages[i].sources = sources;
		all[i] = targets;
	}
	return all;
}

function resolveByName(b: BuildState, value: string, images: string[]): Target {
	const stage = b.lastByName.get(value.toLowerCase());
	if (stage !== undefined) return { stage };
	images.push(value);
	return { image: value };
}

function resolveCopy(b: BuildState, ref: Reference, stageCount: number, images: string[]): Target | null {
	// A stage name or index as it is (the usual case) needs no expansion to be sure of it.
	if (SMALL_INDEX.test(ref.value)) return resolveIndex(b, ref, Number(ref.value), stageCount, images);
	if ((NEEDS_EXPANSION.test(ref.value) || ref.value.includes(b.escape)) && refusedExpansion(b, ref)) return null;
	if (!/^[+-]?\d+$/.test(ref.value) || BigInt(ref.value) > 9223372036854775807n || BigInt(ref.value) < -9223372036854775808n) {
		return resolveByName(b, ref.value, images);
	}
	return resolveIndex(b, ref, Number(ref.value), stageCount, images);
}

function resolveIndex(b: BuildState, ref: Reference, n: number, stageCount: number, images: string[]): Target | null {
	if (n >= 0 && n < stageCount) return { stage: n };
	if (n >= stageCount && n < stageCount + images.length) return { image: images[n - stageCount] };
	b.reject(Step.References, ref.line, `invalid stage index ${BigInt(ref.value).toString()}`);
	return null;
}

/** Whether BuildKit refuses a `--from` because expanding it would change it (or cannot be done). */
function refusedExpansion(b: BuildState, ref: Reference): boolean {
	try {
		if (processWord(ref.value, NO_ARGS, { escape: b.escape }).value === ref.value) return false;
		b.reject(
			Step.References,
			ref.line,
			"variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround",
		);
	} catch (e) {
		if (!(e instanceof WordError)) throw e;
		b.reject(Step.References, ref.line, e.message);
	}
	return true;
}

/** Step 4, end: a stage may not reach itself through `--from` and mounts. */
export function checkCycles(b: BuildState, targets: Target[][]): void {
	const state = new Uint8Array(b.drafts.length); // 0 new, 1 on the path, 2 done
	const stackStage = new Int32Array(b.drafts.length);
	const stackNext = new Int32Array(b.drafts.length);
	for (let root = 0; root < b.drafts.length; root++) {
		if (state[root] !== 0) continue;
		// Iterative depth-first search, so a long chain of stages cannot overflow the call stack:
		// the path's stages and, for each, the next reference to follow.
		let depth = 0;
		stackStage[0] = root;
		stackNext[0] = 0;
		state[root] = 1;
		while (depth >= 0) {
			const stage = stackStage[depth];
			const out = targets[stage];
			if (stackNext[depth] >= out.length) {
				state[stage] = 2;
				depth--;
				continue;
			}
			const t = out[stackNext[depth]++];
			if (!("stage" in t)) continue;
			if (state[t.stage] === 1) {
				// BuildKit points at the references along the cycle, starting with the root's.
				const first = b.drafts[root].refs[stackNext[0] - 1];
				b.reject(Step.References, first.line, `circular dependency detected on stage: ${b.stageLabel(root)}`);
				return;
			}
			if (state[t.stage] === 0) {
				state[t.stage] = 1;
				depth++;
				stackStage[depth] = t.stage;
				stackNext[depth] = 0;
			}
		}
	}
}
