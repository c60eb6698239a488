/**
 * Plain-language lines about a footprint, shared by the panel and the command line, so both
 * say the same thing: every figure an estimate, uncompressed, unknown when unknown.
 */
import { formatBytes, formatRatio } from "./format";
import type { DockerAnalysisError, Footprint, ImageSize } from "./types";

/** `≈ 833.5 MB` or `size unknown`. */
function sizeText(size: ImageSize): string {
	return size.bytes === null ? "size unknown" : `≈ ${formatBytes(size.bytes)}`;
}

/** Whole megabytes from 100 MB on (`≈ 834 MB`), for a line read at a glance. */
function roundBytes(bytes: number): string {
	return bytes >= 100_000_000 && bytes < 1_000_000_000 ? `${Math.round(bytes / 1_000_000)} MB` : formatBytes(bytes);
}

/** `2–10 MB`, or one figure when both ends round alike. */
function rangeText(min: number, max: number): string {
	const lo = roundBytes(min);
	const hi = roundBytes(max);
	if (lo === hi) return lo;
	const [loNumber, loUnit] = lo.split(" ");
	const [hiNumber, hiUnit] = hi.split(" ");
	return loUnit === hiUnit ? `${loNumber}–${hiNumber} ${hiUnit}` : `${lo}–${hi}`;
}

export interface FootprintLines {
	/** `Final image ≈ 2–10 MB: scratch (0 MB) + a static Go binary (≈ 2–10 MB)` */
	final: string;
	/** `≈ 833.5 MB if shipped on the build image golang:1.17`, or null with no builders. */
	builder: string | null;
	/** `≈ 4× smaller`, or null when no honest ratio exists. */
	ratio: string | null;
	/** `Estimates, uncompressed (what docker images shows).` plus compressed where known. */
	label: string;
}

/** The final image's size as one phrase: `≈ 2–10 MB (a static Go binary)`, never both a size and "unknown". */
function finalPhrase(f: Footprint): string {
	const base = f.final;
	if (base.bytes === null) return `size unknown (${base.image}${f.copiedFiles ? " + copied files" : ""})`;
	if (!f.copiedFiles) return `≈ ${roundBytes(base.bytes)} (${base.image})`;
	if (f.copied === null) return `≈ ${roundBytes(base.bytes)} + copied files of unknown size (${base.image})`;
	const what = base.bytes === 0 ? f.copied.reason : `${base.image} + ${f.copied.reason}`;
	return `≈ ${rangeText(base.bytes + f.copied.minBytes, base.bytes + f.copied.maxBytes)} (${what})`;
}

/**
 * The footprint in one line for the panel's summary and the command's first line: the build image
 * against the final one, `≈ 834 MB → ≈ 2–10 MB (a static Go binary)`.
 */
export function footprintSummary(f: Footprint): string {
	const final = finalPhrase(f);
	const builder = f.largestBuilder;
	if (builder === null) return `final image ${final}`;
	return `${builder.bytes === null ? `size unknown (${builder.image})` : `≈ ${roundBytes(builder.bytes)}`} → ${final}`;
}

/** The footprint as sentences. */
export function footprintLines(f: Footprint): FootprintLines {
	let final: string;
	if (!f.copiedFiles) final = `Final image ${sizeText(f.final)} on ${f.final.image}`;
	else if (f.final.bytes === null) final = `Final image size unknown: ${f.final.image} (size unknown) + copied files`;
	else if (f.copied === null) final = `Final image ≈ ${formatBytes(f.final.bytes)} on ${f.final.image} + copied files of unknown size`;
	else
		final = `Final image ≈ ${rangeText(f.final.bytes + f.copied.minBytes, f.final.bytes + f.copied.maxBytes)}: ${f.final.image} (≈ ${formatBytes(f.final.bytes)}) + ${f.copied.reason} (≈ ${rangeText(f.copied.minBytes, f.copied.maxBytes)})`;
	const builder = f.largestBuilder ? `${sizeText(f.largestBuilder)} if shipped on the build image ${f.largestBuilder.image}` : null;
	let ratio: string | null = null;
	if (f.ratio !== null && f.ratio > 1 && !f.copiedFiles) ratio = `≈ ${formatRatio(f.ratio)} smaller`;
	else if (f.ratio !== null && f.ratio > 1) ratio = `its base ≈ ${formatRatio(f.ratio)} smaller`;
	else if (f.final.bytes === 0 && (f.largestBuilder?.bytes ?? 0) > 0) ratio = "the base adds nothing: only the copied files remain";
	const compressed =
		f.final.compressedBytes === null
			? ""
			: `; final base ≈ ${formatBytes(f.final.compressedBytes)} compressed${f.final.compressedDerived ? " (derived)" : ""}`;
	return { final, builder, ratio, label: `Estimates, uncompressed (as docker images shows)${compressed}.` };
}

/** The calm line for a file BuildKit refuses: where and BuildKit's own reason. */
export function rejectionText(line: number, reason: string): string {
	return `BuildKit refuses this Dockerfile, line ${line}: ${reason}`;
}

/** An error line as a view shows it, with the line moved by `lineOffset` (note lines). */
export function errorText(a: DockerAnalysisError, lineOffset: number): string {
	return a.rejected ? rejectionText(a.rejected.line + lineOffset, a.rejected.reason) : a.error;
}
