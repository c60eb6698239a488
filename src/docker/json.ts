/**
 * The `docker --json` shape of docs/cli.md, from one analysis. Lines become note lines
 * by adding `lineOffset` (the opening fence's line for a note block, 0 for a plain Dockerfile).
 */
import { errorText } from "./summary";
import type { DockerAnalysis } from "./types";

export interface DockerBlockJson {
	line: number;
	stages: {
		index: number;
		name: string | null;
		base: string;
		parent: number | null;
		platform: string | null;
		/** Stage names (or indexes, for unnamed stages) and image references it takes files from. */
		from: string[];
		final: boolean;
		skipped: boolean;
	}[];
	final: number | null;
	footprint: {
		finalBytes: number | null;
		finalBase: string;
		singleStageBytes: number | null;
		singleStageBase: string | null;
		estimate: true;
		unknown: string[];
		/** What the final image copies in, where its kind is known (bytes, uncompressed). */
		copied: { minBytes: number; maxBytes: number; reason: string } | null;
	} | null;
	advice: { rule: string; message: string; line: number }[];
	/** Present only when the block is not a Dockerfile. */
	error?: string;
}

/**
 * Converts an analysis to the command line's JSON form.
 * @param line the block's line as reported (the opening fence, or 1 for a plain Dockerfile)
 * @param lineOffset added to every line inside the analysis
 */
export function toDockerJson(analysis: DockerAnalysis, line: number, lineOffset: number): DockerBlockJson {
	if (analysis.error !== undefined) return { line, stages: [], final: null, footprint: null, advice: [], error: errorText(analysis, lineOffset) };
	const { stages, footprint } = analysis;
	const label = (i: number) => stages[i].name ?? String(i);
	return {
		line,
		stages: stages.map((s) => ({
			index: s.index,
			name: s.name,
			base: s.base,
			parent: s.parent,
			platform: s.platform,
			from: [...new Set(s.sources.map((src) => (src.stage === null ? src.ref : label(src.stage))))],
			final: s.final,
			skipped: s.skipped,
		})),
		final: analysis.final,
		footprint: {
			finalBytes: footprint.final.bytes,
			finalBase: footprint.final.image,
			singleStageBytes: footprint.largestBuilder?.bytes ?? null,
			singleStageBase: footprint.largestBuilder?.image ?? null,
			estimate: true,
			unknown: footprint.unknown,
			copied: footprint.copied,
		},
		advice: analysis.advice.map((a) => ({ rule: a.rule, message: `${a.message} ${a.reason}`, line: a.line + lineOffset })),
	};
}
