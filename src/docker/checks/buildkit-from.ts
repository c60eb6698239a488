/**
 * Docker's build checks on FROM lines' `--platform` and base images (docs/dockerfile.md, "Docker's
 * build checks"): RedundantTargetPlatform, FromPlatformFlagConstDisallowed and the part of
 * InvalidBaseImagePlatform decidable without a registry. UndefinedArgInFrom and
 * InvalidDefaultArgInFrom come from the stage builder, which expands FROM lines anyway.
 */
import { processWord } from "../expand/process-word";
import { WordError } from "../expand/word-error";
import { parseImageRef } from "../image-ref";
import { parsePlatform, formatPlatform, type Platform } from "../platform";
import type { CheckContext, Findings } from "./context";

/**
 * Docker Hub's per-architecture namespaces (`arm64v8/alpine`): each holds images of one platform
 * only, so the platform is known without asking the registry.
 */
const ARCH_NAMESPACES: Record<string, { os: string; arch: string }> = {
	amd64: { os: "linux", arch: "amd64" },
	arm32v5: { os: "linux", arch: "arm" },
	arm32v6: { os: "linux", arch: "arm" },
	arm32v7: { os: "linux", arch: "arm" },
	arm64v8: { os: "linux", arch: "arm64" },
	i386: { os: "linux", arch: "386" },
	mips64le: { os: "linux", arch: "mips64le" },
	ppc64le: { os: "linux", arch: "ppc64le" },
	riscv64: { os: "linux", arch: "riscv64" },
	s390x: { os: "linux", arch: "s390x" },
	"windows-amd64": { os: "windows", arch: "amd64" },
};

function expandPlatform(word: string, ctx: CheckContext): { value: string; matched: ReadonlySet<string>; unmatched: ReadonlySet<string> } | null {
	try {
		return processWord(word, ctx.globals.env, { escape: ctx.escape });
	} catch (e) {
		if (e instanceof WordError) return null; // the stage builder reports it
		throw e;
	}
}

export function checkFromLines(ctx: CheckContext, out: Findings): void {
	for (const stage of ctx.stages) {
		const facts = ctx.facts[stage.index];
		const written = facts.writtenPlatform;
		let platform: Platform = ctx.target;
		if (written !== null) {
			const e = expandPlatform(written, ctx);
			if (e === null) continue;
			const targetPlatform = ctx.globals.env.get("TARGETPLATFORM");
			if (e.matched.size === 1 && e.unmatched.size === 0 && e.matched.has("TARGETPLATFORM") && e.value === targetPlatform)
				out.add(
					"RedundantTargetPlatform",
					`Drop --platform=${written}.`,
					"A stage is built for the target platform anyway; saying so adds nothing.",
					stage.line,
				);
			const parsed = parsePlatform(e.value);
			if ("error" in parsed) continue;
			platform = parsed;
			const name = stage.name ?? "";
			if (e.matched.size === 0 && e.unmatched.size === 0 && !name.includes(parsed.os) && !name.includes(parsed.arch))
				out.add(
					"FromPlatformFlagConstDisallowed",
					`Use a platform argument such as $BUILDPLATFORM instead of the constant ${e.value}, or name the stage after its platform.`,
					"A fixed --platform ties the stage to one platform, so the Dockerfile cannot build other targets.",
					stage.line,
				);
		}
		if (stage.parent !== null || stage.baseArgs.length > 0 || stage.base === "scratch") continue;
		const ref = parseImageRef(stage.base);
		const namespace = ref?.registry === "docker.io" ? ARCH_NAMESPACES[ref.path.split("/")[0]] : undefined;
		if (namespace && (namespace.os !== platform.os || namespace.arch !== platform.arch))
			out.add(
				"InvalidBaseImagePlatform",
				`Build ${stage.base} for ${namespace.os}/${namespace.arch}, or use the multi-platform image without the architecture prefix.`,
				`That namespace holds ${namespace.os}/${namespace.arch} images only, but the stage is built for ${formatPlatform(platform)}.`,
				stage.line,
			);
	}
}
