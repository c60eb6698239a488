import { describe, expect, it } from "vitest";
import { ok } from "./helpers";

const lines = (...l: string[]) => l.join("\n");
/** The lines where `rule` fires. */
const at = (text: string, rule: string, dockerignore: string | null = null) =>
	ok(text, { dockerignore })
		.advice.filter((a) => a.rule === rule)
		.map((a) => a.line);

describe("Docker's build checks, each from minimal Dockerfiles", () => {
	it("StageNameCasing: a stage name with capitals", () => {
		expect(at(lines("FROM alpine:3.20 AS Build", "FROM build"), "StageNameCasing")).toEqual([1]);
		expect(at("FROM alpine:3.20 AS build", "StageNameCasing")).toEqual([]);
	});

	it("FromAsCasing: AS in another case than FROM; a mixed-case FROM is left to ConsistentInstructionCasing", () => {
		expect(at("FROM alpine:3.20 as build", "FromAsCasing")).toEqual([1]);
		expect(at("from alpine:3.20 AS build", "FromAsCasing")).toEqual([1]);
		expect(at("FROM alpine:3.20 AS build", "FromAsCasing")).toEqual([]);
		expect(at("from alpine:3.20 as build", "FromAsCasing")).toEqual([]);
		expect(at("From alpine:3.20 as build", "FromAsCasing")).toEqual([]);
	});

	it("NoEmptyContinuation: a blank line inside a continuation, reported on the instruction's last line", () => {
		expect(at(lines("FROM alpine:3.20", "RUN echo a \\", "", "  && echo b"), "NoEmptyContinuation")).toEqual([4]);
		expect(at(lines("FROM alpine:3.20", "RUN echo a \\", "# a comment", "  && echo b"), "NoEmptyContinuation")).toEqual([]);
	});

	it("ConsistentInstructionCasing: against the case most instructions use (a tie counts as upper)", () => {
		expect(at(lines("FROM alpine:3.20", "run true", "RUN true"), "ConsistentInstructionCasing")).toEqual([2]);
		expect(at(lines("from alpine:3.20", "run true", "RUN true"), "ConsistentInstructionCasing")).toEqual([3]);
		expect(at(lines("FROM alpine:3.20", "Run true"), "ConsistentInstructionCasing")).toEqual([2]);
		expect(at(lines("arg V=1", "FROM alpine:3.20", "RUN true"), "ConsistentInstructionCasing")).toEqual([]);
	});

	it("DuplicateStageName and ReservedStageName", () => {
		expect(at(lines("FROM alpine:3.20 AS a", "FROM alpine:3.20 AS A", "FROM a"), "DuplicateStageName")).toEqual([2]);
		expect(at(lines("FROM alpine:3.20 AS a", "FROM a AS b"), "DuplicateStageName")).toEqual([]);
		expect(at(lines("FROM alpine:3.20 AS scratch", "FROM alpine:3.20 AS context", "FROM scratch"), "ReservedStageName")).toEqual([1, 2]);
	});

	it("JSONArgsRecommended: CMD and ENTRYPOINT in shell form, unless a SHELL is set (also by the parent stage)", () => {
		expect(at(lines("FROM alpine:3.20", "ENTRYPOINT my-program start"), "JSONArgsRecommended")).toEqual([2]);
		expect(at(lines("FROM alpine:3.20", 'ENTRYPOINT ["my-program", "start"]'), "JSONArgsRecommended")).toEqual([]);
		expect(at(lines("FROM alpine:3.20 AS a", 'SHELL ["/bin/ash", "-c"]', "FROM a", "CMD run"), "JSONArgsRecommended")).toEqual([]);
	});

	it("MaintainerDeprecated", () => {
		expect(at(lines("FROM alpine:3.20", "MAINTAINER me <me@example.org>"), "MaintainerDeprecated")).toEqual([2]);
		expect(at(lines("FROM alpine:3.20", "LABEL org.opencontainers.image.authors=me"), "MaintainerDeprecated")).toEqual([]);
	});

	it("UndefinedArgInFrom: a FROM or --platform variable no global ARG declares, with BuildKit's suggestion", () => {
		const a = ok(lines("ARG VERSION=3.20", "FROM alpine:${VERSON:-3.19}", "FROM --platform=${PLATFORM:-linux/amd64} alpine:${VERSION}"));
		expect(a.advice.filter((x) => x.rule === "UndefinedArgInFrom").map((x) => x.line)).toEqual([2, 3]);
		expect(a.advice.find((x) => x.rule === "UndefinedArgInFrom")?.message).toMatch(/'VERSON' is not declared \(did you mean VERSION\?\)/);
		expect(at(lines("ARG V", "FROM alpine:3.20${V}", "FROM --platform=$BUILDPLATFORM alpine:3.20"), "UndefinedArgInFrom")).toEqual([]);
	});

	it("WorkdirRelativePath: the first WORKDIR of a stage chain when it is relative", () => {
		expect(at(lines("FROM alpine:3.20", "WORKDIR app", "WORKDIR sub"), "WorkdirRelativePath")).toEqual([2]);
		expect(at(lines("FROM alpine:3.20", "WORKDIR /app", "WORKDIR sub"), "WorkdirRelativePath")).toEqual([]);
		expect(at(lines("FROM alpine:3.20 AS a", "WORKDIR /app", "FROM a", "WORKDIR sub"), "WorkdirRelativePath")).toEqual([]);
		// A variable the base image may define could make it absolute: not decided offline.
		expect(at(lines("FROM golang:1.22", "WORKDIR $GOPATH/src"), "WorkdirRelativePath")).toEqual([]);
		expect(at(lines("FROM scratch", "ARG D=/x", "WORKDIR $D/src"), "WorkdirRelativePath")).toEqual([]);
	});

	it("UndefinedVar: in stages on scratch, where every variable is known; a declared ARG without value is defined", () => {
		const text = lines("FROM scratch", "ARG NAME", "ENV HOME=/root", "COPY $NAME $HOEM/", "ENV P=$PATH:/bin", "USER $USR");
		const a = ok(text);
		expect(a.advice.filter((x) => x.rule === "UndefinedVar").map((x) => x.line)).toEqual([4, 6]);
		expect(a.advice.find((x) => x.rule === "UndefinedVar")?.message).toMatch(/\$HOEM.*did you mean \$HOME\?/);
		// One ENV line does not see its own keys, as in BuildKit.
		expect(at(lines("FROM scratch", "ENV A=1 B=$A"), "UndefinedVar")).toEqual([2]);
		expect(at(lines("FROM scratch", "ENV A=1", "ENV B=$A"), "UndefinedVar")).toEqual([]);
		// On an image the variable may come from it: said in skippedChecks, not reported.
		const image = ok(lines("FROM python:3.12", "ENV V=$PYTHON_VERSION"));
		expect(image.advice.map((x) => x.rule)).not.toContain("UndefinedVar");
		expect(image.skippedChecks.map((s) => s.rule)).toContain("UndefinedVar");
	});

	it("global-arg-in-stage: a global ARG used in a stage without ARG there", () => {
		expect(at(lines("ARG V=1", "FROM alpine:3.20", "LABEL version=$V"), "global-arg-in-stage")).toEqual([3]);
		expect(at(lines("ARG V=1", "FROM alpine:3.20", "ARG V", "LABEL version=$V"), "global-arg-in-stage")).toEqual([]);
	});

	it("MultipleInstructionsDisallowed: the earlier of two CMD, ENTRYPOINT or HEALTHCHECK in a stage", () => {
		expect(at(lines("FROM alpine:3.20", 'CMD ["a"]', 'CMD ["b"]', "HEALTHCHECK NONE"), "MultipleInstructionsDisallowed")).toEqual([2]);
		expect(at(lines("FROM alpine:3.20 AS a", 'CMD ["a"]', "FROM a", 'CMD ["b"]'), "MultipleInstructionsDisallowed")).toEqual([]);
	});

	it("LegacyKeyValueFormat: ENV and LABEL with a space instead of =", () => {
		expect(at(lines("FROM alpine:3.20", "ENV KEY value with spaces", "LABEL a b"), "LegacyKeyValueFormat")).toEqual([2, 3]);
		expect(at(lines("FROM alpine:3.20", 'ENV KEY="value with spaces"', "LABEL a=b"), "LegacyKeyValueFormat")).toEqual([]);
	});

	it("InvalidBaseImagePlatform: decidable offline for Docker Hub's per-architecture images only", () => {
		expect(at("FROM arm64v8/alpine:3.20", "InvalidBaseImagePlatform")).toEqual([1]);
		expect(ok("FROM arm64v8/alpine:3.20", { platform: "linux/arm64" }).advice.map((a) => a.rule)).not.toContain("InvalidBaseImagePlatform");
		expect(at("FROM alpine:3.20", "InvalidBaseImagePlatform")).toEqual([]);
		expect(ok("FROM alpine:3.20").skippedChecks.map((s) => s.rule)).toContain("InvalidBaseImagePlatform");
	});

	it("RedundantTargetPlatform: --platform=$TARGETPLATFORM", () => {
		expect(at("FROM --platform=${TARGETPLATFORM} alpine:3.20", "RedundantTargetPlatform")).toEqual([1]);
		expect(at("FROM --platform=$BUILDPLATFORM alpine:3.20", "RedundantTargetPlatform")).toEqual([]);
	});

	it("SecretsUsedInArgOrEnv: ARG and ENV keys that name a secret, in stages", () => {
		expect(at(lines("FROM alpine:3.20", "ARG GITHUB_TOKEN", "ENV DB_PASSWORD=x", "ENV AUTH=1"), "SecretsUsedInArgOrEnv")).toEqual([2, 3, 4]);
		expect(at(lines("ARG API_KEY", "FROM alpine:3.20", "ENV PUBLIC_KEY=x TOKEN_FILE=/run/t KEYBOARD=us"), "SecretsUsedInArgOrEnv")).toEqual([]);
	});

	it("InvalidDefaultArgInFrom: with only defaults, the base image name is empty or invalid", () => {
		expect(at(lines("ARG TAG", "FROM busybox:${TAG}"), "InvalidDefaultArgInFrom")).toEqual([2]);
		expect(at(lines("ARG VARIANT", "FROM busybox:stable${VARIANT}"), "InvalidDefaultArgInFrom")).toEqual([]);
		expect(at(lines("ARG TAG", "FROM alpine:${TAG:-3.14}"), "InvalidDefaultArgInFrom")).toEqual([]);
	});

	it("FromPlatformFlagConstDisallowed: a constant --platform, unless the stage is named after it", () => {
		expect(at("FROM --platform=linux/amd64 alpine:3.20 AS base", "FromPlatformFlagConstDisallowed")).toEqual([1]);
		expect(at("FROM --platform=linux/amd64 alpine:3.20 AS build_amd64", "FromPlatformFlagConstDisallowed")).toEqual([]);
		expect(at("FROM --platform=$BUILDPLATFORM alpine:3.20 AS base", "FromPlatformFlagConstDisallowed")).toEqual([]);
	});

	it("CopyIgnoredFile: with a .dockerignore only, sources from the context only", () => {
		const text = lines(
			"FROM alpine:3.20 AS b",
			"COPY tmp/x.txt /x",
			"COPY ./src /src",
			"COPY . /all",
			"FROM b",
			"COPY --from=b tmp/y /y",
			"ADD https://e.org/tmp/z /z",
		);
		expect(at(text, "CopyIgnoredFile", "# build junk\ntmp\n*.log")).toEqual([2]);
		expect(at(text, "CopyIgnoredFile", "*")).toEqual([2, 3, 4]);
		expect(at(text, "CopyIgnoredFile", "**/tmp/**")).toEqual([2]);
		expect(at(text, "CopyIgnoredFile", "tmp\n!tmp/x.txt")).toEqual([]);
		expect(at(text, "CopyIgnoredFile")).toEqual([]);
		expect(ok(text).skippedChecks.find((s) => s.rule === "CopyIgnoredFile")?.reason).toMatch(/no \.dockerignore/);
		expect(ok(text, { dockerignore: "tmp\n!tmp/x.txt" }).skippedChecks.find((s) => s.rule === "CopyIgnoredFile")?.reason).toMatch(/exceptions/);
	});

	it("ExposeProtoCasing and ExposeInvalidFormat", () => {
		const text = lines("FROM alpine:3.20", "EXPOSE 80/TCP 443", "EXPOSE 127.0.0.1:8080:80 9000:9000/udp");
		expect(at(text, "ExposeProtoCasing")).toEqual([2]);
		expect(at(text, "ExposeInvalidFormat")).toEqual([3, 3]);
		expect(at(lines("FROM alpine:3.20", "EXPOSE 80/tcp 53/udp"), "ExposeInvalidFormat")).toEqual([]);
	});

	it("# check=skip=… at the top or right above an instruction turns rules off, as BuildKit does", () => {
		expect(at(lines("# check=skip=MaintainerDeprecated,StageNameCasing", "FROM alpine:3.20 AS Big", "MAINTAINER me"), "MaintainerDeprecated")).toEqual([]);
		expect(at(lines("# check=skip=all", "FROM alpine:3.20 AS Big"), "StageNameCasing")).toEqual([]);
		expect(at(lines("FROM alpine:3.20", "# check=skip=MaintainerDeprecated", "MAINTAINER a", "MAINTAINER b"), "MaintainerDeprecated")).toEqual([4]);
	});
});
