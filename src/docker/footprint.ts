/**
 * The footprint estimate: the final stage's base image (following `FROM stage` inheritance),
 * plus copied files of unknown size, beside the largest base among the builder stages it uses.
 */
import { imageSize } from "./base-images";
import { estimateCopied } from "./copied";
import type { StageFacts } from "./stages/built-stages";
import { formatPlatform, parsePlatform, type Platform } from "./platform";
import type { DockerStage, Footprint, ImageSize } from "./types";

/** The stage's inheritance chain, itself first, ending at the stage whose base is an image. */
export function inheritanceChain(stages: readonly DockerStage[], index: number): DockerStage[] {
	const chain: DockerStage[] = [];
	for (let s: DockerStage | undefined = stages[index]; s && chain.length <= stages.length; s = s.parent === null ? undefined : stages[s.parent]) {
		chain.push(s);
	}
	return chain;
}

/**
 * The platform a stage is built for: its own `--platform`, else the target. A stage built on
 * another stage takes that stage's platform, as BuildKit does, so ask about the root stage.
 */
export function stagePlatform(stage: DockerStage, target: Platform): Platform {
	const p = stage.platform === null ? null : parsePlatform(stage.platform);
	return p === null || "error" in p ? target : p;
}

/**
 * What is known of the size of the image a root stage (one that names an image) stands on: from
 * the size table, for Linux only, and never for an image named only at build time.
 */
function rootSize(stage: DockerStage, target: Platform): ImageSize {
	const unknown: ImageSize = { image: stage.base, bytes: null, compressedBytes: null, compressedDerived: false, row: null, confidence: null, note: null };
	if (stage.baseArgs.length > 0) return { ...unknown, note: `set by build argument ${stage.baseArgs.join(", ")} when the image is built` };
	const platform = stagePlatform(stage, target);
	if (platform.os !== "linux") return { ...unknown, note: `built for ${formatPlatform(platform)}: the size table holds Linux images only` };
	return imageSize(stage.base);
}

/**
 * Estimates the final image against the largest builder base it uses.
 * @param target the platform stages without `--platform` are built for
 */
export function estimateFootprint(stages: readonly DockerStage[], facts: readonly StageFacts[], final: number, target: Platform): Footprint {
	// Parents come before their children, so one pass finds every stage's root stage.
	const root = new Int32Array(stages.length);
	for (const s of stages) root[s.index] = s.parent === null ? s.index : root[s.parent];
	const chain = inheritanceChain(stages, final);
	const inChain = new Set(chain.map((s) => s.index));
	const finalSize = rootSize(stages[root[final]], target);
	const builders: ImageSize[] = [];
	const seenImages = new Set<string>();
	for (const s of stages) {
		if (s.skipped || inChain.has(s.index)) continue;
		const base = stages[root[s.index]];
		if (seenImages.has(base.base)) continue;
		seenImages.add(base.base);
		builders.push(rootSize(base, target));
	}
	let largest: ImageSize | null = null;
	for (const b of builders) {
		if (!largest || (b.bytes ?? -1) > (largest.bytes ?? -1)) largest = b;
	}
	const unknown: string[] = [];
	const unknownSeen = new Set<string>();
	for (const size of [finalSize, ...builders]) {
		if (size.bytes !== null || unknownSeen.has(size.image)) continue;
		unknownSeen.add(size.image);
		unknown.push(size.image);
	}
	const ratio = largest?.bytes != null && finalSize.bytes != null && finalSize.bytes > 0 ? largest.bytes / finalSize.bytes : null;
	const copiedFiles = chain.some((s) => s.copiesFiles);
	const copied = copiedFiles ? estimateCopied(stages, facts, chain) : null;
	return { final: finalSize, copiedFiles, copied, largestBuilder: largest, ratio, unknown };
}
