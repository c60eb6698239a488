/**
 * What the final image holds besides its base, where the kind of file copied in is known: a
 * range and its reason (docs/dockerfile.md, "What is copied in"). Anything else stays unknown:
 * one copy of unknown size makes the whole estimate unknown, never a guess.
 */
import { parseImageRef } from "./image-ref";
import type { StageFacts } from "./stages/built-stages";
import { splitWhitespace } from "./words";
import type { CopiedEstimate, DockerStage } from "./types";

const MB = 1_000_000;

/** Our ranges for the kinds we recognise (see the docs for where they come from). */
const KINDS = {
	goStatic: { minBytes: 2 * MB, maxBytes: 10 * MB, reason: "a static Go binary" },
	go: { minBytes: 2 * MB, maxBytes: 10 * MB, reason: "a Go binary" },
	jar: { minBytes: 5 * MB, maxBytes: 60 * MB, reason: "a JAR" },
	nodeModules: { minBytes: 20 * MB, maxBytes: 200 * MB, reason: "node_modules after npm ci --omit=dev" },
} as const;

type Kind = (typeof KINDS)[keyof typeof KINDS];

/** The root stage of a stage (the one whose base is an image). */
function rootOf(stages: readonly DockerStage[], index: number): DockerStage {
	let s = stages[index];
	for (let guard = 0; s.parent !== null && guard < stages.length; guard++) s = stages[s.parent];
	return s;
}

/** The stage a `--from` value names, by BuildKit's rules for COPY (an index, else the last of that name). */
function stageNamed(stages: readonly DockerStage[], from: string): DockerStage | null {
	if (/^\d+$/.test(from)) return stages[Number(from)] ?? null;
	const name = from.toLowerCase();
	for (let i = stages.length - 1; i >= 0; i--) if (stages[i].name === name) return stages[i];
	return null;
}

/** A COPY's sources: every word but the destination (a JSON array, else words). */
function sourcesOf(rest: string): string[] {
	let words: string[];
	try {
		const parsed: unknown = rest.startsWith("[") ? JSON.parse(rest) : null;
		words = Array.isArray(parsed) && parsed.every((x) => typeof x === "string") ? parsed : splitWhitespace(rest);
	} catch {
		words = splitWhitespace(rest);
	}
	return words.slice(0, -1);
}

function kindOf(copy: StageFacts["copyItems"][number], stages: readonly DockerStage[], facts: readonly StageFacts[], staticBase: boolean): Kind | null {
	const item = { from: copy.from, sources: sourcesOf(copy.rest) };
	if (item.sources.length > 0 && item.sources.every((s) => /\.jar["']?$/i.test(s))) return KINDS.jar;
	if (item.from === null) return null;
	const source = stageNamed(stages, item.from);
	if (!source) return null;
	if (item.sources.length > 0 && item.sources.every((s) => /node_modules\/?$/.test(s))) {
		// Only production dependencies have a size one can bound.
		return facts[source.index].prunesDevDependencies ? KINDS.nodeModules : null;
	}
	const family = parseImageRef(rootOf(stages, source.index).base)?.family;
	// One file out of a Go build stage: the program.
	if (family === "golang" && item.sources.length === 1 && !/[*?]|\/$/.test(item.sources[0])) return staticBase ? KINDS.goStatic : KINDS.go;
	return null;
}

/**
 * The estimate of what the final stage's chain copies in, or null when nothing is copied or
 * something copied is of a kind we cannot size.
 * @param chain the final stage's inheritance chain, final stage first
 */
export function estimateCopied(stages: readonly DockerStage[], facts: readonly StageFacts[], chain: readonly DockerStage[]): CopiedEstimate | null {
	const base = chain[chain.length - 1].base;
	const staticBase = base === "scratch" || /^gcr\.io\/distroless\/static/.test(base);
	let minBytes = 0;
	let maxBytes = 0;
	const reasons: string[] = [];
	for (const s of chain) {
		for (const item of facts[s.index].copyItems) {
			const kind = kindOf(item, stages, facts, staticBase);
			if (kind === null) return null;
			minBytes += kind.minBytes;
			maxBytes += kind.maxBytes;
			if (!reasons.includes(kind.reason)) reasons.push(kind.reason);
		}
	}
	return reasons.length === 0 ? null : { minBytes, maxBytes, reason: reasons.join(" and ") };
}
