/**
 * Build and target platforms, read and written the way BuildKit does (`os[(version)]/arch[/variant]`),
 * and the platform build arguments it puts in the global scope of every build.
 *
 * The analysis assumes a default build on a linux/amd64 builder: the build platform is
 * linux/amd64, and the target platform is linux/amd64 unless the caller asks for another one
 * (`docker build --platform`), which changes only the TARGET… arguments.
 */

export interface Platform {
	os: string;
	arch: string;
	/** `v7`, `v8`…, or "" */
	variant: string;
	/** Windows build number such as `10.0.20348`, or "" */
	osVersion: string;
}

/** The builder the analysis assumes: BuildKit on linux/amd64 (no CPU variant on amd64). */
export const DEFAULT_PLATFORM: Platform = { os: "linux", arch: "amd64", variant: "", osVersion: "" };

const KNOWN_OS = new Set([
	"aix",
	"android",
	"darwin",
	"dragonfly",
	"freebsd",
	"hurd",
	"illumos",
	"ios",
	"js",
	"linux",
	"nacl",
	"netbsd",
	"openbsd",
	"plan9",
	"solaris",
	"windows",
	"zos",
]);
const KNOWN_ARCH = new Set([
	"386",
	"amd64",
	"amd64p32",
	"arm",
	"armbe",
	"arm64",
	"arm64be",
	"ppc64",
	"ppc64le",
	"loong64",
	"mips",
	"mipsle",
	"mips64",
	"mips64le",
	"mips64p32",
	"mips64p32le",
	"ppc",
	"riscv",
	"riscv64",
	"s390",
	"s390x",
	"sparc",
	"sparc64",
	"wasm",
]);
const OS_PART = /^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.%-]*)((?:\+[A-Za-z0-9_.%-]+)*)\))?$/;
const OTHER_PART = /^[A-Za-z0-9_.-]+$/;

/** Canonical architecture and variant names (`x86_64` → `amd64`, `aarch64` → `arm64`, `armhf` → `arm/v7`). */
function normalizeArch(arch: string, variant: string): [string, string] {
	let a = arch.toLowerCase();
	let v = variant.toLowerCase();
	if (a === "i386") {
		a = "386";
		v = "";
	} else if (a === "x86_64" || a === "x86-64" || a === "amd64") {
		a = "amd64";
		if (v === "v1") v = "";
	} else if (a === "aarch64" || a === "arm64") {
		a = "arm64";
		if (v === "8" || v === "v8" || v === "v8.0") v = "";
		else if (v === "9" || v === "9.0" || v === "v9.0") v = "v9";
	} else if (a === "armhf") {
		a = "arm";
		v = "v7";
	} else if (a === "armel") {
		a = "arm";
		v = "v6";
	} else if (a === "arm") {
		if (v === "" || v === "7") v = "v7";
		else if (v === "5" || v === "6" || v === "8") v = `v${v}`;
	}
	return [a, v];
}

function normalizeOS(os: string): string {
	const o = os.toLowerCase();
	return o === "macos" ? "darwin" : o;
}

function decodeOption(s: string): string {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}

/**
 * Reads a platform written as in `FROM --platform=…` (`linux/arm64`, `arm64`, `linux/arm/v7`,
 * `windows(10.0.20348)/amd64`); returns the reason when BuildKit would not read it.
 */
export function parsePlatform(spec: string): Platform | { error: string } {
	const fail = (why: string) => ({ error: `${JSON.stringify(spec)}: ${why}` });
	if (spec.includes("*")) return fail("wildcards not yet supported");
	const parts = spec.split("/");
	if (parts.length > 3) return fail("cannot parse platform specifier");
	const os = OS_PART.exec(parts[0]);
	if (!os) return fail(`${JSON.stringify(parts[0])} is not a valid operating system`);
	for (const part of parts.slice(1)) if (!OTHER_PART.test(part)) return fail(`${JSON.stringify(part)} is not a valid platform component`);
	const p: Platform = { os: normalizeOS(os[1]), arch: "", variant: "", osVersion: decodeOption(os[2] ?? "") };
	if (parts.length === 1) {
		if (KNOWN_OS.has(p.os)) return { ...p, arch: DEFAULT_PLATFORM.arch };
		const [arch, variant] = normalizeArch(parts[0], "");
		if (!KNOWN_ARCH.has(arch)) return fail("unknown operating system or architecture");
		return { ...p, os: DEFAULT_PLATFORM.os, arch, variant: arch === "arm" && variant === "v7" ? "" : variant };
	}
	if (parts.length === 2) {
		const [arch, variant] = normalizeArch(parts[1], "");
		return { ...p, arch, variant: arch === "arm" && variant === "v7" ? "" : variant };
	}
	const [arch, variant] = normalizeArch(parts[1], parts[2]);
	return { ...p, arch, variant: arch === "arm64" && variant === "" ? "v8" : variant };
}

/**
 * A target platform as `docker build --platform` takes it: read, then normalised (so `linux/arm`
 * is `linux/arm/v7` and `linux/arm64/v8` is `linux/arm64`).
 */
export function parseTargetPlatform(spec: string): Platform | { error: string } {
	const p = parsePlatform(spec.trim());
	if ("error" in p) return p;
	const [arch, variant] = normalizeArch(p.arch, p.variant);
	return { ...p, arch, variant };
}

/** `linux/arm/v7`, without the OS version (BuildKit's `BUILDPLATFORM` form). */
function formatShort(p: Platform): string {
	return [p.os, p.arch, p.variant].filter((x) => x !== "").join("/");
}

/** `linux/arm/v7`, or `windows(10.0.20348)/amd64` with an OS version (BuildKit's `TARGETPLATFORM` form). */
export function formatPlatform(p: Platform): string {
	const os = p.osVersion === "" ? p.os : `${p.os}(${p.osVersion})`;
	return [os, p.arch, p.variant].filter((x) => x !== "").join("/");
}

/**
 * The build arguments BuildKit defines in the global scope, so FROM lines can use them without an
 * ARG line (inside a stage they exist only after `ARG NAME`).
 * @param targetStage the name of the stage being built (`default` for an unnamed last stage)
 */
export function platformArgs(target: Platform, build: Platform, targetStage: string): Map<string, string> {
	return new Map([
		["BUILDPLATFORM", formatShort(build)],
		["BUILDOS", build.os],
		["BUILDOSVERSION", build.osVersion],
		["BUILDARCH", build.arch],
		["BUILDVARIANT", build.variant],
		["TARGETPLATFORM", formatPlatform(target)],
		["TARGETOS", target.os],
		["TARGETOSVERSION", target.osVersion],
		["TARGETARCH", target.arch],
		["TARGETVARIANT", target.variant],
		["TARGETSTAGE", targetStage],
	]);
}
