/**
 * The footprint estimate: the final stage's base image (following `FROM stage` inheritance),
 * plus copied files of unknown size, beside the largest base among the builder stages it uses.
 */
import { imageSize } from "./base-images";
import type { DockerStage, Footprint, ImageSize } from "./types";

/** The stage's inheritance chain, itself first, ending at the stage whose base is an image. */
export function inheritanceChain(stages: readonly DockerStage[], index: number): DockerStage[] {
	const chain: DockerStage[] = [];
	for (let s: DockerStage | undefined = stages[index]; s && chain.length <= stages.length; s = s.parent === null ? undefined : stages[s.parent]) {
		chain.push(s);
	}
	return chain;
}

/** The image a stage ends up on. */
export function rootImage(stages: readonly DockerStage[], index: number): string {
	const chain = inheritanceChain(stages, index);
	return chain[chain.length - 1].base;
}

/** Estimates the final image against the largest builder base it uses. */
export function estimateFootprint(stages: readonly DockerStage[], final: number): Footprint {
	const chain = inheritanceChain(stages, final);
	const inChain = new Set(chain.map((s) => s.index));
	const finalSize = imageSize(rootImage(stages, final));
	const builders: ImageSize[] = [];
	for (const s of stages) {
		if (s.skipped || inChain.has(s.index)) continue;
		const image = rootImage(stages, s.index);
		if (!builders.some((b) => b.image === image)) builders.push(imageSize(image));
	}
	let largest: ImageSize | null = null;
	for (const b of builders) {
		if (!largest || (b.bytes ?? -1) > (largest.bytes ?? -1)) largest = b;
	}
	const unknown: string[] = [];
	for (const size of [finalSize, ...builders]) {
		if (size.bytes === null && !unknown.includes(size.image)) unknown.push(size.image);
	}
	const ratio = largest?.bytes != null && finalSize.bytes != null && finalSize.bytes > 0 ? largest.bytes / finalSize.bytes : null;
	return { final: finalSize, copiedFiles: chain.some((s) => s.copiesFiles), largestBuilder: largest, ratio, unknown };
}
