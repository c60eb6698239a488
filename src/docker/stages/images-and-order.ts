/**
 * Steps 5 and 6 of the stage builder (build-stages.ts): every image BuildKit would pull is
 * checked, the stages the final stage needs are marked, and a stage that is built may only take
 * from stages above it. Also the note on a `--from` that names no stage.
 */
import { findSizeRow } from "../base-images";
import { EMPTY_IMAGE, Step, type BuildState, type Target } from "./build-state";
import { referenceError } from "../image-ref";

/** Step 5: every image BuildKit would pull, stages first, then the images references named. */
export function checkImages(b: BuildState, targets: Target[][]): void {
	// A file names the same few images again and again.
	const errors = new Map<string, string | null>();
	const referenceErrorOf = (image: string): string | null => {
		let why = errors.get(image);
		if (why === undefined) errors.set(image, (why = referenceError(image)));
		return why;
	};
	for (const s of b.out.stages) {
		if (s.parent !== null || s.baseArgs.length > 0 || s.base === EMPTY_IMAGE || s.base === "(none)") continue;
		const why = referenceErrorOf(s.base);
		if (why === null) continue;
		const names = b.buildTimeArgs.get(s.index);
		const written = b.drafts[s.index].written;
		if (names !== undefined) {
			// `alpine:${TAG}` with no default for TAG: the image is named only at build time.
			s.base = written;
			s.baseArgs = names;
		} else b.reject(Step.Images, s.line, `failed to parse stage name ${JSON.stringify(s.base)}: ${why}`);
	}
	for (let i = 0; i < b.drafts.length; i++) {
		const refs = b.drafts[i].refs;
		for (let k = 0; k < refs.length; k++) {
			const t = targets[i][k];
			if ("stage" in t || t.image === EMPTY_IMAGE) continue;
			const why = referenceErrorOf(t.image);
			if (why !== null) b.reject(Step.Images, refs[k].line, `failed to parse stage name ${JSON.stringify(t.image)}: ${why}`);
		}
	}
}

/** The final stage is the last; BuildKit builds what it reaches through FROM, --from and mounts. */
export function markReachable(b: BuildState, targets: Target[][]): void {
	const stages = b.out.stages;
	if (stages.length === 0) return;
	const final = stages[stages.length - 1];
	final.final = true;
	const seen = new Uint8Array(stages.length);
	const todo = [final.index];
	seen[final.index] = 1;
	const visit = (i: number) => {
		if (seen[i] === 0) {
			seen[i] = 1;
			todo.push(i);
		}
	};
	while (todo.length > 0) {
		const i = todo.pop()!;
		const parent = stages[i].parent;
		if (parent !== null) visit(parent);
		for (const t of targets[i]) if ("stage" in t) visit(t.stage);
	}
	for (const s of stages) s.skipped = seen[s.index] === 0;
}

/** Step 6: a stage BuildKit builds may only take from stages built before it. */
export function checkBuildOrder(b: BuildState, targets: Target[][]): void {
	for (const s of b.out.stages) {
		const refs = b.drafts[s.index].refs;
		for (let k = 0; k < refs.length; k++) {
			const ref = refs[k];
			const t = targets[s.index][k];
			if (!("stage" in t) || t.stage < s.index) continue;
			if (s.skipped) {
				b.note(
					"from-later-stage",
					`Move stage "${b.stageLabel(t.stage)}" above line ${ref.line}, or stop using it here.`,
					"BuildKit builds stages in file order, so it would refuse this reference if this stage were built.",
					ref.line,
				);
			} else if (ref.via === "copy") {
				b.reject(
					Step.Build,
					ref.line,
					`cannot copy from stage ${JSON.stringify(ref.value)}, it needs to be defined before current stage ${JSON.stringify(b.stageLabel(s.index))}`,
				);
			} else {
				b.reject(
					Step.Build,
					ref.line,
					`cannot mount from stage ${JSON.stringify(ref.value)} to ${JSON.stringify(ref.target)}, stage needs to be defined before current command`,
				);
			}
		}
	}
}

/** Advice on images `--from` and mounts name: a bare word that is no stage is probably a typo. */
export function noteImageSources(b: BuildState): void {
	for (const s of b.out.stages) {
		for (const src of s.sources) {
			if (src.kind !== "image" || /[:/@]/.test(src.ref) || findSizeRow(src.ref) !== null) continue;
			const flag = src.via === "copy" ? "--from" : "--mount from";
			if (src.via === "mount" && /^\d+$/.test(src.ref)) {
				b.note(
					"from-undefined-stage",
					`Name the stage in --mount from=${src.ref}.`,
					`--mount from takes a stage name or an image, never an index: BuildKit pulls an image "${src.ref}".`,
					src.line,
				);
			} else {
				b.note(
					"from-undefined-stage",
					`Check ${flag}=${src.ref}: no stage has that name.`,
					`Docker will try to pull an image called "${src.ref}".`,
					src.line,
				);
			}
		}
	}
}
