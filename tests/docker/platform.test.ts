import { describe, expect, it } from "vitest";
import { analyseDockerfile } from "../../src/docker/analyse";
import { formatPlatform, parsePlatform, parseTargetPlatform } from "../../src/docker/platform";
import { ok } from "./helpers";

const lines = (...l: string[]) => l.join("\n");

/** One stage per OS and per architecture, and a final stage picked by the platform args. */
const PER_PLATFORM = lines(
	"FROM scratch AS bin-linux",
	"FROM scratch AS bin-windows",
	"FROM alpine:3.20 AS arch-amd64",
	"FROM alpine:3.20 AS arch-arm64",
	"FROM arch-${TARGETARCH} AS arch",
	"FROM bin-$TARGETOS",
	"COPY --from=arch /x /x",
);

describe("platform args in FROM lines", () => {
	it("resolves TARGETOS and TARGETARCH for a default linux/amd64 build", () => {
		const a = ok(PER_PLATFORM);
		expect(a.stages[5]).toMatchObject({ base: "bin-linux", parent: 0 });
		expect(a.stages[4]).toMatchObject({ base: "arch-amd64", parent: 2 });
		expect(a.stages[5].sources[0]).toMatchObject({ kind: "stage", stage: 4 });
		expect(a.stages.map((s) => s.skipped)).toEqual([false, true, false, true, false, false]);
		expect(a.external).toEqual([
			{ ref: "alpine:3.20", via: "from", line: 3 },
			{ ref: "alpine:3.20", via: "from", line: 4 },
		]);
		expect(a.footprint.final.image).toBe("scratch");
		expect(a.platform).toEqual({ target: "linux/amd64", build: "linux/amd64" });
	});

	it("takes another target platform; the build platform stays the builder's", () => {
		const a = ok(lines(PER_PLATFORM, "FROM --platform=$BUILDPLATFORM alpine:3.20 AS tools"), { platform: "windows/arm64" });
		expect(a.stages[5]).toMatchObject({ base: "bin-windows", parent: 1 });
		expect(a.stages[4]).toMatchObject({ base: "arch-arm64", parent: 3 });
		expect(a.stages[6].platform).toBe("linux/amd64");
		expect(a.platform).toEqual({ target: "windows/arm64", build: "linux/amd64" });
	});

	it("fills every BUILD… and TARGET… form, also after a redeclaration without a value", () => {
		const a = ok(
			lines(
				"ARG TARGETARCH",
				"FROM --platform=${BUILDOS}/${BUILDARCH}${BUILDVARIANT:+/$BUILDVARIANT} alpine:3.20 AS a",
				"FROM --platform=$TARGETPLATFORM alpine:3.20-${TARGETOS}-${TARGETARCH}-${TARGETVARIANT:-none} AS b",
			),
			{ platform: "linux/arm/v7" },
		);
		expect(a.stages[0].platform).toBe("linux/amd64");
		expect(a.stages[1].platform).toBe("linux/arm/v7");
		expect(a.stages[1].base).toBe("alpine:3.20-linux-arm-v7");
		expect(a.advice.map((x) => x.rule)).not.toContain("UndefinedArgInFrom");
	});

	it("TARGETSTAGE is the last stage's name, or default", () => {
		expect(ok(lines("FROM alpine:3.20 AS default", "FROM ${TARGETSTAGE}")).stages[1].parent).toBe(0);
		expect(ok(lines("FROM alpine:3.20 AS default", "FROM ${TARGETSTAGE} AS last")).stages[1].parent).toBeNull();
	});

	it("a global ARG with a value replaces a platform arg; one without a value keeps it", () => {
		expect(ok(lines("ARG TARGETOS=windows", "FROM scratch AS bin-windows", "FROM bin-$TARGETOS")).stages[1].parent).toBe(0);
	});

	it("an unreadable target platform is one calm line", () => {
		const a = analyseDockerfile("FROM alpine:3.20", { platform: "linux/arm64/v8/x" });
		expect(a.error).toMatch(/^Unknown target platform "linux\/arm64\/v8\/x"/);
	});
});

describe("platform names", () => {
	it.each([
		["linux/amd64", "linux/amd64"],
		["amd64", "linux/amd64"],
		["linux", "linux/amd64"],
		["arm64", "linux/arm64"],
		["linux/aarch64", "linux/arm64"],
		["linux/arm64/v8", "linux/arm64"],
		["linux/arm", "linux/arm/v7"],
		["linux/armhf", "linux/arm/v7"],
		["linux/x86_64", "linux/amd64"],
		["Windows(10.0.20348)/AMD64", "windows(10.0.20348)/amd64"],
	])("%s as a build target is %s", (spec, shown) => {
		const p = parseTargetPlatform(spec);
		if ("error" in p) throw new Error(p.error);
		expect(formatPlatform(p)).toBe(shown);
	});

	it("reads FROM --platform values as BuildKit does", () => {
		expect(parsePlatform("linux/arm64/v8")).toMatchObject({ arch: "arm64", variant: "v8" });
		expect(parsePlatform("linux/arm")).toMatchObject({ arch: "arm", variant: "" });
		for (const bad of ["", "linux/*", "a/b/c/d", "linux/am d64", "sparkle"]) expect(parsePlatform(bad)).toHaveProperty("error");
	});
});
