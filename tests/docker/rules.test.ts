import { describe, expect, it } from "vitest";
import { analyseDockerfile } from "../../src/docker/analyse";
import { ok, rules } from "./helpers";

const lines = (...l: string[]) => l.join("\n");

describe("parser directives", () => {
	it("reads directives at the top only, case-insensitive keys, and honours a backtick escape", () => {
		const a = ok(lines("# Syntax=docker/dockerfile:1", "# ESCAPE=`", "FROM alpine:3.20 `", "  AS base", "RUN echo \\"));
		expect(a.directives).toEqual({ syntax: "docker/dockerfile:1", escape: "`" });
		expect(a.escape).toBe("`");
		expect(a.stages[0].name).toBe("base"); // the backtick continued the FROM line
	});

	it("stops scanning at the first non-directive line", () => {
		const a = ok(lines("# a comment", "# escape=`", "FROM alpine:3.20 \\", "  AS base"));
		expect(a.escape).toBe("\\");
		expect(a.directives).toEqual({});
		expect(a.stages[0].name).toBe("base");
	});
});

describe("continuations, comments, keywords", () => {
	it("joins continuation lines, allows trailing spaces, drops comments and blank lines inside", () => {
		const a = ok(lines("from alpine:3.20 \\   ", "# a comment inside", "", "   As Build", "CoPy /a /b"));
		expect(a.stages).toHaveLength(1);
		expect(a.stages[0].name).toBe("build");
		expect(a.stages[0].copiesFiles).toBe(true);
		expect(rules(a)).toContain("StageNameCasing");
	});
});

describe("heredocs", () => {
	it("a FROM inside a heredoc creates no stage; several heredocs per line and <<- are read", () => {
		const a = ok(
			lines(
				"FROM alpine:3.20",
				"RUN <<EOF cat > /x && cat <<-'TWO' > /y",
				"FROM golang:1.22 AS nope",
				"EOF",
				"\tFROM rust:1 AS nope2",
				"\tTWO",
				'COPY <<"DOC" /z',
				"FROM node:22",
				"DOC",
				"USER app",
			),
		);
		expect(a.stages).toHaveLength(1);
		expect(a.stages[0].base).toBe("alpine:3.20");
		expect(rules(a)).not.toContain("unterminated-heredoc");
	});
});

describe("global ARGs in FROM", () => {
	it("expands ${BASE:-alpine:3.20} with and without a value", () => {
		expect(ok(lines("ARG BASE", "FROM ${BASE:-alpine:3.20}")).stages[0].base).toBe("alpine:3.20");
		expect(ok(lines("ARG BASE=debian:bookworm", "FROM ${BASE:-alpine:3.20}")).stages[0].base).toBe("debian:bookworm");
	});

	it("expands $V, ${V} and ${V:+alt}, several args on one ARG line, quoted values", () => {
		const a = ok(
			lines('ARG IMG=golang VER="1.22"', "FROM $IMG:${VER} AS b", "ARG LATE=x", "FROM ${VER:+python}:3.12-slim", "FROM alpine${NOPE:+:edge}:3.20"),
		);
		expect(a.stages.map((s) => s.base)).toEqual(["golang:1.22", "python:3.12-slim", "alpine:3.20"]);
	});

	it("fills in predefined platform args and warns about undeclared ones", () => {
		const a = ok(lines("FROM --platform=$BUILDPLATFORM golang:1.22 AS build", "FROM --platform=${TARGETPLATFORM} alpine$MISSING:3.20"));
		expect(a.stages[0].platform).toBe("linux/amd64");
		expect(a.stages[1].platform).toBe("linux/amd64");
		expect(rules(a)).toContain("UndefinedArgInFrom");
	});

	it("ARGs after the first FROM are not global", () => {
		const a = ok(lines("FROM alpine:3.20", "ARG X=-slim", "FROM debian:bookworm$X"));
		expect(a.stages[1].base).toBe("debian:bookworm");
		expect(rules(a)).toContain("UndefinedArgInFrom");
	});
});

