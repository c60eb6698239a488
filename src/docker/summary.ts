/**
 * Plain-language lines about a footprint, shared by the panel and the command line, so both
 * say the same thing: every figure an estimate, uncompressed, unknown when unknown.
 */
import { formatBytes, formatRatio } from "./format";
import type { Footprint, ImageSize } from "./types";

/** `≈ 833.5 MB` or `size unknown`. */
function sizeText(size: ImageSize): string {
	return size.bytes === null ? "size unknown" : `≈ ${formatBytes(size.bytes)}`;
}

export interface FootprintLines {
	/** `Final image ≈ 0 MB on scratch + copied files, size unknown` */
	final: string;
	/** `≈ 833.5 MB if shipped on golang:1.17 (the largest build image)`, or null with no builders. */
	builder: string | null;
	/** `≈ 4× smaller`, or null when no honest ratio exists. */
	ratio: string | null;
	/** `Estimates, uncompressed (what docker images shows).` plus compressed where known. */
	label: string;
}

/** The footprint as sentences. */
export function footprintLines(f: Footprint): FootprintLines {
	const copied = f.copiedFiles ? " + copied files, size unknown" : "";
	const final = `Final image ${sizeText(f.final)} on ${f.final.image}${copied}`;
	const builder = f.largestBuilder ? `${sizeText(f.largestBuilder)} if shipped on the build image ${f.largestBuilder.image}` : null;
	let ratio: string | null = null;
	if (f.ratio !== null && f.ratio > 1) ratio = `≈ ${formatRatio(f.ratio)} smaller`;
	else if (f.final.bytes === 0 && (f.largestBuilder?.bytes ?? 0) > 0) ratio = "the base adds nothing: only the copied files remain";
	const compressed =
		f.final.compressedBytes === null
			? ""
			: `; final base ≈ ${formatBytes(f.final.compressedBytes)} compressed${f.final.compressedDerived ? " (derived)" : ""}`;
	return { final, builder, ratio, label: `Estimates, uncompressed (as docker images shows)${compressed}.` };
}
