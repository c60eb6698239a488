/**
 * Advice rules on a built Dockerfile. Each piece of advice says what to do, why, and on which
 * line. Size claims come from the size table only.
 */
import { findSizeRow, imageSize, isWindowsImage } from "./base-images";
import { formatBytes } from "./format";
import { inheritanceChain, stagePlatform } from "./footprint";
import { parseImageRef } from "./image-ref";
import type { Platform } from "./platform";
import type { StageFacts } from "./stages/built-stages";
import type { Advice, DockerStage } from "./types";

/** `a`, `a and b`, `a, b and c`. */
function listed(items: string[]): string {
	return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** A runtime alternative and its size, from the table. */
function option(image: string): string {
	const size = imageSize(image);
	return size.bytes === null ? image : `${image} (≈ ${formatBytes(size.bytes)})`;
}

/** For Node and Python: distroless only where the table says it beats both alpine and slim. */
function interpreterOptions(slim: string, alpine: string, distroless: string): string[] {
	const options = [slim, alpine];
	const d = imageSize(distroless).bytes;
	const smallest = Math.min(imageSize(slim).bytes ?? Infinity, imageSize(alpine).bytes ?? Infinity);
	if (d !== null && d < smallest) options.push(distroless);
	return options.map(option);
}

/**
 * The version part of an interpreter image's tag (`3.14` of `3.14-bookworm`, `lts` of
 * `lts-alpine`), or null for `latest`, no tag, or a tag that starts with a distribution name.
 */
function tagVersion(tag: string | null): string | null {
	const first = (tag ?? "latest").split("-")[0];
	return /^\d/.test(first) || first === "lts" || first === "current" ? first : null;
}

/** The Java version a JDK or Maven/Gradle tag names (`21-jdk`, `3.9-eclipse-temurin-21`, `jdk17`), or null. */
function javaVersion(family: string, tag: string | null): string | null {
	const t = tag ?? "";
	const named = /(?:^|-)(?:jdk-?|eclipse-temurin-|temurin-|openjdk-|amazoncorretto-|sapmachine-|ibm-semeru-|graalvm-community-)(\d+)(?:-|$)/.exec(t);
	if (named) return named[1];
	if (family === "eclipse-temurin" || family === "openjdk" || family === "amazoncorretto") return /^(\d+)/.exec(t)?.[1] ?? null;
	return null;
}

/** Runtime images to suggest when the final stage sits on a build image of this family, in the same version. */
function runtimeOptions(family: string, tag: string | null): string[] {
	if (family === "golang" || family === "rust" || family === "gcc") {
		return ["scratch", "gcr.io/distroless/static-debian12", "gcr.io/distroless/cc-debian12"].map(option);
	}
	if (family === "node" || family === "python") {
		const v = tagVersion(tag);
		const variant = (name: string) => `${family}:${v === null ? name : `${v}-${name}`}`;
		const distroless = family === "node" ? `gcr.io/distroless/nodejs${v?.split(".")[0] ?? ""}-debian12` : "gcr.io/distroless/python3-debian12";
		return interpreterOptions(variant("slim"), variant("alpine"), distroless);
	}
	if (/^mcr\.microsoft\.com\/dotnet\/(core\/)?sdk$/.test(family)) {
		// Runtimes are tagged major.minor: the SDK's 10.0.400 ships on the 10.0 runtime.
		const v = /^\d+\.\d+/.exec(tag ?? "")?.[0] ?? null;
		const t = v === null ? "" : `:${v}`;
		const chiseled = imageSize("mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled").bytes ?? 0;
		return [
			option(`mcr.microsoft.com/dotnet/aspnet${t}`),
			option(`mcr.microsoft.com/dotnet/runtime${t}`),
			`their -chiseled tags (≈ ${formatBytes(chiseled)})`,
		];
	}
	const corretto = family === "amazoncorretto";
	if (corretto || family === "maven" || family === "gradle" || family === "openjdk" || family === "eclipse-temurin" || /jdk/.test(tag ?? "")) {
		const java = javaVersion(family, tag);
		if (java === null) return [`the eclipse-temurin JRE of your Java version (≈ ${formatBytes(imageSize("eclipse-temurin:17-jre").bytes ?? 0)})`];
		const options = corretto ? [`amazoncorretto:${java}-al2023-headless`, `eclipse-temurin:${java}-jre`] : [`eclipse-temurin:${java}-jre`];
		const distroless = `gcr.io/distroless/java${java}-debian12`;
		if (findSizeRow(distroless) !== null) options.push(distroless);
		return options.map(option);
	}
	return ["a slim, JRE, distroless or scratch image"];
}

/** Build images the table does not size but that are still SDKs. */
function isBuildImage(image: string): boolean {
	const row = findSizeRow(image);
	if (row) return row.role === "sdk";
	const ref = parseImageRef(image);
	if (!ref) return false;
	return /(^|\/)(gradle|buildpack-deps)$/.test(ref.family) || /dotnet\/sdk$/.test(ref.family) || /(^|-)jdk(-|$)/.test(ref.tag ?? "");
}

/**
 * Runs every advice rule.
 * @param stages the built stages (final and skipped already marked)
 * @param facts the per-stage facts collected while building
 * @param target the platform stages without `--platform` are built for
 */
export function adviseStages(stages: readonly DockerStage[], facts: readonly StageFacts[], final: number, target: Platform): Advice[] {
	const advice: Advice[] = [];
	const add = (rule: string, message: string, reason: string, line: number) => advice.push({ rule, message, reason, line });
	const chain = inheritanceChain(stages, final);
	const root = chain[chain.length - 1];
	const finalImage = root.base;
	const finalRef = parseImageRef(finalImage);
	const finalLine = stages[final].line;
	// Image advice is about the image that ships: the final stage's, known, and a Linux one.
	const knownFinal = root.baseArgs.length === 0 && stagePlatform(root, target).os === "linux" && !isWindowsImage(finalImage);

	if (knownFinal && isBuildImage(finalImage)) {
		const size = imageSize(finalImage).bytes;
		const options = runtimeOptions(finalRef?.family ?? "", finalRef?.tag ?? null);
		add(
			"sdk-runtime",
			`Ship on a runtime image instead: ${options.join(", ")}.`,
			`${finalImage} is a build image${size === null ? "" : ` (≈ ${formatBytes(size)}, estimate)`}; its compilers and tools are not needed at run time and widen the attack surface.`,
			finalLine,
		);
	}
	if (root.baseArgs.length === 0 && finalImage === "scratch") {
		const missing: string[] = [];
		if (!chain.some((s) => facts[s.index].copiesCerts)) missing.push("CA certificates");
		if (!chain.some((s) => facts[s.index].copiesZoneinfo)) missing.push("tzdata");
		if (missing.length > 0)
			add(
				"scratch-runtime",
				`Remember ${listed(missing)} if the program needs them.`,
				"scratch is empty: no certificates for TLS and no time zones.",
				finalLine,
			);
	}
	for (const s of stages) {
		if (s.parent !== null) continue;
		if (s.baseArgs.length > 0) {
			const args = s.baseArgs;
			const whole = s.base === `$${args[0]}` || s.base === `\${${args[0]}}`;
			add(
				"InvalidDefaultArgInFrom",
				`Pass ${listed(args.map((a) => `--build-arg ${a}=<${whole ? "image" : "value"}>`))} to docker build, or give ${listed(args.map((a) => `ARG ${a}`))} a default.`,
				`The base image comes from build argument${args.length > 1 ? "s" : ""} ${listed(args)}, which ${args.length > 1 ? "have" : "has"} no default, so it is known only at build time.`,
				s.line,
			);
			continue;
		}
		if (s.base === "scratch" || s.base.includes("$")) continue;
		const ref = parseImageRef(s.base);
		if (!ref) continue;
		if (ref.tag === null && ref.digest === null)
			add(
				"DL3006",
				`Pin a tag or digest for ${s.base}, e.g. ${s.base}:<version>.`,
				"Without a tag Docker takes latest, which changes under you.",
				s.line,
			);
		else if (ref.tag === "latest" && ref.digest === null)
			add("DL3007", `Pin a version instead of ${s.base}.`, "latest moves with every release, so builds are not repeatable.", s.line);
		if (findSizeRow(s.base)?.deprecated)
			add(
				"deprecated-image",
				`Replace ${s.base} with eclipse-temurin (JDK to build, JRE to run).`,
				"The openjdk images are deprecated upstream and no longer updated.",
				s.line,
			);
	}
	const user = chain.map((s) => facts[s.index].lastUser).find((u) => u !== null);
	const nonRootBase = /nonroot/.test(finalRef?.tag ?? "") || /nonroot/.test(finalRef?.family ?? "");
	if (!user && root.baseArgs.length === 0 && !nonRootBase)
		add(
			"final-user-root",
			"Add a USER with a non-root user at the end of the final stage.",
			`The final image never sets one, so the container runs as root${finalImage === "scratch" ? "" : ` unless ${finalImage} sets a user itself`}.`,
			finalLine,
		);
	return advice;
}