describe("FROM and stage names", () => {
	it("lowercases names, AS in any case, and builds on an earlier stage", () => {
		const a = ok(lines("FROM golang:1.22 as Build", "FROM build AS test", "FROM build"));
		expect(a.stages.map((s) => s.name)).toEqual(["build", "test", null]);
		expect(a.stages[1].parent).toBe(0);
		expect(a.stages[2].parent).toBe(0);
		expect(a.footprint.final.image).toBe("golang:1.22"); // inheritance followed to an image
		expect(rules(a)).toContain("StageNameCasing");
		expect(rules(a)).toContain("sdk-runtime");
	});

	it("FROM a later stage's name is not a stage reference", () => {
		const a = ok(lines("FROM later", "FROM alpine:3.20 AS later"));
		expect(a.stages[0].parent).toBeNull();
		expect(rules(a)).toContain("from-later-stage");
	});

	it("flags duplicate and reserved names", () => {
		const a = ok(lines("FROM alpine:3.20 AS a", "FROM alpine:3.20 AS a", "FROM alpine:3.20 AS scratch"));
		expect(rules(a)).toEqual(expect.arrayContaining(["DuplicateStageName", "ReservedStageName"]));
	});
});

describe("COPY --from, RUN --mount from, reachability", () => {
	it("resolves --from=0 as a stage index and flags in any order", () => {
		const a = ok(lines("FROM golang:1.22", "FROM alpine:3.20 AS mid", "FROM scratch", "COPY --chown=a:b --from=0 /x /x", "COPY --link --from=MID /y /y"));
		expect(a.stages[2].sources.map((s) => [s.kind, s.stage])).toEqual([
			["stage", 0],
			["stage", 1],
		]);
		expect(a.stages.every((s) => !s.skipped)).toBe(true);
	});

	it("treats an unknown tagged reference as an external image", () => {
		const a = ok(lines("FROM alpine:3.20", "COPY --from=nginx:1.27 /etc/nginx /etc/nginx"));
		expect(a.stages[0].sources[0]).toMatchObject({ kind: "image", ref: "nginx:1.27" });
		expect(a.external).toContainEqual({ ref: "nginx:1.27", via: "copy", line: 2 });
		expect(rules(a)).not.toContain("from-undefined-stage");
	});

	it("flags a probable typo and, in a skipped stage, a later stage", () => {
		const a = ok(lines("FROM alpine:3.20 AS one", "COPY --from=buidler /a /a", "COPY --from=two /b /b", "FROM alpine:3.20 AS two"));
		const r = a.advice.map((x) => [x.rule, x.line]);
		expect(r).toContainEqual(["from-undefined-stage", 2]);
		expect(r).toContainEqual(["from-later-stage", 3]);
	});

	it("RUN --mount=…,from=X keeps a stage alive; unreached stages are skipped", () => {
		const a = ok(
			lines(
				"FROM golang:1.22 AS deps",
				"FROM golang:1.22 AS unused",
				"FROM golang:1.22 AS build",
				"RUN --mount=type=cache,target=/root/.cache --mount=type=bind,from=deps,source=/go,target=/go go build",
				"FROM gcr.io/distroless/static-debian12:nonroot",
				"COPY --from=build /app /app",
			),
		);
		expect(a.stages.map((s) => s.skipped)).toEqual([false, true, false, false]);
		expect(a.stages[2].sources[0]).toMatchObject({ kind: "stage", stage: 0, via: "mount" });
		expect(a.stages[3].final).toBe(true);
	});
});

describe("footprint", () => {
	it("says unknown for an unknown image, never a guess", () => {
		const a = ok(lines("FROM golang:1.22 AS b", "FROM example.com/team/runtime:2", "COPY --from=b /x /x"));
		expect(a.footprint.final.bytes).toBeNull();
		expect(a.footprint.ratio).toBeNull();
		expect(a.footprint.unknown).toEqual(["example.com/team/runtime:2"]);
	});

	it("gives the ratio against the largest builder base", () => {
		const a = ok(lines("FROM node:22 AS deps", "FROM golang:1.22 AS build", "FROM alpine:3.22", "COPY --from=deps /a /a", "COPY --from=build /b /b"));
		expect(a.footprint.largestBuilder?.image).toBe("node:22");
		expect(a.footprint.ratio).toBeCloseTo(1130 / 8.3, 5);
		expect(a.footprint.final.compressedBytes).toBe(3_800_000);
	});

	it("single-stage files have no builder comparison", () => {
		const f = ok("FROM python:3.12-slim").footprint;
		expect(f.largestBuilder).toBeNull();
		expect(f.copiedFiles).toBe(false);
	});
});

