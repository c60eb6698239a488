/**
 * Advice rules on a built Dockerfile. Each piece of advice says what to do, why, and on which
 * line. Size claims come from the size table only.
 */
import { findSizeRow, imageSize } from "./base-images";
import { formatBytes } from "./format";
import { inheritanceChain, rootImage } from "./footprint";
import { parseImageRef } from "./image-ref";
import type { StageFacts } from "./stages";
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

/** Runtime images to suggest when the final stage sits on a build image of this family. */
function runtimeOptions(family: string, tag: string): string[] {
	if (family === "golang" || family === "rust" || family === "gcc") {
		return ["scratch", "gcr.io/distroless/static-debian12", "gcr.io/distroless/cc-debian12"].map(option);
	}
	if (family === "node") return interpreterOptions("node:22-slim", "node:22-alpine", "gcr.io/distroless/nodejs20-debian12");
	if (family === "python") return interpreterOptions("python:3.12-slim", "python:3.12-alpine", "gcr.io/distroless/python3-debian12");
	if (family === "maven" || family === "gradle" || family === "openjdk" || family === "eclipse-temurin" || /jdk/.test(tag)) {
		return ["eclipse-temurin:17-jre", "gcr.io/distroless/java17-debian12"].map(option);
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
 */
export function adviseStages(stages: readonly DockerStage[], facts: readonly StageFacts[], final: number): Advice[] {
	const advice: Advice[] = [];
	const add = (rule: string, message: string, reason: string, line: number) => advice.push({ rule, message, reason, line });
	const chain = inheritanceChain(stages, final);
	const finalImage = rootImage(stages, final);
	const finalRef = parseImageRef(finalImage);
	const finalLine = stages[final].line;

	if (isBuildImage(finalImage)) {
		const size = imageSize(finalImage).bytes;
		const options = runtimeOptions(finalRef?.family ?? "", finalRef?.tag ?? "");
		add(
			"sdk-runtime",
			`Ship on a runtime image instead: ${options.join(", ")}.`,
			`${finalImage} is a build image${size === null ? "" : ` (≈ ${formatBytes(size)}, estimate)`}; its compilers and tools are not needed at run time and widen the attack surface.`,
			finalLine,
		);
	}
	if (finalImage === "scratch") {
		const copied = chain.map((s) => facts[s.index].copied).join(" ");
		const missing: string[] = [];
		if (!/ca-certificates|ssl\/certs/.test(copied)) missing.push("CA certificates");
		if (!/zoneinfo|tzdata/.test(copied)) missing.push("tzdata");
		if (!chain.some((s) => facts[s.index].lastUser)) missing.push("a non-root user");
		if (missing.length > 0)
			add(
				"scratch-runtime",
				`Remember ${listed(missing)} if the program needs them.`,
				"scratch is empty: no certificates for TLS, no time zones, no users.",
				finalLine,
			);
	}
	for (const s of stages) {
		if (s.parent !== null || s.base === "scratch" || s.base.includes("$")) continue;
		const ref = parseImageRef(s.base);
		if (!ref) continue;
		if (ref.tag === null && ref.digest === null)
			add(
				"untagged-base",
				`Pin a tag or digest for ${s.base}, e.g. ${s.base}:<version>.`,
				"Without a tag Docker takes latest, which changes under you.",
				s.line,
			);
		else if (ref.tag === "latest" && ref.digest === null)
			add("latest-base", `Pin a version instead of ${s.base}.`, "latest moves with every release, so builds are not repeatable.", s.line);
		if (findSizeRow(s.base)?.deprecated)
			add(
				"deprecated-image",
				`Replace ${s.base} with eclipse-temurin (JDK to build, JRE to run).`,
				"The openjdk images are deprecated upstream and no longer updated.",
				s.line,
			);
	}
	const noShell = finalImage === "scratch" || (finalRef?.family.startsWith("gcr.io/distroless/") ?? false);
	for (const s of chain) {
		for (const form of facts[s.index].shellForm) {
			add(
				"shell-form",
				`Write ${form.keyword} in exec form: ${form.keyword} ["program", "arg"].`,
				noShell
					? `Shell form needs /bin/sh, which ${finalImage} does not have.`
					: "Shell form runs under /bin/sh, so the program does not receive stop signals.",
				form.line,
			);
		}
	}
	const user = chain.map((s) => facts[s.index].lastUser).find((u) => u !== null);
	if (user && /^(root|0)(:.*)?$/.test(user.value))
		add("root-user", "Switch to a non-root USER at the end of the final stage.", "The container otherwise runs as root.", user.line);
	return advice;
}
