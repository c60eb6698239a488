/**
 * The result of analysing one Dockerfile (or one ```dockerfile block of a note).
 * Line numbers are 1-based and relative to the analysed text; callers that know where the text
 * sits in a note add their own offset.
 */

/** Where a stage takes files from: an earlier stage, or an image pulled from a registry. */
interface StageSource {
	/**
	 * `stage` when the reference resolves to a stage (an earlier one, unless the stage is
	 * skipped: BuildKit refuses a built stage that takes from a later one); `image` otherwise.
	 */
	kind: "stage" | "image";
	/**
	 * The reference as written (`builder`, `0`, `nginx:alpine`); for an index that BuildKit
	 * counts past the stages, the image an earlier reference named.
	 */
	ref: string;
	/** Index of the stage it names, when kind is `stage`. */
	stage: number | null;
	/** `copy` for `COPY --from`, `mount` for `RUN --mount=…,from=`. */
	via: "copy" | "mount";
	line: number;
}

export interface DockerStage {
	/** 0-based, in file order (what `COPY --from=0` counts). */
	index: number;
	/** The lowercased `AS` name, or null for an unnamed stage. */
	name: string | null;
	/**
	 * The `FROM` reference after ARG expansion: an image, `scratch`, or an earlier stage's name;
	 * as written when it needs a build argument that has no default (see `baseArgs`).
	 */
	base: string;
	/** Global ARGs without a default that this FROM line cannot do without: the base is known only at build time. */
	baseArgs: string[];
	/** Index of the earlier stage this one builds on (`FROM builder`), else null. */
	parent: number | null;
	/** The `--platform` value after expansion (platform args stay as written), or null. */
	platform: string | null;
	/** Every `COPY --from` and `RUN --mount from=` of the stage, in order. */
	sources: StageSource[];
	/** Whether the stage has any COPY or ADD (its files add unknown bytes to the image). */
	copiesFiles: boolean;
	/** Line of the stage's `FROM`. */
	line: number;
	final: boolean;
	/** Not reached from the final stage through FROM, `COPY --from` or `--mount from`: BuildKit skips it. */
	skipped: boolean;
}

/** What we know of one image's size; every figure is an estimate. */
export interface ImageSize {
	/** The image reference as written in the Dockerfile. */
	image: string;
	/** Uncompressed (on-disk, what `docker images` shows) bytes; null when unknown. */
	bytes: number | null;
	/** Registry transfer bytes: measured, or derived from the uncompressed size; null when unknown. */
	compressedBytes: number | null;
	/** Whether compressedBytes was derived by a ratio rather than measured. */
	compressedDerived: boolean;
	/** The size table row that matched, e.g. `golang:1.26-bookworm`; null when none did. */
	row: string | null;
	confidence: Confidence | null;
	note: string | null;
}

export type Confidence = "exact" | "high" | "medium" | "low";

/** What the final image holds besides its base, as a range, when the kind of file is known. */
export interface CopiedEstimate {
	minBytes: number;
	maxBytes: number;
	/** What it is: `a static Go binary`, `a JAR`, `node_modules after npm ci --omit=dev`. */
	reason: string;
}

export interface Footprint {
	/** The image the final stage ends up on, following `FROM stage` inheritance. */
	final: ImageSize;
	/** Whether the final image also holds copied files (COPY/ADD), whose size is unknown. */
	copiedFiles: boolean;
	/** The size of those files where their kind is known, else null. */
	copied: CopiedEstimate | null;
	/** The largest base among the builder stages the final stage uses; null when there are none. */
	largestBuilder: ImageSize | null;
	/** largestBuilder.bytes / final.bytes, when both are known and final.bytes > 0. */
	ratio: number | null;
	/** Image references whose size the table does not know. */
	unknown: string[];
}

export interface Advice {
	/** BuildKit's check name (`StageNameCasing`), hadolint's id (`DL3008`) or ours (`sdk-runtime`). */
	rule: string;
	/** What to do, one sentence. */
	message: string;
	/** Why, briefly. */
	reason: string;
	line: number;
}

export interface ExternalImage {
	ref: string;
	via: "from" | "copy" | "mount";
	line: number;
}

export interface DockerAnalysisOk {
	error?: undefined;
	stages: DockerStage[];
	/** Index of the final stage (the last one). */
	final: number;
	external: ExternalImage[];
	footprint: Footprint;
	/** Advice, Docker's build checks and hadolint rules, sorted by line. */
	advice: Advice[];
	/** Checks not run, or run only in part, with the reason (shown so nobody reads silence as a pass). */
	skippedChecks: { rule: string; reason: string }[];
	/** Parser directives found at the top, lowercased keys. */
	directives: Record<string, string>;
	escape: "\\" | "`";
	/** The platforms the platform args were resolved for, e.g. `linux/amd64`. */
	platform: { target: string; build: string };
	/** The text analysed, so a view can analyse it again for another platform. */
	source: string;
}

export interface DockerAnalysisError {
	/** One calm line saying why there is nothing to analyse. */
	error: string;
	/** When BuildKit would refuse the file: where (a line of the analysed text) and why. */
	rejected?: { line: number; reason: string };
}

export type DockerAnalysis = DockerAnalysisOk | DockerAnalysisError;