describe("advice", () => {
	it("suggests runtimes for SDK finals, distroless for Node/Python only where the table says it is smaller", () => {
		const node = ok('FROM node:22\nCMD ["node", "x.js"]').advice.find((x) => x.rule === "sdk-runtime")!;
		expect(node.message).toMatch(/node:22-slim/);
		expect(node.message).toMatch(/node:22-alpine/);
		expect(node.message).not.toMatch(/distroless/);
		const py = ok("FROM python:3.12").advice.find((x) => x.rule === "sdk-runtime")!;
		expect(py.message).not.toMatch(/distroless/); // 52.5 MB is not below alpine's 48.8 MB
		const java = ok("FROM eclipse-temurin:21-jdk").advice.find((x) => x.rule === "sdk-runtime")!;
		expect(java.message).toMatch(/21-jre/); // the JDK's own version
		expect(java.message).toMatch(/distroless\/java21/);
		const go = ok("FROM golang:1.22").advice.find((x) => x.rule === "sdk-runtime")!;
		expect(go.message).toMatch(/scratch/);
		expect(rules(ok("FROM node:22-alpine"))).not.toContain("sdk-runtime");
	});

	it("flags untagged and latest bases but not digests", () => {
		expect(rules(ok("FROM alpine"))).toContain("DL3006");
		expect(rules(ok("FROM alpine:latest"))).toContain("DL3007");
		expect(rules(ok(`FROM alpine@sha256:${"0".repeat(64)}`))).not.toContain("DL3006");
	});

	it("flags deprecated openjdk", () => {
		const a = ok("FROM openjdk:17-slim");
		expect(rules(a)).toContain("deprecated-image");
		expect(a.footprint.final.note).toMatch(/deprecated/);
	});

	it("flags shell-form CMD/ENTRYPOINT in every stage (JSONArgsRecommended), with the no-shell reason on scratch", () => {
		const a = ok(lines("FROM golang:1.22 AS b", "CMD go run .", "FROM scratch", "ENTRYPOINT /app", 'CMD ["--flag"]'));
		const shell = a.advice.filter((x) => x.rule === "JSONArgsRecommended");
		expect(shell.map((x) => x.line)).toEqual([2, 4]);
		expect(shell[1].reason).toMatch(/needs \/bin\/sh/);
		expect(shell[0].reason).toMatch(/stop signals/);
		expect(rules(ok("FROM alpine:3.20\nCMD ['single', 'quotes']"))).toContain("JSONArgsRecommended");
	});

	it("flags a final USER root but not a later non-root USER", () => {
		expect(rules(ok("FROM alpine:3.20\nUSER root"))).toContain("DL3002");
		expect(rules(ok("FROM alpine:3.20\nUSER 0:0"))).toContain("DL3002");
		expect(rules(ok("FROM alpine:3.20\nUSER root\nRUN x\nUSER app"))).not.toContain("DL3002");
	});

	it("drops scratch reminders that the Dockerfile already covers", () => {
		const a = ok(
			lines(
				"FROM alpine:3.20 AS certs",
				"FROM scratch",
				"COPY --from=certs /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/",
				"COPY --from=certs /usr/share/zoneinfo /usr/share/zoneinfo",
				"USER 65534",
			),
		);
		expect(rules(a)).not.toContain("scratch-runtime");
	});
});

describe("not a Dockerfile", () => {
	it.each([
		["", /No Dockerfile instructions/],
		["# just a comment", /No Dockerfile instructions/],
		["ARG A=1", /needs a FROM/],
		["RUN apt-get update", /snippet/],
		["docker build -t app .", /Not a Dockerfile/],
	])("%j → one calm line", (text, message) => {
		const a = analyseDockerfile(text);
		expect(a.error).toMatch(message);
		expect(a.error).not.toMatch(/\n/);
	});
});
